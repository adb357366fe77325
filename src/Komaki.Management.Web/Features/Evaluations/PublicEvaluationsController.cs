using Komaki.Management.Core.Evaluation;
using Komaki.Management.Web.Features.Public;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.Evaluations;

/// 事務事業評価 on the citizens' site: the published evaluations of a year, searchable, and each one's sheet as it was
/// published — only what PublicData lets through.
public sealed class PublicEvaluationsController(PublicData data, PublishedLists lists) : PublicSiteController
{
    [HttpGet("evaluations")]
    public async Task<IActionResult> Index(int? year, string? q, int page = 1)
    {
        var years = await data.Evaluations.Select(e => e.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync();
        var y = year ?? years.Cast<int?>().FirstOrDefault();
        IEnumerable<EvaluationRecord> rows = y is int yy ? await lists.EvaluationsAsync(yy) : [];
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(r => r.ProjectCode.Contains(q.Trim()) || r.ProjectName.Contains(q.Trim()) || r.MeasureName.Contains(q.Trim()));
        var all = rows.ToList();
        return View("PublicEvaluations", new PublicEvaluationsModel(y, q, years, HttpContext.Page(all, page, PublicData.PageSize)));
    }

    [HttpGet("evaluations/{id:int}")]
    public async Task<IActionResult> Sheet(int id)
    {
        var e = await data.Evaluations.FirstOrDefaultAsync(x => x.Id == id);
        if (e is null) return NotFound();
        return View("PublicEvaluation", new PublicEvaluationModel(e, await data.EvaluationSheetAsync(e)));
    }
}

/// The page in the citizens' site menu; each sheet is reached from the list or a measure's page.
public sealed class PublicEvaluationsPage : IPublicPageContribution
{
    public PublicPage Page { get; } = new("事務事業評価", "PublicEvaluations", nameof(PublicEvaluationsController.Index), 20);
}
