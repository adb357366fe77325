using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Publishing;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.Public;

/// 市民向け公開サイト: plain pages anyone can open without signing in, showing only what PublicData lets through.
[AllowAnonymous]
[Route("public")]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = "public")]
public sealed class PublicController(PublicData data, PublishedLists lists, JudgmentBands bands, DirectionCatalog directions) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var plan = await data.PlanAsync();
        var published = await data.YearsAsync(PublicationKind.IndicatorActuals);
        var year = published.Cast<int?>().LastOrDefault();
        var name = plan is null ? null : await data.PlanNameAsync(plan);
        var policies = plan is null ? [] : await data.PoliciesAsync(plan, year);
        return View(new PublicHomeModel(plan, name, year, policies, await bands.GetAsync()));
    }

    [HttpGet("measures/{id:int}")]
    public async Task<IActionResult> Measure(int id)
    {
        var plan = await data.PlanAsync();
        if (plan is null) return NotFound();
        var measure = await data.Measures(plan.Id).Include(m => m.Policy).FirstOrDefaultAsync(m => m.Id == id);
        if (measure is null) return NotFound();
        var indicators = await data.IndicatorsAsync([id]);
        var year = (await data.YearsAsync(PublicationKind.IndicatorActuals)).Cast<int?>().LastOrDefault();
        var unit = await data.UnitNameAsync(measure.OwnerUnitId);
        var projects = await data.ProjectsOfAsync(id);
        var voices = (await lists.VoicesAsync()).Where(v => v.MeasureCodes.Contains(measure.Code) || projects.Any(p => v.ProjectCodes.Contains(p.Code))).Take(20).ToList();
        var assessments = await data.AssessmentsAsync(id);
        return View(new PublicMeasureModel(measure, unit, year, year is int y ? RollUp.Measure(indicators, y) : null, await bands.GetAsync(), indicators,
            projects.Select(p => (p.Id, p.Code, p.Name, p.EvaluationId, p.Year, p.Direction is null ? null : directions.Label(p.Direction))).ToList(), voices)
        {
            Assessments = assessments.Select(a => (a.Year, a.Assessment, a.Direction is null ? null : directions.Label(a.Direction),
                a.Correction is { } c ? new PublicCorrection(c.At, c.Reason, $"方向性：{(c.Direction is null ? "－" : directions.Label(c.Direction))}\n{c.Assessment}") : null)).ToList(),
        });
    }

    [HttpGet("evaluations")]
    public async Task<IActionResult> Evaluations(int? year, string? q, int page = 1)
    {
        var years = await data.Evaluations.Select(e => e.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync();
        var y = year ?? years.Cast<int?>().FirstOrDefault();
        IEnumerable<EvaluationRecord> rows = y is int yy ? await lists.EvaluationsAsync(yy) : [];
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(r => r.ProjectCode.Contains(q.Trim()) || r.ProjectName.Contains(q.Trim()) || r.MeasureName.Contains(q.Trim()));
        var all = rows.ToList();
        return View(new PublicEvaluationsModel(y, q, years, HttpContext.Page(all, page, PageSize)));
    }

    [HttpGet("evaluations/{id:int}")]
    public async Task<IActionResult> Evaluation(int id)
    {
        var e = await data.Evaluations.Include(x => x.Project).ThenInclude(p => p!.Measure).FirstOrDefaultAsync(x => x.Id == id);
        if (e is null) return NotFound();
        return View(new PublicEvaluationModel(e, await data.UnitNameAsync(e.OwnerUnitId), await data.EvaluationSheetAsync(e)));
    }

    [HttpGet("forum")]
    public async Task<IActionResult> Forum() => View(await lists.ForumAsync());
}
