using Komaki.Management.Core.Reports;

namespace Komaki.Management.Web.Features.Reports;

/// The report and the part of it on this screen: one policy, or all of them when printing everything.
public sealed record ResultsModel(ResultsReport Report, IReadOnlyList<ResultsReport.PolicyPart> Shown, string? SelectedPolicy)
{
    public IReadOnlyList<ResultsReport.ProjectLine> UnwrittenShown =>
        Shown.SelectMany(p => p.Measures).SelectMany(m => m.Projects).Where(x => x.Results.Count == 0).ToList();
}
