using Komaki.Management.Core.Execution;

namespace Komaki.Management.Web.Features.ExecutionPlans;

/// 主要事業実行計画: the major projects' plans for the year, their schedules and milestones, and the
/// departments' mid-year and year-end progress.
[Authorize(Policy = Policies.Staff)]
[Route("ExecutionPlans")]
public sealed class ExecutionPlansController(AppDbContext db, OrgTreeProvider orgTree, ReadCache cache, CurrentUser me, ExecutionProgressReports reports) : AppController(db)
{
    /// What the year's list reads: the major projects and their execution plans with schedules.
    private static readonly IReadOnlyList<string> ListAreas = [DataArea.Plan, DataArea.Do];

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, int? unitId, bool missingOnly = false)
    {
        unitId = ListUnit(unitId);
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        IEnumerable<ExecutionRow> rows = await cache.GetAsync($"execution-plans:{y}", ListAreas, () => YearAsync(y));
        if (unitId is int u)
        {
            var units = org.SelfAndDescendants(u);
            rows = rows.Where(r => units.Contains(r.OwnerUnitId));
        }
        if (missingOnly) rows = rows.Where(r => r.Plan is null || r.Plan.MidYearStatus is null);
        return View(new ExecutionListModel(y, unitId, missingOnly, rows.ToList(), UnitOptions.For(org), org,
            ExecutionPlanImport.Sheet.Access.MayImport(Actor)));
    }

    /// The year's major projects (and any other project with a plan for it) with their plans, the same for everyone.
    private async Task<List<ExecutionRow>> YearAsync(int year)
    {
        var plans = await Db.ExecutionPlans.AsNoTracking().Include(e => e.Schedule).Where(e => e.FiscalYear == year).ToDictionaryAsync(e => e.ProjectId);
        var projects = await Db.Projects.AsNoTracking()
            .Where(p => p.RetiredAt == null && p.IsMajor && p.StartYear <= year && (p.EndYear == null || p.EndYear >= year)
                || Db.ExecutionPlans.Any(e => e.ProjectId == p.Id && e.FiscalYear == year))
            .OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name, p.OwnerUnitId }).ToListAsync();
        return projects.Select(p =>
        {
            var plan = plans.GetValueOrDefault(p.Id);
            return new ExecutionRow(p.Id, p.Code, p.Name, plan?.OwnerUnitId ?? p.OwnerUnitId, plan);
        }).ToList();
    }

    [HttpGet("{year:int}/{projectId:int}")]
    public async Task<IActionResult> Details(int year, int projectId)
    {
        var project = await Db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId);
        if (project is null) return NotFound();
        var plan = await Db.ExecutionPlans.AsNoTracking().Include(e => e.Schedule).FirstOrDefaultAsync(e => e.FiscalYear == year && e.ProjectId == projectId);
        if (plan is null && !project.IsMajor) return NotFound();
        var org = await orgTree.GetAsync();
        var owner = plan?.OwnerUnitId ?? project.OwnerUnitId;
        var indicators = await Db.Indicators.AsNoTracking().Where(i => i.ProjectId == projectId && i.RetiredAt == null).OrderBy(i => i.SortOrder)
            .Select(i => new IndicatorTarget(i.Id, i.Name, i.Unit,
                i.Values.Where(v => v.FiscalYear == year).Select(v => v.Target).FirstOrDefault(),
                i.Values.Where(v => v.FiscalYear == year).Select(v => v.Actual).FirstOrDefault()))
            .ToListAsync();
        return View(new ExecutionDetailsModel(year, project, plan, org.PathName(owner), indicators,
            PlanAccess.CanEditUnitRecord(Actor, owner, org), PlanAccess.CanEnterIndicatorValues(Actor, owner, org))
        { Reports = plan is null ? [] : await reports.OfAsync(plan.Id), Today = Clock.Today });
    }

    /// 随時の進捗報告: progress reported on the day it is known, kept beside the others.
    [HttpPost("{year:int}/{projectId:int}/Report")]
    public async Task<IActionResult> Report(int year, int projectId, string? asOf, ProgressStatus? reportStatus, string? reportText)
    {
        var (project, plan) = await LoadAsync(year, projectId);
        if (project is null || plan is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!PlanAccess.CanEnterIndicatorValues(Actor, plan.OwnerUnitId, org)) return Forbidden();
        if (Accept(await reports.AddAsync(plan, asOf, reportStatus, reportText, me.DisplayName, Clock.UtcNow, Clock.Today)))
        {
            TempData["Message"] = $"{project.Code} {project.Name} の進捗を報告しました。";
            return RedirectToAction(nameof(Details), new { year, projectId });
        }
        var indicators = new List<IndicatorTarget>();
        return View("Details", new ExecutionDetailsModel(year, project, plan, org.PathName(plan.OwnerUnitId), indicators,
            PlanAccess.CanEditUnitRecord(Actor, plan.OwnerUnitId, org), true)
        { Reports = await reports.OfAsync(plan.Id), Today = Clock.Today, ReportForm = (asOf, reportStatus, reportText) });
    }

    [HttpGet("{year:int}/{projectId:int}/Edit")]
    public async Task<IActionResult> Edit(int year, int projectId)
    {
        var (project, plan) = await LoadAsync(year, projectId);
        if (project is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!PlanAccess.CanEditUnitRecord(Actor, plan?.OwnerUnitId ?? project.OwnerUnitId, org)) return Forbidden();
        if (plan is null && !project.IsMajor) return NotFound();
        var form = new ExecutionPlanForm
        {
            Version = plan?.Version ?? 0,
            OwnerUnitId = plan?.OwnerUnitId ?? project.OwnerUnitId,
            Goal = plan?.Goal,
            Content = plan?.Content,
            Months = ExecutionPlan.Months.ToDictionary(m => m, m => plan?.WorkIn(m)),
        };
        return View(new ExecutionEditModel(year, project, form, UnitsFor(org, year)));
    }

    [HttpPost("{year:int}/{projectId:int}/Edit")]
    public async Task<IActionResult> Edit(int year, int projectId, ExecutionPlanForm form)
    {
        var (project, plan) = await LoadAsync(year, projectId, track: true);
        if (project is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!PlanAccess.CanEditUnitRecord(Actor, plan?.OwnerUnitId ?? project.OwnerUnitId, org)) return Forbidden();
        if (plan is null && !project.IsMajor) return NotFound();
        // Handing the project to another unit is a structural decision; a department head keeps it in their own units.
        if (!PlanAccess.CanEditUnitRecord(Actor, form.OwnerUnitId, org)) return Forbidden();
        if (form.Months.Keys.Any(m => !ExecutionPlan.Months.Contains(m))) return BadRequest();
        await ValidateAsync(form);
        if (org.Find(form.OwnerUnitId) is not { } unit || !unit.IsValidIn(year)) ModelState.AddModelError(nameof(form.OwnerUnitId), "この年度の組織から担当課を選んでください。");
        if (!ModelState.IsValid) return View(new ExecutionEditModel(year, project, form, UnitsFor(org, year)));
        if (plan is null)
        {
            plan = new ExecutionPlan { FiscalYear = year, ProjectId = projectId };
            Db.ExecutionPlans.Add(plan);
        }
        plan.OwnerUnitId = form.OwnerUnitId;
        plan.Goal = form.Goal!.Trim();
        plan.Content = (form.Content ?? "").Trim();
        foreach (var month in ExecutionPlan.Months) plan.SetWork(month, form.Months.GetValueOrDefault(month));
        if (!await TrySaveEditsAsync([(plan, plan.Id == 0 ? 0 : form.Version)], plan.AuditTarget))
            return View(new ExecutionEditModel(year, project, form, UnitsFor(org, year)));
        TempData["Message"] = $"{project.Code} {project.Name} の実行計画を保存しました。";
        return RedirectToAction(nameof(Details), new { year, projectId });
    }

    [HttpGet("{year:int}/{projectId:int}/Progress")]
    public async Task<IActionResult> Progress(int year, int projectId)
    {
        var (project, plan) = await LoadAsync(year, projectId);
        if (project is null || plan is null) return NotFound();
        if (!PlanAccess.CanEnterIndicatorValues(Actor, plan.OwnerUnitId, await orgTree.GetAsync())) return Forbidden();
        return View(new ProgressModel(year, project, new ProgressForm
        {
            Version = plan.Version, MidYearStatus = plan.MidYearStatus, MidYearProgress = plan.MidYearProgress,
            YearEndStatus = plan.YearEndStatus, YearEndProgress = plan.YearEndProgress,
        }));
    }

    [HttpPost("{year:int}/{projectId:int}/Progress")]
    public async Task<IActionResult> Progress(int year, int projectId, ProgressForm form)
    {
        var (project, plan) = await LoadAsync(year, projectId, track: true);
        if (project is null || plan is null) return NotFound();
        if (!PlanAccess.CanEnterIndicatorValues(Actor, plan.OwnerUnitId, await orgTree.GetAsync())) return Forbidden();
        if (!await ValidateAsync(form)) return View(new ProgressModel(year, project, form));
        plan.MidYearStatus = form.MidYearStatus;
        plan.MidYearProgress = string.IsNullOrWhiteSpace(form.MidYearProgress) ? null : form.MidYearProgress.Trim();
        plan.YearEndStatus = form.YearEndStatus;
        plan.YearEndProgress = string.IsNullOrWhiteSpace(form.YearEndProgress) ? null : form.YearEndProgress.Trim();
        if (!await TrySaveEditAsync(plan, form.Version, plan.AuditTarget)) return View(new ProgressModel(year, project, form));
        TempData["Message"] = $"{project.Code} {project.Name} の進捗を保存しました。";
        return RedirectToAction(nameof(Details), new { year, projectId });
    }

    private async Task<(Project?, ExecutionPlan?)> LoadAsync(int year, int projectId, bool track = false)
    {
        var project = await Db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId);
        var plans = track ? Db.ExecutionPlans : Db.ExecutionPlans.AsNoTracking();
        var plan = await plans.Include(e => e.Schedule).FirstOrDefaultAsync(e => e.FiscalYear == year && e.ProjectId == projectId);
        return (project, plan);
    }

    private static List<SelectListItem> UnitsFor(OrgTree org, int year) =>
        org.Flatten(u => u.IsValidIn(year)).Where(x => x.Unit.Level != OrgUnitLevel.Department)
            .Select(x => new SelectListItem(org.PathName(x.Unit.Id), x.Unit.Id.ToString(CultureInfo.InvariantCulture))).ToList();
}
