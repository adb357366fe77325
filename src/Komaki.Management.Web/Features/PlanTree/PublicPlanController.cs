using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Publishing;
using Komaki.Management.Web.Features.Public;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.PlanTree;

/// 計画と指標 on the citizens' site (its home): the plan's policies and measures with the achievement of the years
/// published, each measure with its indicators, projects, published evaluations and citizens' voices — only what
/// PublicData lets through.
public sealed class PublicPlanController(PublicData data, PublishedLists lists, JudgmentBands bands, DirectionCatalog directions) : PublicSiteController
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var plan = await data.PlanAsync();
        var published = await data.YearsAsync(PublicationKind.IndicatorActuals);
        var year = published.Cast<int?>().LastOrDefault();
        var name = plan is null ? null : await data.PlanNameAsync(plan);
        var policies = plan is null ? [] : await data.PoliciesAsync(plan, year);
        return View("PublicPlan", new PublicHomeModel(plan, name, year, policies, await bands.GetAsync()));
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
        return View("PublicMeasure", new PublicMeasureModel(measure, unit, year, year is int y ? RollUp.Measure(indicators, y) : null, await bands.GetAsync(), indicators,
            projects.Select(p => (p.Id, p.Code, p.Name, p.EvaluationId, p.Year, p.Direction is null ? null : directions.Label(p.Direction))).ToList(), voices)
        {
            Assessments = assessments.Select(a => (a.Year, a.Assessment, a.Direction is null ? null : directions.Label(a.Direction),
                a.Correction is { } c ? new PublicCorrection(c.At, c.Reason, $"方向性：{(c.Direction is null ? "－" : directions.Label(c.Direction))}\n{c.Assessment}") : null)).ToList(),
        });
    }
}

/// The page in the citizens' site menu.
public sealed class PublicPlanPage : IPublicPageContribution
{
    public PublicPage Page { get; } = new("計画と指標", "PublicPlan", nameof(PublicPlanController.Index), 10);
}
