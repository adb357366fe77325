using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.ExecutionPlans;

/// 主要事業実行計画: the major projects' plans for the year, their schedules and milestones, and the
/// departments' mid-year and year-end progress.
[Authorize(Policy = Policies.Staff)]
[Route("ExecutionPlans")]
public sealed class ExecutionPlansController(
    ExecutionPlanPages pages, ExecutionPlanCommands commands, OrgTreeProvider orgTree, ReadCache cache, CurrentUser me, ExecutionProgressReports reports) : AppController()
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, int? unitId, bool missingOnly = false)
    {
        unitId = ListUnit(unitId);
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        IEnumerable<ExecutionRow> rows = await cache.GetAsync($"execution-plans:{y}", ExecutionPlanPages.ListAreas, () => pages.YearAsync(y));
        if (unitId is int u)
        {
            var units = org.SelfAndDescendants(u);
            rows = rows.Where(r => units.Contains(r.OwnerUnitId));
        }
        if (missingOnly) rows = rows.Where(r => r.Plan is null || r.Plan.MidYearStatus is null);
        return View(new ExecutionListModel(y, unitId, missingOnly, rows.ToList(), UnitOptions.For(org), org,
            ExecutionPlanImport.Sheet.Access.OfferTo(Actor)));
    }

    [HttpGet("{year:int}/{projectId:int}")]
    public async Task<IActionResult> Details(int year, int projectId)
    {
        var (project, plan) = await pages.PlanAsync(year, projectId);
        if (project is null) return NotFound();
        if (plan is null && !project.IsMajor) return NotFound();
        var org = await orgTree.GetAsync();
        var owner = plan?.OwnerUnitId ?? project.OwnerUnitId;
        var indicators = await pages.IndicatorsAsync(projectId, year);
        var asked = plan ?? NewPlan(year, project);
        return View(new ExecutionDetailsModel(year, project, plan, org.PathName(owner), indicators,
            await MayAsync(asked, RecordOperations.Edit), await RefusalAsync(asked, ExecutionPlanRule.ReportProgress) is null)
        { Reports = plan is null ? [] : await reports.OfAsync(plan.Id), Today = Clock.Today });
    }

    /// 随時の進捗報告: progress reported on the day it is known, kept beside the others.
    [HttpPost("{year:int}/{projectId:int}/Report")]
    public async Task<IActionResult> Report(int year, int projectId, ProgressReportForm form)
    {
        var (project, plan) = await pages.PlanAsync(year, projectId);
        if (project is null || plan is null) return NotFound();
        if (await RefusalAsync(plan, ExecutionPlanRule.ReportProgress) is string refused) return Forbidden(refused);
        var org = await orgTree.GetAsync();
        if (await RunAsync(form, () => Task.FromResult(ExecutionProgressReports.CheckDay(plan, form, Clock.Today)),
                () => reports.AddAsync(plan, form, me.DisplayName, Clock.UtcNow, Clock.Today)) is not null)
        {
            TempData["Message"] = $"{project.Code} {project.Name} の進捗を報告しました。";
            return RedirectToAction(nameof(Details), new { year, projectId });
        }
        var indicators = new List<IndicatorTarget>();
        return View("Details", new ExecutionDetailsModel(year, project, plan, org.PathName(plan.OwnerUnitId), indicators,
            await MayAsync(plan, RecordOperations.Edit), true)
        { Reports = await reports.OfAsync(plan.Id), Today = Clock.Today, ReportForm = form });
    }

    [HttpGet("{year:int}/{projectId:int}/Edit")]
    public async Task<IActionResult> Edit(int year, int projectId)
    {
        var (project, plan) = await pages.PlanAsync(year, projectId);
        if (project is null) return NotFound();
        if (await RefusalAsync(plan ?? NewPlan(year, project), RecordOperations.Edit) is string refused) return Forbidden(refused);
        if (plan is null && !project.IsMajor) return NotFound();
        var org = await orgTree.GetAsync();
        return View(new ExecutionEditModel(year, project, ExecutionPlanPages.FormOf(project, plan), UnitsFor(org, year)));
    }

    [HttpPost("{year:int}/{projectId:int}/Edit")]
    public async Task<IActionResult> Edit(int year, int projectId, ExecutionPlanForm form)
    {
        var (project, plan) = await pages.PlanAsync(year, projectId, tracking: true);
        if (project is null) return NotFound();
        if (await RefusalAsync(plan ?? NewPlan(year, project), RecordOperations.Edit) is string refused) return Forbidden(refused);
        if (plan is null && !project.IsMajor) return NotFound();
        // Handing the project to another unit is a structural decision; a department head keeps it in their own units:
        // the plan as it would be saved is asked about too.
        if (await RefusalAsync(new ExecutionPlan { FiscalYear = year, ProjectId = projectId, OwnerUnitId = form.OwnerUnitId }, RecordOperations.Edit) is string handed)
            return Forbidden(handed);
        var org = await orgTree.GetAsync();
        if (await RunAsync(form, () => Task.FromResult(ExecutionPlanCommands.CheckUnit(form, year, org)), () => commands.SaveAsync(plan, year, projectId, form, org)) is null)
            return View(new ExecutionEditModel(year, project, form, UnitsFor(org, year)));
        TempData["Message"] = $"{project.Code} {project.Name} の実行計画を保存しました。";
        return RedirectToAction(nameof(Details), new { year, projectId });
    }

    [HttpGet("{year:int}/{projectId:int}/Progress")]
    public async Task<IActionResult> Progress(int year, int projectId)
    {
        var (project, plan) = await pages.PlanAsync(year, projectId);
        if (project is null || plan is null) return NotFound();
        if (await RefusalAsync(plan, ExecutionPlanRule.ReportProgress) is string refused) return Forbidden(refused);
        return View(new ProgressModel(year, project, ExecutionPlanPages.ProgressFormOf(plan)));
    }

    [HttpPost("{year:int}/{projectId:int}/Progress")]
    public async Task<IActionResult> Progress(int year, int projectId, ProgressForm form)
    {
        var (project, plan) = await pages.PlanAsync(year, projectId, tracking: true);
        if (project is null || plan is null) return NotFound();
        if (await RefusalAsync(plan, ExecutionPlanRule.ReportProgress) is string refused) return Forbidden(refused);
        if (!await ValidateAsync(form) || !Accept(await commands.SaveProgressAsync(plan, form))) return View(new ProgressModel(year, project, form));
        TempData["Message"] = $"{project.Code} {project.Name} の進捗を保存しました。";
        return RedirectToAction(nameof(Details), new { year, projectId });
    }

    /// The plan not yet made, as its rule is asked about it: a plan of the project's unit.
    private static ExecutionPlan NewPlan(int year, Core.Plans.Project project) =>
        new() { FiscalYear = year, ProjectId = project.Id, Project = project, OwnerUnitId = project.OwnerUnitId };

    private static List<SelectListItem> UnitsFor(OrgTree org, int year) =>
        org.Flatten(u => u.IsValidIn(year)).Where(x => x.Unit.Level != OrgUnitLevel.Department)
            .Select(x => new SelectListItem(org.PathName(x.Unit.Id), x.Unit.Id.ToString(CultureInfo.InvariantCulture))).ToList();
}
