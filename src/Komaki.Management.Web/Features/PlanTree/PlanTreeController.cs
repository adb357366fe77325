using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.PlanTree;

/// The plan as a tree (政策 → 施策 → 基本事業 → 事務事業) and the searchable list of projects.
[Authorize(Policy = Policies.Staff)]
public sealed class PlanTreeController(PlanTreePages pages, OrgTreeProvider orgTree, ReadCache cache, JudgmentBands bands, MeasureOptions measureOptions) : AppController()
{
    public const int PageSize = 50;

    /// A filtered tree shows at most this many projects; the project list pages through the rest.
    public const int MaxTreeProjects = 300;

    public async Task<IActionResult> Index([FromQuery] TreeFilter filter)
    {
        var basicPlans = await pages.BasicPlansAsync();
        var year = Clock.FiscalYear;
        var selected = basicPlans.FirstOrDefault(b => b.Id == filter.BasicPlanId)
            ?? basicPlans.FirstOrDefault(b => b.ComprehensivePlan!.IsCurrent && b.Covers(filter.Year ?? year))
            ?? basicPlans.FirstOrDefault();
        var org = await orgTree.GetAsync();
        var roots = new List<TreeNode>();
        var omitted = 0;
        if (selected is not null)
        {
            filter.BasicPlanId = selected.Id;
            (roots, omitted) = await cache.GetAsync($"tree:{selected.Id}:{filter.Year}:{filter.UnitId}:{filter.Q}:{filter.Retired}:{filter.Open}", DataArea.All,
                () => pages.TreeAsync(selected.Id, filter, org, MaxTreeProjects));
        }
        var filtered = filter.UnitId is not null || filter.Year is not null || !string.IsNullOrWhiteSpace(filter.Q);
        var lastYear = Clock.FiscalYear - 1;
        var rollUp = selected is null ? [] : await cache.GetAsync($"rollup:{selected.Id}:{lastYear}", PlanRollUp.Areas, () => pages.RollUpAsync(selected.Id, lastYear));
        return View(new TreeModel(filter, selected?.ComprehensivePlan,
            basicPlans.Select(b => new SelectListItem($"{b.ComprehensivePlan!.Name} {b.Name}", b.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            UnitOptions.For(org), roots, filtered)
        {
            AchievementYear = lastYear,
            Achievement = rollUp.Select(p => ((PlanLevel.Policy, p.Id), p.Result)).Concat(rollUp.SelectMany(p => p.Measures).Select(m => ((PlanLevel.Measure, m.Id), m.Result)))
                .ToDictionary(x => x.Item1, x => x.Result),
            Bands = await bands.GetAsync(),
            OmittedProjects = omitted,
            CanAddPolicy = selected is not null && await MayAsync(PlanElementCommands.New(PlanLevel.Policy, selected.Id), RecordOperations.Named(PlanElementRule.EditStructure)),
        });
    }

    public async Task<IActionResult> Projects([FromQuery] ProjectFilter filter)
    {
        if (filter.MissingActual is int year && !Display.IsFiscalYear(year)) return NotFound();
        // A search by code or name looks across the city; browsing starts at the user's unit.
        filter.UnitId = string.IsNullOrWhiteSpace(filter.Q) ? ListUnit(filter.UnitId) : filter.UnitId == 0 ? null : filter.UnitId;
        var org = await orgTree.GetAsync();
        var (rows, measures) = await cache.GetAsync(
            $"projects:{filter.Q}:{filter.UnitId}:{filter.Year}:{filter.MeasureId}:{filter.MajorOnly}:{filter.Retired}:{filter.MissingActual}:{filter.Page}:{HttpContext.PrintsAll()}", PlanTreePages.ProjectListAreas,
            async () => (await pages.ProjectsAsync(filter, org, HttpContext.PageFor(filter.Page), HttpContext.PageSizeFor(PageSize)), await measureOptions.GetAsync()));
        return View(new ProjectListModel(filter, rows, UnitOptions.For(org), measures, org));
    }
}
