using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Features.Budgets;
using Komaki.Management.Web.Features.PlanTree;
using Komaki.Management.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.Web.Features.Evaluations;

/// 事務事業評価: the year's evaluations with counts per direction, the sheet pre-filled from the budget, the plan
/// and the indicators, the department's entry, the first and second reviews, publication and printing.
[Authorize(Roles = Roles.Staff)]
[Route("Evaluations")]
public sealed class EvaluationsController(AppDbContext db, OrgTreeProvider orgTree, CurrentUser me, IConfiguration configuration, DirectionCatalog directions) : AppController(db)
{
    public const int PageSize = 50;

    /// The staff cost of one person-year (Evaluation:StaffCostPerPersonYear, yen); 8,000,000 unless configured.
    private long StaffCostPerPersonYear => configuration.GetValue<long?>("Evaluation:StaffCostPerPersonYear") ?? 8_000_000;

    /// A draft belongs to its unit (and planning) until the unit head's first review.
    private bool CanRead(ProjectEvaluation e, OrgTree org) => EvaluationAccess.CanRead(Actor, e, org);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] EvaluationFilter filter)
    {
        var year = filter.Year ?? Display.CurrentFiscalYear() - 1;
        var org = await orgTree.GetAsync();
        var evaluations = await Db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == year).ToDictionaryAsync(e => e.ProjectId);
        var projects = await Db.Projects.AsNoTracking()
            .Where(p => p.StartYear <= year && (p.EndYear == null || p.EndYear >= year) || evaluations.Keys.Contains(p.Id))
            .OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name, p.OwnerUnitId, p.MeasureId }).ToListAsync();
        var all = projects.Select(p =>
        {
            evaluations.TryGetValue(p.Id, out var e);
            var owner = e?.OwnerUnitId ?? p.OwnerUnitId;
            var canOpen = e is null ? true : CanRead(e, org);
            return (Row: new EvaluationRow(p.Id, p.Code, p.Name, owner, e, canOpen), p.MeasureId);
        }).ToList();
        // Directions are counted and filtered over the evaluations this person may read.
        var directionCounts = all.Where(x => x.Row.CanOpen && x.Row.Evaluation?.FinalDirection is not null && x.Row.Evaluation.State != EvaluationState.Draft)
            .GroupBy(x => x.Row.Evaluation!.FinalDirection!.Value).ToDictionary(g => g.Key, g => g.Count());
        var stateCounts = all.Where(x => x.Row.Evaluation is not null).GroupBy(x => x.Row.Evaluation!.State).ToDictionary(g => g.Key, g => g.Count());
        var notStarted = all.Count(x => x.Row.Evaluation is null);

        IEnumerable<(EvaluationRow Row, int MeasureId)> rows = all;
        if (filter.UnitId is int u)
        {
            var units = org.SelfAndDescendants(u);
            rows = rows.Where(x => units.Contains(x.Row.OwnerUnitId));
        }
        if (filter.MeasureId is int m) rows = rows.Where(x => x.MeasureId == m);
        if (filter.Direction is Direction d) rows = rows.Where(x => x.Row.CanOpen && x.Row.Evaluation?.FinalDirection == d && x.Row.Evaluation.State != EvaluationState.Draft);
        if (filter.State is EvaluationState s) rows = rows.Where(x => x.Row.Evaluation?.State == s);
        if (filter.NotStarted) rows = rows.Where(x => x.Row.Evaluation is null);
        var list = rows.Select(x => x.Row).ToList();
        var page = Paged<EvaluationRow>.Clamp(filter.Page);
        var measures = await Db.Measures.AsNoTracking().Where(x => x.RetiredAt == null).OrderBy(x => x.Code)
            .Select(x => new SelectListItem(x.Code + " " + x.Name, x.Id.ToString())).ToListAsync();
        return View(new EvaluationListModel(year, filter, new Paged<EvaluationRow>(list.Skip((page - 1) * PageSize).Take(PageSize).ToList(), page, PageSize, list.Count),
            directionCounts, stateCounts, notStarted, PlanTreeController.UnitOptions(org), measures, org));
    }

    [HttpGet("{year:int}/{projectId:int}")]
    public async Task<IActionResult> Details(int year, int projectId)
    {
        var org = await orgTree.GetAsync();
        var sheet = await SheetAsync(year, projectId, org);
        if (sheet is null) return NotFound();
        if (sheet.Evaluation is { } e && !CanRead(e, org)) return Forbidden();
        return View(Model(sheet, org, new StepForm { Version = sheet.Evaluation?.Version ?? 0 }));
    }

    [HttpPost("{year:int}/{projectId:int}/Start")]
    public async Task<IActionResult> Start(int year, int projectId)
    {
        var project = await Db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId);
        if (project is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!EvaluationWorkflow.IsUnit(Actor, project.OwnerUnitId, org) && !Actor.IsPlanMasterEditor) return Forbidden();
        if (!await Db.ProjectEvaluations.AnyAsync(e => e.ProjectId == projectId && e.FiscalYear == year))
        {
            var settled = await Db.BudgetLines.Where(b => b.ProjectId == projectId && b.FiscalYear == year).Select(b => b.Settled).FirstOrDefaultAsync();
            var last = await Db.ProjectEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.ProjectId == projectId && e.FiscalYear == year - 1);
            Db.ProjectEvaluations.Add(new ProjectEvaluation
            {
                ProjectId = projectId, FiscalYear = year, OwnerUnitId = project.OwnerUnitId, SettledCost = settled,
                StaffCostPerPersonYear = StaffCostPerPersonYear, StaffPersonYears = last?.StaffPersonYears ?? 0,
            });
            await Db.SaveChangesAsync();
            TempData["Message"] = "評価シートを作成しました。決算額・指標は登録済みの値を表示しています。人工・評価・方向性を入力してください。";
        }
        return RedirectToAction(nameof(Edit), new { year, projectId });
    }

    [HttpGet("{year:int}/{projectId:int}/Edit")]
    public async Task<IActionResult> Edit(int year, int projectId)
    {
        var org = await orgTree.GetAsync();
        var sheet = await SheetAsync(year, projectId, org);
        if (sheet?.Evaluation is not { } e) return NotFound();
        if (!EvaluationWorkflow.CanEdit(Actor, e, org)) return EditRefused(e, org, year, projectId);
        return View((sheet, new EvaluationForm
        {
            Version = e.Version, StaffPersonYears = NumberText.Format(e.StaffPersonYears),
            Necessity = e.Necessity, NecessityReason = e.NecessityReason, Effectiveness = e.Effectiveness, EffectivenessReason = e.EffectivenessReason,
            Efficiency = e.Efficiency, EfficiencyReason = e.EfficiencyReason, Equity = e.Equity, EquityReason = e.EquityReason,
            FirstDirection = e.FirstDirection, Improvement = e.Improvement,
        }));
    }

    [HttpPost("{year:int}/{projectId:int}/Edit")]
    public async Task<IActionResult> Edit(int year, int projectId, EvaluationForm form)
    {
        var org = await orgTree.GetAsync();
        var e = await Db.ProjectEvaluations.FirstOrDefaultAsync(x => x.ProjectId == projectId && x.FiscalYear == year);
        if (e is null) return NotFound();
        if (!EvaluationWorkflow.CanEdit(Actor, e, org)) return EditRefused(e, org, year, projectId);
        if (!NumberText.TryParse(form.StaffPersonYears, out var personYears) || personYears is < 0 or > 100)
            ModelState.AddModelError(nameof(form.StaffPersonYears), "人工は0〜100の数値で入力してください（例: 0.5）。");
        foreach (var (value, field) in new[] { (form.Necessity, "Necessity"), (form.Effectiveness, "Effectiveness"), (form.Efficiency, "Efficiency"), (form.Equity, "Equity") })
            if (value is Rating r && !Enum.IsDefined(r)) ModelState.AddModelError(field, "A・B・C から選んでください。");
        if (form.FirstDirection is Direction d && !Enum.IsDefined(d)) ModelState.AddModelError(nameof(form.FirstDirection), "今後の方向性を選び直してください。");
        if (ModelState.IsValid)
        {
            e.StaffPersonYears = personYears ?? 0;
            (e.Necessity, e.NecessityReason) = (form.Necessity, Trim(form.NecessityReason));
            (e.Effectiveness, e.EffectivenessReason) = (form.Effectiveness, Trim(form.EffectivenessReason));
            (e.Efficiency, e.EfficiencyReason) = (form.Efficiency, Trim(form.EfficiencyReason));
            (e.Equity, e.EquityReason) = (form.Equity, Trim(form.EquityReason));
            (e.FirstDirection, e.Improvement) = (form.FirstDirection, Trim(form.Improvement));
            if (await TrySaveEditAsync(e, form.Version, e.AuditTarget))
            {
                TempData["Message"] = "評価シートを保存しました。";
                return RedirectToAction(nameof(Details), new { year, projectId });
            }
        }
        var sheet = await SheetAsync(year, projectId, org);
        return View((sheet!, form));
    }

    [HttpPost("{year:int}/{projectId:int}/Act")]
    public async Task<IActionResult> Act(int year, int projectId, StepForm form)
    {
        var org = await orgTree.GetAsync();
        var e = await Db.ProjectEvaluations.FirstOrDefaultAsync(x => x.ProjectId == projectId && x.FiscalYear == year);
        if (e is null) return NotFound();
        if (!CanRead(e, org) || !EvaluationWorkflow.IsUnit(Actor, e.OwnerUnitId, org) && !Actor.IsPlanMasterEditor) return Forbidden();
        if (EvaluationWorkflow.Check(Actor, e, form.Step, org) is string refusal) ModelState.AddModelError(string.Empty, refusal);
        if (form.Step == EvaluationStep.SecondReview && form.SecondDirection is Direction sd && sd != e.FirstDirection && string.IsNullOrWhiteSpace(form.SecondReason))
            ModelState.AddModelError(nameof(form.SecondReason), "一次評価と異なる方向性にするときは、その理由を入力してください。");
        if (form.Step == EvaluationStep.Return && string.IsNullOrWhiteSpace(form.Comment))
            ModelState.AddModelError(nameof(form.Comment), "差し戻す理由を入力してください。");
        if (!ModelState.IsValid)
        {
            var again = await SheetAsync(year, projectId, org);
            return View(nameof(Details), Model(again!, org, form));
        }
        var now = DateTime.UtcNow;
        switch (form.Step)
        {
            case EvaluationStep.FirstReview:
                (e.State, e.FirstReviewedBy, e.FirstReviewedAt, e.ReturnComment) = (EvaluationState.FirstReviewed, me.DisplayName, now, null);
                break;
            case EvaluationStep.SecondReview:
                e.SecondDirection = form.SecondDirection is Direction x && x != e.FirstDirection ? x : null;
                e.SecondReason = e.SecondDirection is null ? Trim(form.SecondReason) : form.SecondReason!.Trim();
                (e.State, e.SecondReviewedBy, e.SecondReviewedAt) = (EvaluationState.SecondReviewed, me.DisplayName, now);
                // A direction other than 維持 (as is) is a promise of change: it is followed until it shows in a plan or budget.
                if (ImprovementLabels.OpenedBy(e, now, directions) is { } action && !await Db.ImprovementActions.AnyAsync(a => a.ProjectEvaluationId == e.Id))
                    Db.ImprovementActions.Add(action);
                break;
            case EvaluationStep.Return:
                (e.State, e.ReturnComment, e.FirstReviewedBy, e.FirstReviewedAt) = (EvaluationState.Draft, form.Comment!.Trim(), null, null);
                break;
            case EvaluationStep.Publish:
                (e.State, e.PublishedAt) = (EvaluationState.Published, now);
                break;
        }
        if (!await TrySaveEditAsync(e, form.Version, e.AuditTarget))
        {
            var again = await SheetAsync(year, projectId, org);
            return View(nameof(Details), Model(again!, org, form));
        }
        TempData["Message"] = $"評価を「{e.State.Label()}」にしました。" + (form.Step == EvaluationStep.SecondReview && e.FinalDirection != Direction.Continue ? "改善の取組を登録しました（改善の進行管理で追跡します）。" : "");
        return RedirectToAction(nameof(Details), new { year, projectId });
    }

    /// A4, one project per page, for the unit (and the units under it) or every published evaluation of the year.
    [HttpGet("{year:int}/Print")]
    public async Task<IActionResult> Print(int year, int? unitId)
    {
        var org = await orgTree.GetAsync();
        var query = Db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == year);
        if (unitId is int u)
        {
            var units = org.SelfAndDescendants(u).ToList();
            query = query.Where(e => units.Contains(e.OwnerUnitId));
        }
        var list = await query.Include(e => e.Project).OrderBy(e => e.Project!.Code).ToListAsync();
        var sheets = await SheetsAsync(year, list.Where(e => CanRead(e, org)).Take(200).Select(e => e.ProjectId).ToList(), org);
        ViewData["Title"] = $"事務事業評価シート {Wareki.FiscalYear(year)}";
        return View(sheets);
    }

    private IActionResult EditRefused(ProjectEvaluation e, OrgTree org, int year, int projectId)
    {
        if (!EvaluationWorkflow.IsUnit(Actor, e.OwnerUnitId, org) && !Actor.IsPlanMasterEditor) return Forbidden();
        TempData["Error"] = $"この評価は「{e.State.Label()}」のため編集できません。";
        return RedirectToAction(nameof(Details), new { year, projectId });
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private EvaluationDetailsModel Model(EvaluationSheet sheet, OrgTree org, StepForm step)
    {
        var canStart = sheet.Evaluation is null && (Actor.IsPlanMasterEditor || EvaluationWorkflow.IsUnit(Actor, sheet.OwnerUnitId, org));
        return new EvaluationDetailsModel(sheet, canStart,
            sheet.Evaluation is { } e && EvaluationWorkflow.CanEdit(Actor, e, org),
            sheet.Evaluation is { } ev ? EvaluationWorkflow.NextSteps(Actor, ev, org) : [], step);
    }

    private async Task<EvaluationSheet?> SheetAsync(int year, int projectId, OrgTree org) =>
        (await SheetsAsync(year, [projectId], org)).FirstOrDefault();

    /// The sheets of several projects with one query per kind of record, so printing a whole division costs the
    /// same number of queries as printing one project.
    private async Task<List<EvaluationSheet>> SheetsAsync(int year, IReadOnlyList<int> projectIds, OrgTree org)
    {
        var projects = await Db.Projects.AsNoTracking().Where(x => projectIds.Contains(x.Id))
            .Select(x => new { x.Id, x.Code, x.Name, x.OwnerUnitId, MeasureCode = x.Measure!.Code, MeasureName = x.Measure.Name, PolicyName = x.Measure.Policy!.Name })
            .ToDictionaryAsync(x => x.Id);
        var evaluations = await Db.ProjectEvaluations.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId) && (e.FiscalYear == year || e.FiscalYear == year - 1)).ToListAsync();
        var budgets = await Db.BudgetLines.AsNoTracking().Where(b => projectIds.Contains(b.ProjectId) && b.FiscalYear == year).ToDictionaryAsync(b => b.ProjectId);
        var edition = await BudgetData.PlanEditionForAsync(Db, year);
        var lines = edition is null ? [] : await Db.ImplementationPlanLines.AsNoTracking()
            .Where(l => l.ImplementationPlanId == edition.Id && projectIds.Contains(l.ProjectId) && l.FiscalYear == year).ToDictionaryAsync(l => l.ProjectId);
        var indicators = (await Db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.ProjectId != null && projectIds.Contains(i.ProjectId.Value) && i.RetiredAt == null)
            .OrderBy(i => i.SortOrder).ToListAsync()).ToLookup(i => i.ProjectId!.Value);
        var actions = (await Db.ImprovementActions.AsNoTracking().Include(a => a.AnswerPlanLine).ThenInclude(l => l!.ImplementationPlan).Include(a => a.AnswerBudgetLine)
            .Where(a => projectIds.Contains(a.ProjectId) && a.FiscalYear == year - 1).ToListAsync()).ToLookup(a => a.ProjectId);

        var sheets = new List<EvaluationSheet>();
        foreach (var projectId in projectIds)
        {
            if (!projects.TryGetValue(projectId, out var p)) continue;
            var evaluation = evaluations.FirstOrDefault(e => e.ProjectId == projectId && e.FiscalYear == year);
            // Last year's evaluation shows on this year's sheet only to those who may read it.
            var last = evaluations.FirstOrDefault(e => e.ProjectId == projectId && e.FiscalYear == year - 1 && EvaluationAccess.CanRead(Actor, e, org));
            var budget = budgets.GetValueOrDefault(projectId);
            var results = indicators[projectId].Select(i =>
            {
                var v = i.Values.FirstOrDefault(x => x.FiscalYear == year);
                return new IndicatorResult(i.Name, i.Unit, i.Kind == IndicatorKind.Activity, v?.Target, v?.Actual, v is null ? null : i.AchievementIn(year).RatePercent);
            }).ToList();
            var settled = evaluation?.SettledCost ?? budget?.Settled;
            var flags = new List<string>();
            if (settled is null) flags.Add("この年度の決算額が登録されていません（予算の画面で入力すると、評価シートを作り直したときに反映されます）。");
            if (evaluation?.SettledCost is long s && budget?.Settled is long b && s != b) flags.Add($"評価シートの決算額 {Amounts.Thousands(s)}千円 が予算の決算額 {Amounts.Thousands(b)}千円 と一致しません。");
            if (settled is long st && budget?.Current is long cur && st > cur) flags.Add($"決算額 {Amounts.Thousands(st)}千円 が予算現額 {Amounts.Thousands(cur)}千円 を上回っています。");
            var owner = evaluation?.OwnerUnitId ?? p.OwnerUnitId;
            sheets.Add(new EvaluationSheet(year, p.Id, p.Code, p.Name, owner, org.PathName(owner), p.MeasureCode, p.MeasureName, p.PolicyName,
                evaluation, settled, budget?.Current, lines.GetValueOrDefault(projectId), results, last, evaluation?.StaffCostPerPersonYear ?? StaffCostPerPersonYear, flags,
                actions[projectId].Where(a => a.ProjectEvaluationId is null || last?.Id == a.ProjectEvaluationId).ToList(), budget));
        }
        return sheets;
    }
}
