using Komaki.Management.Core.Budgets;

namespace Komaki.Management.Web.Features.Budgets;

/// 予算: per project and year from request to settlement, and plan vs budget vs settled rolled up.
[Authorize(Policy = Policies.Staff)]
[Route("Budgets")]
public sealed class BudgetsController(AppDbContext db, OrgTreeProvider orgTree, ReadCache cache, MeasureOptions measureOptions) : AppController(db)
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, [FromQuery] BudgetFilter filter)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var (editionTitle, all) = await YearAsync(y);
        IEnumerable<BudgetRow> rows = all;
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            rows = rows.Where(r => r.Code.Contains(q, StringComparison.Ordinal) || r.Name.Contains(q, StringComparison.Ordinal));
        }
        filter.UnitId = ListUnit(filter.UnitId);
        if (filter.UnitId is int unit)
        {
            var units = org.SelfAndDescendants(unit);
            rows = rows.Where(r => units.Contains(r.OwnerUnitId));
        }
        if (filter.MeasureId is int measure) rows = rows.Where(r => r.MeasureId == measure);
        var list = rows.ToList();
        var total = list.Select(r => r.Figures).Aggregate(BudgetFigures.Zero, (a, b) => a.Add(b));
        var paged = HttpContext.Page(list, filter.Page, PageSize);
        bool CanEdit(BudgetRow r) => PlanAccess.CanEditUnitRecord(Actor, r.OwnerUnitId, org)
            && DepartmentLocks.BudgetYearOpen(Actor, y, Clock.FiscalYear, r.Figures.Settled is not null);
        return View(new BudgetListModel(y, editionTitle, filter, paged, total, UnitOptions.For(org), await measureOptions.GetAsync(), org, CanEdit));
    }

    [HttpGet("{year:int}/Comparison")]
    public async Task<IActionResult> Comparison(int year, BudgetGrouping by = BudgetGrouping.Measure)
    {
        var org = await orgTree.GetAsync();
        var (editionTitle, rows) = await YearAsync(year);
        var (groups, total) = BudgetRollUp.By(rows, r => by switch
        {
            BudgetGrouping.Policy => (r.PolicyCode, r.PolicyName),
            BudgetGrouping.Department => org.DepartmentOf(r.OwnerUnitId) is { } d ? (d.Code, d.Name) : ("", "（所属なし）"),
            _ => (r.MeasureCode, r.MeasureName),
        }, r => r.Figures);
        return View(new ComparisonModel(year, editionTitle, by, groups, total, rows.Count));
    }

    /// The year's rows for every reader, kept until a budget, plan or implementation-plan line changes.
    private Task<(string? EditionTitle, List<BudgetRow> Rows)> YearAsync(int year) =>
        cache.GetAsync($"budget-year:{year}", BudgetData.Areas, async () =>
        {
            var edition = await BudgetData.PlanEditionForAsync(Db, year);
            return (edition?.Title, await BudgetData.LoadAsync(Db, year, edition?.Id));
        });

    [HttpGet("{year:int}/{projectId:int}")]
    public async Task<IActionResult> Edit(int year, int projectId)
    {
        var project = await Db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId);
        if (project is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!PlanAccess.CanEditUnitRecord(Actor, project.OwnerUnitId, org)) return Forbidden();
        var line = await Db.BudgetLines.AsNoTracking().FirstOrDefaultAsync(b => b.ProjectId == projectId && b.FiscalYear == year);
        if (!DepartmentLocks.BudgetYearOpen(Actor, year, Clock.FiscalYear, line?.Settled is not null)) return Forbidden(DepartmentLocks.BudgetYearClosed);
        var form = new BudgetForm
        {
            Version = line?.Version ?? 0,
            Requested = Amounts.Thousands(line?.Requested), Assessed = Amounts.Thousands(line?.Assessed), Initial = Amounts.Thousands(line?.Initial),
            Supplementary = Amounts.Thousands(line?.Supplementary), Settled = Amounts.Thousands(line?.Settled),
        };
        return View(await ModelAsync(year, project, form, line?.Id));
    }

    [HttpPost("{year:int}/{projectId:int}")]
    public async Task<IActionResult> Edit(int year, int projectId, BudgetForm form)
    {
        var project = await Db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId);
        if (project is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!PlanAccess.CanEditUnitRecord(Actor, project.OwnerUnitId, org)) return Forbidden();
        var line = await Db.BudgetLines.FirstOrDefaultAsync(b => b.ProjectId == projectId && b.FiscalYear == year);
        if (!DepartmentLocks.BudgetYearOpen(Actor, year, Clock.FiscalYear, line?.Settled is not null)) return Forbidden(DepartmentLocks.BudgetYearClosed);
        await ValidateAsync(form);
        var (requested, assessed, initial, supplementary, settled) = (BudgetFormValidator.Yen(form.Requested), BudgetFormValidator.Yen(form.Assessed),
            BudgetFormValidator.Yen(form.Initial), BudgetFormValidator.Yen(form.Supplementary), BudgetFormValidator.Yen(form.Settled));
        // Only the department's request is theirs to enter; assessment onwards is the planning and finance side.
        var canEditStages = Actor.IsPlanMasterEditor;
        if (!canEditStages && (assessed != line?.Assessed || initial != line?.Initial || supplementary != line?.Supplementary || settled != line?.Settled))
            return Forbidden();
        if (!ModelState.IsValid) return View(await ModelAsync(year, project, form, line?.Id));
        if (line is null && requested is null && assessed is null && initial is null && supplementary is null && settled is null)
        {
            TempData["Message"] = $"{project.Code} {project.Name} の{Wareki.FiscalYear(year)}予算は入力がないため、何も保存していません。";
            return RedirectToAction(nameof(Index), new { year, q = project.Code });
        }
        if (line is null)
        {
            line = new BudgetLine { ProjectId = projectId, FiscalYear = year };
            Db.BudgetLines.Add(line);
        }
        line.Requested = requested;
        line.Assessed = assessed;
        line.Initial = initial;
        line.Supplementary = supplementary;
        line.Settled = settled;
        if (!await TrySaveEditsAsync([(line, line.Id == 0 ? 0 : form.Version)], line.AuditTarget))
            return View(await ModelAsync(year, project, form, line.Id == 0 ? null : line.Id));
        TempData["Message"] = $"{project.Code} {project.Name} の{Wareki.FiscalYear(year)}予算を保存しました。";
        return RedirectToAction(nameof(Index), new { year, q = project.Code });
    }

    private async Task<BudgetEditModel> ModelAsync(int year, Core.Plans.Project project, BudgetForm form, int? lineId)
    {
        var org = await orgTree.GetAsync();
        var edition = await BudgetData.PlanEditionForAsync(Db, year);
        long? plan = edition is null ? null : await Db.ImplementationPlanLines.Where(l => l.ImplementationPlanId == edition.Id && l.ProjectId == project.Id && l.FiscalYear == year)
            .Select(l => (long?)l.Cost).FirstOrDefaultAsync();
        return new BudgetEditModel(year, project.Id, project.Code, project.Name, org.PathName(project.OwnerUnitId), plan, Actor.IsPlanMasterEditor, form, lineId);
    }
}
