using Komaki.Management.Web.Features.OpenData;

namespace Komaki.Management.Web.Features.Public;

/// 市民向け公開サイト: plain pages anyone can open without signing in, showing only what PublicData lets through.
[AllowAnonymous]
[Route("public")]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = "public")]
public sealed class PublicController(PublicData data, OpenDataLists lists, JudgmentBands bands, DirectionCatalog directions) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var plan = await data.PlanAsync();
        var published = await data.YearsAsync(PublicationKind.IndicatorActuals);
        var year = published.Cast<int?>().LastOrDefault();
        var name = plan is null ? null : await data.Db.ComprehensivePlans.Where(c => c.Id == plan.ComprehensivePlanId).Select(c => c.Name).FirstAsync();
        var policies = plan is null ? [] : await PlanRollUp.LoadAsync(data.Db, plan.Id, year ?? 0, published.ToHashSet());
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
        var unit = await data.Db.OrgUnits.Where(u => u.Id == measure.OwnerUnitId).Select(u => u.Name).FirstOrDefaultAsync();
        var projects = await data.Db.Projects.AsNoTracking().Where(p => p.MeasureId == id && p.RetiredAt == null).OrderBy(p => p.SortOrder).ThenBy(p => p.Code)
            .Select(p => new
            {
                p.Id, p.Code, p.Name,
                Latest = data.Evaluations.Where(e => e.ProjectId == p.Id).OrderByDescending(e => e.FiscalYear).Select(e => new { e.Id, e.FiscalYear, e.SecondDirection, e.FirstDirection }).FirstOrDefault(),
            }).ToListAsync();
        var voices = (await lists.VoicesAsync()).Where(v => v.MeasureCodes.Contains(measure.Code) || projects.Any(p => v.ProjectCodes.Contains(p.Code))).Take(20).ToList();
        var assessmentYears = await data.YearsAsync(PublicationKind.MeasureEvaluations);
        var assessments = await data.Db.MeasureEvaluations.AsNoTracking().Where(e => e.MeasureId == id && assessmentYears.Contains(e.FiscalYear) && e.Assessment != "")
            .OrderByDescending(e => e.FiscalYear).Select(e => new { e.FiscalYear, e.Assessment, e.Direction }).ToListAsync();
        return View(new PublicMeasureModel(measure, unit, year, year is int y ? RollUp.Measure(indicators, y) : null, await bands.GetAsync(), indicators,
            projects.Select(p => (p.Id, p.Code, p.Name, p.Latest?.Id, p.Latest?.FiscalYear, p.Latest is null ? null : directions.Label(p.Latest.SecondDirection ?? p.Latest.FirstDirection))).ToList(), voices)
        {
            Assessments = assessments.Select(a => (a.FiscalYear, a.Assessment, a.Direction is null ? null : directions.Label(a.Direction))).ToList(),
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
        ViewData["Unit"] = await data.Db.OrgUnits.Where(u => u.Id == e.OwnerUnitId).Select(u => u.Name).FirstOrDefaultAsync();
        return View(e);
    }

    [HttpGet("manifesto")]
    public async Task<IActionResult> Manifesto()
    {
        var years = await data.YearsAsync(PublicationKind.ManifestoProgress);
        return View(await ManifestoStanding.LoadAsync(data.Db, years));
    }

    [HttpGet("forum")]
    public async Task<IActionResult> Forum() => View(await lists.ForumAsync());

    [HttpGet("voices")]
    public async Task<IActionResult> Voices(int page = 1)
    {
        var all = await lists.VoicesAsync();
        return View(HttpContext.Page(all, page, PageSize));
    }
}
