using Komaki.Management.Core.Common;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.InternalControl;

/// 内部統制 on the citizens' site: each published year's report — its figures, conclusion and the audit committee's
/// opinion — and the processing errors planning has published. Risks themselves are not shown.
public sealed class PublicControlController(ControlPages control, CityClock clock) : PublicSiteController
{
    [HttpGet("control")]
    public async Task<IActionResult> Index()
    {
        var policy = await control.PolicyAsync();
        var years = await control.PublishedYearsAsync();
        var (risks, errors) = await control.OfYearsAsync(years.Select(y => y.FiscalYear).ToList());
        var reports = years.Select(y => new ControlReport(y.FiscalYear, policy, y, risks.Where(r => r.FiscalYear == y.FiscalYear).ToList(),
            errors.Where(e => e.FiscalYear == y.FiscalYear).ToList(), clock.Today)).ToList();
        return View("PublicControl", new PublicControlModel(reports, await control.PublishedErrorsAsync()));
    }
}

public sealed record PublicControlModel(IReadOnlyList<ControlReport> Reports, IReadOnlyList<ProcessingError> Errors);

public sealed class PublicControlPage : IPublicPageContribution
{
    public PublicPage Page { get; } = new("内部統制", "PublicControl", nameof(PublicControlController.Index), 70);
}
