using Komaki.Management.Web.Features.Budgets;

namespace Komaki.Management.Web.Features.Evaluations;

/// 事務事業評価: the year's evaluations with counts per direction, the sheet pre-filled from the budget, the plan
/// and the indicators, the department's entry, the first and second reviews, publication and printing.
[Authorize(Roles = Roles.Staff)]
[Route("Evaluations")]
public sealed class EvaluationsController(AppDbContext db, OrgTreeProvider orgTree, CurrentUser me, EvaluationSheets sheets, JudgmentBands bands, DirectionCatalog directions)
    : AppController(db)
{
    public const int PageSize = 50;

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
        filter.UnitId = ListUnit(filter.UnitId);
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
        var measures = await Db.Measures.AsNoTracking().Where(x => x.RetiredAt == null).OrderBy(x => x.Code)
            .Select(x => new SelectListItem(x.Code + " " + x.Name, x.Id.ToString())).ToListAsync();
        return View(new EvaluationListModel(year, filter, HttpContext.Page(list, filter.Page, PageSize),
            directionCounts, stateCounts, notStarted, UnitOptions.For(org), measures, org));
    }

    [HttpGet("{year:int}/{projectId:int}")]
    public async Task<IActionResult> Details(int year, int projectId)
    {
        var org = await orgTree.GetAsync();
        var sheet = await sheets.OneAsync(year, projectId, org);
        if (sheet is null) return NotFound();
        if (sheet.Evaluation is { } e && !CanRead(e, org)) return Forbidden();
        return View(Model(sheet, org));
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
            // 目的・手段 rarely change from year to year: they start as last year's sheet said them.
            Db.ProjectEvaluations.Add(new ProjectEvaluation
            {
                ProjectId = projectId, FiscalYear = year, OwnerUnitId = project.OwnerUnitId, SettledCost = settled,
                StaffCostPerPersonYear = sheets.StaffCostPerPersonYear, StaffPersonYears = last?.StaffPersonYears ?? 0,
                PurposeTarget = last?.PurposeTarget, PurposeIntent = last?.PurposeIntent, Means = last?.Means ?? project.Description,
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
        var sheet = await sheets.OneAsync(year, projectId, org);
        if (sheet?.Evaluation is not { } e) return NotFound();
        if (!EvaluationWorkflow.CanEdit(Actor, e, org)) return EditRefused(e, org, year, projectId);
        return View((sheet, new EvaluationForm
        {
            Version = e.Version, StaffPersonYears = NumberText.Format(e.StaffPersonYears),
            Necessity = e.Necessity, NecessityReason = e.NecessityReason, Effectiveness = e.Effectiveness, EffectivenessReason = e.EffectivenessReason,
            Efficiency = e.Efficiency, EfficiencyReason = e.EfficiencyReason, Equity = e.Equity, EquityReason = e.EquityReason,
            FirstDirection = e.FirstDirection, Improvement = e.Improvement,
            PurposeTarget = e.PurposeTarget, PurposeIntent = e.PurposeIntent, Means = e.Means,
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
            (e.PurposeTarget, e.PurposeIntent, e.Means) = (Trim(form.PurposeTarget), Trim(form.PurposeIntent), Trim(form.Means));
            if (await TrySaveEditAsync(e, form.Version, e.AuditTarget))
            {
                TempData["Message"] = "評価シートを保存しました。";
                // A draft may be saved unfinished; what the first review will ask for is said now, not then.
                if (EvaluationWorkflow.Missing(e) is string missing) TempData["Error"] = missing.Replace("一次評価の前に、次を入力してください", "一次評価の確定までに、次の入力が必要です", StringComparison.Ordinal);
                return RedirectToAction(nameof(Details), new { year, projectId });
            }
        }
        var sheet = await sheets.OneAsync(year, projectId, org);
        return View((sheet!, form));
    }

    /// A page of its own for each step that cannot be undone: what will happen, what the checks found, and the
    /// reviewer's reason where they confirm anyway.
    [HttpGet("{year:int}/{projectId:int}/Steps/{step}")]
    public async Task<IActionResult> Step(int year, int projectId, EvaluationStep step)
    {
        var org = await orgTree.GetAsync();
        var sheet = await sheets.OneAsync(year, projectId, org);
        if (sheet?.Evaluation is not { } e) return NotFound();
        if (!CanAct(e, org)) return Forbidden();
        if (EvaluationWorkflow.Check(Actor, e, step, org) is string refusal)
        {
            TempData["Error"] = refusal;
            return RedirectToAction(nameof(Details), new { year, projectId });
        }
        var form = new StepForm { Version = e.Version, Step = step, SecondDirection = e.FirstDirection };
        return View(nameof(Step), new StepConfirmModel(sheet, step, form, await FindingsAsync(e, sheet, step, form)));
    }

    [HttpPost("{year:int}/{projectId:int}/Steps/{step}")]
    public async Task<IActionResult> Step(int year, int projectId, EvaluationStep step, StepForm form)
    {
        form.Step = step;
        var org = await orgTree.GetAsync();
        var e = await Db.ProjectEvaluations.FirstOrDefaultAsync(x => x.ProjectId == projectId && x.FiscalYear == year);
        if (e is null) return NotFound();
        if (!CanAct(e, org)) return Forbidden();
        var sheet = (await sheets.OneAsync(year, projectId, org))!;
        var findings = await FindingsAsync(e, sheet, step, form);
        var input = new StepInput(form.SecondDirection, form.SecondReason, form.Comment, form.Explanation);
        foreach (var (field, message) in EvaluationSteps.Refusals(Actor, e, step, input, findings, org)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return View(nameof(Step), new StepConfirmModel(sheet, step, form, findings));

        EvaluationSteps.Take(e, step, input, findings, me.DisplayName, DateTime.UtcNow);
        if (step == EvaluationStep.SecondReview && ImprovementLabels.OpenedBy(e, DateTime.UtcNow, directions) is { } action
            && !await Db.ImprovementActions.AnyAsync(a => a.ProjectEvaluationId == e.Id))
            Db.ImprovementActions.Add(action); // a direction other than 維持 is a promise of change, followed until a plan or budget answers it
        if (!await TrySaveEditAsync(e, form.Version, e.AuditTarget)) return View(nameof(Step), new StepConfirmModel(sheet, step, form, findings));
        TempData["Message"] = $"評価を「{e.State.Label()}」にしました。" + (step == EvaluationStep.SecondReview && e.FinalDirection != Direction.Continue ? "改善の取組を登録しました（改善の進行管理で追跡します）。" : "");
        return RedirectToAction(nameof(Details), new { year, projectId });
    }

    private bool CanAct(ProjectEvaluation e, OrgTree org) => CanRead(e, org) && (EvaluationWorkflow.IsUnit(Actor, e.OwnerUnitId, org) || Actor.IsPlanMasterEditor);

    /// The checks run on the evaluation as it will stand after the step (the second review's direction included).
    private async Task<IReadOnlyList<EvaluationFinding>> FindingsAsync(ProjectEvaluation e, EvaluationSheet sheet, EvaluationStep step, StepForm form) => step switch
    {
        EvaluationStep.FirstReview => EvaluationConsistency.Check(e, sheet.IndicatorSummary, await bands.GetAsync(), directions, e.FirstDirection),
        EvaluationStep.SecondReview => EvaluationConsistency.Check(e, sheet.IndicatorSummary, await bands.GetAsync(), directions, form.SecondDirection ?? e.FirstDirection),
        _ => [],
    };

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
        var printed = await sheets.ManyAsync(year, list.Where(e => CanRead(e, org)).Take(200).Select(e => e.ProjectId).ToList(), org);
        ViewData["Title"] = $"事務事業評価シート {Wareki.FiscalYear(year)}";
        return View(printed);
    }

    private IActionResult EditRefused(ProjectEvaluation e, OrgTree org, int year, int projectId)
    {
        if (!EvaluationWorkflow.IsUnit(Actor, e.OwnerUnitId, org) && !Actor.IsPlanMasterEditor) return Forbidden();
        TempData["Error"] = $"この評価は「{e.State.Label()}」のため編集できません。";
        return RedirectToAction(nameof(Details), new { year, projectId });
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private EvaluationDetailsModel Model(EvaluationSheet sheet, OrgTree org)
    {
        var canStart = sheet.Evaluation is null && (Actor.IsPlanMasterEditor || EvaluationWorkflow.IsUnit(Actor, sheet.OwnerUnitId, org));
        return new EvaluationDetailsModel(sheet, canStart,
            sheet.Evaluation is { } e && EvaluationWorkflow.CanEdit(Actor, e, org),
            sheet.Evaluation is { } ev ? EvaluationWorkflow.NextSteps(Actor, ev, org) : []);
    }
}
