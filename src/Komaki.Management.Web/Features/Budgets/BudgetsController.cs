using Komaki.Management.Core;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Budgets;

/// 予算: per project and year from request to settlement, and plan vs budget vs settled rolled up.
[Authorize(Policy = Policies.Staff)]
[Route("Budgets")]
public sealed class BudgetsController(
    OrgTreeProvider orgTree, ReadCache cache, MeasureOptions measureOptions, BudgetPages pages, BudgetCommands commands, FormulatedLines formulated, BudgetDecisions decisions) : AppController()
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, [FromQuery] BudgetFilter filter)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var (editionTitle, all) = await YearAsync(y);
        IEnumerable<BudgetRow> rows = (await UndecidedAsync(y)).Seen(all, y, Actor, org);
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
        bool CanEdit(BudgetRow r) => BudgetLineRule.EditRefusal(Actor, r.OwnerUnitId, y, Clock.FiscalYear, r.Figures.Settled is not null, org) is null;
        return View(new BudgetListModel(y, editionTitle, filter, paged, total, UnitOptions.For(org), await measureOptions.GetAsync(), org, CanEdit) { Withheld = list.Count(r => r.Figures.Withheld) });
    }

    [HttpGet("{year:int}/Comparison")]
    public async Task<IActionResult> Comparison(int year, BudgetGrouping by = BudgetGrouping.Measure)
    {
        var org = await orgTree.GetAsync();
        var (editionTitle, all) = await YearAsync(year);
        var rows = (await UndecidedAsync(year)).Seen(all, year, Actor, org);
        var (groups, total) = BudgetRollUp.By(rows, r => by switch
        {
            BudgetGrouping.Policy => (r.PolicyCode, r.PolicyName),
            BudgetGrouping.Department => org.DepartmentOf(r.OwnerUnitId) is { } d ? (d.Code, d.Name) : ("", "（所属なし）"),
            _ => (r.MeasureCode, r.MeasureName),
        }, r => r.Figures);
        return View(new ComparisonModel(year, editionTitle, by, groups, total, rows.Count) { Withheld = rows.Count(r => r.Figures.Withheld) });
    }

    /// The year's rows for every reader, kept until a budget, plan or implementation-plan line changes.
    private Task<(string? EditionTitle, List<BudgetRow> Rows)> YearAsync(int year) =>
        cache.GetAsync($"budget-year:{year}", BudgetData.Areas, () => pages.YearAsync(year));

    /// Which of the year's 要求額・査定額 are undecided in 予算編成 (each reader's rows are UndecidedBudgets.Seen).
    private Task<UndecidedBudgets> UndecidedAsync(int year) =>
        cache.GetAsync($"budget-undecided:{year}", BudgetDecisions.Areas, () => decisions.ForYearsAsync([year]));

    /// The form shows 要求額 and 査定額: refused, as the table withholds them, to those who may not read them yet.
    private async Task<string?> UndecidedRefusalAsync(int year, Core.Plans.Project project) =>
        (await UndecidedAsync(year)).Hides(Actor, year, project.OwnerUnitId, await orgTree.GetAsync()) ? UndecidedBudgets.Refused : null;

    [HttpGet("{year:int}/{projectId:int}")]
    public async Task<IActionResult> Edit(int year, int projectId)
    {
        var project = await pages.ProjectAsync(projectId);
        if (project is null) return NotFound();
        var line = await pages.LineAsync(projectId, year);
        if (await RefusalAsync(line ?? new BudgetLine { ProjectId = projectId, FiscalYear = year, Project = project }, RecordOperations.Edit) is string refused) return Forbidden(refused);
        if (await UndecidedRefusalAsync(year, project) is string undecided) return Forbidden(undecided);
        return View(await ModelAsync(year, project, BudgetPages.FormOf(line), line?.Id));
    }

    [HttpPost("{year:int}/{projectId:int}")]
    public async Task<IActionResult> Edit(int year, int projectId, BudgetForm form)
    {
        var project = await pages.ProjectAsync(projectId);
        if (project is null) return NotFound();
        var line = await pages.LineAsync(projectId, year);
        var record = line ?? new BudgetLine { ProjectId = projectId, FiscalYear = year, Project = project };
        if (await RefusalAsync(record, RecordOperations.Edit) is string refused) return Forbidden(refused);
        if (await UndecidedRefusalAsync(year, project) is string undecided) return Forbidden(undecided);
        await ValidateAsync(form);
        if (BudgetCommands.ChangesLaterStages(form, line) && await RefusalAsync(record, BudgetLineRule.EnterLaterStages) is string notYours) return Forbidden(notYours);
        if (!ModelState.IsValid) return View(await ModelAsync(year, project, form, line?.Id));
        var saved = await commands.SaveAsync(projectId, year, form, await formulated.StagesFromFormulationAsync(year, projectId));
        if (!Accept(saved)) return View(await ModelAsync(year, project, form, (await pages.LineAsync(projectId, year))?.Id));
        TempData["Message"] = saved.RecordId is null
            ? $"{project.Code} {project.Name} の{Wareki.FiscalYear(year)}予算は入力がないため、何も保存していません。"
            : $"{project.Code} {project.Name} の{Wareki.FiscalYear(year)}予算を保存しました。";
        return RedirectToAction(nameof(Index), new { year, q = project.Code });
    }

    private async Task<BudgetEditModel> ModelAsync(int year, Core.Plans.Project project, BudgetForm form, int? lineId) =>
        new(year, project.Id, project.Code, project.Name, (await orgTree.GetAsync()).PathName(project.OwnerUnitId), await pages.PlanCostAsync(project.Id, year),
            await RefusalAsync(new BudgetLine { ProjectId = project.Id, FiscalYear = year, Project = project }, BudgetLineRule.EnterLaterStages) is null,
            await formulated.StagesFromFormulationAsync(year, project.Id), form, lineId);
}
