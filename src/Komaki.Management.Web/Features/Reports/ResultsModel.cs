using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Reports;

namespace Komaki.Management.Web.Features.Reports;

/// The report and the part of it on this screen: one policy, or all of them when printing everything.
public sealed record ResultsModel(ResultsReport Report, IReadOnlyList<ResultsReport.PolicyPart> Shown, string? SelectedPolicy, IReadOnlyList<JudgmentBand> Bands)
{
    public IReadOnlyList<ResultsReport.ProjectLine> UnwrittenShown =>
        Shown.SelectMany(p => p.Measures).SelectMany(m => m.Projects).Where(x => x.Results.Count == 0).ToList();

    /// The editions given to the council, oldest first; Edition: the one on screen (null: the report as the data reads now).
    public IReadOnlyList<ResultsSubmission> Editions { get; init; } = [];
    public ResultsSubmission? Edition { get; init; }
    public bool CanSubmit { get; init; }

    /// 施策の状況 of every measure of the report (all policies, whichever is on screen).
    public IReadOnlyDictionary<MeasureStanding, int> Standings => MeasureStandings.Tally(Report.Policies.SelectMany(p => p.Measures).Select(m => m.Result), Bands);
}
