using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Evaluations;

/// 事務事業評価: the year's evaluations with counts per direction, the sheet pre-filled from the budget, the plan
/// and the indicators, the department's entry, the first and second reviews, publication and printing.
[Authorize(Policy = Policies.Staff)]
[Route("Evaluations")]
public sealed class EvaluationsController(OrgTreeProvider orgTree, CurrentUser me, EvaluationSheets sheets, JudgmentBands bands, DirectionCatalog directions,
    EvaluationCommands commands, EvaluationPages pages, ReadCache cache, MeasureOptions measureOptions) : AppController
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] EvaluationFilter filter)
    {
        var year = filter.Year ?? Clock.FiscalYear - 1;
        var org = await orgTree.GetAsync();
        var entries = await cache.GetAsync($"evaluation-list:{year}", EvaluationPages.ListAreas, () => pages.YearAsync(year));
        var evaluated = EvaluationYear.For(entries, Actor, org);
        IEnumerable<(EvaluationRow Row, int MeasureId)> rows = evaluated.All;
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
        return View(new EvaluationListModel(year, filter, HttpContext.Page(list, filter.Page, PageSize),
            evaluated.DirectionCounts, evaluated.StateCounts, evaluated.NotStarted, UnitOptions.For(org), await measureOptions.GetAsync(), org, LegacyEvaluationImport.Sheet.Access.OfferTo(Actor)));
    }

    [HttpGet("{year:int}/{projectId:int}")]
    public async Task<IActionResult> Details(int year, int projectId)
    {
        var org = await orgTree.GetAsync();
        var sheet = await sheets.OneAsync(year, projectId, org);
        if (sheet is null) return NotFound();
        if (sheet.Evaluation is { } e && !await MayAsync(e, RecordOperations.Read)) return Forbidden();
        return View(await ModelAsync(sheet, year, projectId, org));
    }

    [HttpPost("{year:int}/{projectId:int}/Start")]
    public async Task<IActionResult> Start(int year, int projectId)
    {
        var project = await pages.ProjectAsync(projectId);
        if (project is null) return NotFound();
        if (await RefusalAsync(NewEvaluation(year, projectId, project.OwnerUnitId), ProjectEvaluationRule.Start) is string refused) return Forbidden(refused);
        if (await commands.StartIfMissingAsync(project, year, sheets.StaffCostPerPersonYear))
        {
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
        if (!await MayAsync(e, RecordOperations.Edit)) return EditRefused(e, org, year, projectId);
        return View((sheet, EvaluationCommands.FormOf(e)));
    }

    [HttpPost("{year:int}/{projectId:int}/Edit")]
    public async Task<IActionResult> Edit(int year, int projectId, EvaluationForm form)
    {
        var org = await orgTree.GetAsync();
        var e = await commands.ToChangeAsync(projectId, year);
        if (e is null) return NotFound();
        if (!await MayAsync(e, RecordOperations.Edit)) return EditRefused(e, org, year, projectId);
        if (await ValidateAsync(form) && Accept(await commands.EditAsync(e, form)))
        {
            TempData["Message"] = "評価シートを保存しました。";
            // A draft may be saved unfinished; what the first review will ask for is said now, not then.
            if (EvaluationWorkflow.Missing(e) is string missing) TempData["Error"] = missing.Replace("一次評価の前に、次を入力してください", "一次評価の確定までに、次の入力が必要です", StringComparison.Ordinal);
            return RedirectToAction(nameof(Details), new { year, projectId });
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
        if (await RefusalAsync(e, ProjectEvaluationRule.TakeStep) is string refused) return Forbidden(refused);
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
        var e = await commands.ToChangeAsync(projectId, year);
        if (e is null) return NotFound();
        if (await RefusalAsync(e, ProjectEvaluationRule.TakeStep) is string refused) return Forbidden(refused);
        var sheet = (await sheets.OneAsync(year, projectId, org))!;
        var findings = await FindingsAsync(e, sheet, step, form);
        var input = new StepInput(form.SecondDirection, form.SecondReason, form.Comment, form.Explanation);
        var valid = await ValidateAsync(form);
        foreach (var (field, message) in EvaluationSteps.Refusals(Actor, e, step, input, findings, org)) ModelState.AddModelError(field, message);
        if (!valid || !ModelState.IsValid) return View(nameof(Step), new StepConfirmModel(sheet, step, form, findings));

        if (!Accept(await commands.TakeStepAsync(e, step, input, findings, form.Version, me.DisplayName, Clock.UtcNow, directions))) return View(nameof(Step), new StepConfirmModel(sheet, step, form, findings));
        TempData["Message"] = $"評価を「{e.State.Label()}」にしました。" + (step == EvaluationStep.SecondReview && e.FinalDirection != Direction.Continue ? "改善の取組を登録しました（改善の進行管理で追跡します）。" : "");
        return RedirectToAction(nameof(Details), new { year, projectId });
    }

    /// A project's evaluation not yet started, asked about with its owner set.
    private static ProjectEvaluation NewEvaluation(int year, int projectId, int ownerUnitId) => new() { FiscalYear = year, ProjectId = projectId, OwnerUnitId = ownerUnitId };

    /// The checks run on the evaluation as it will stand after the step (the second review's direction included).
    private async Task<IReadOnlyList<EvaluationFinding>> FindingsAsync(ProjectEvaluation e, EvaluationSheet sheet, EvaluationStep step, StepForm form) =>
        EvaluationSteps.Findings(e, step, sheet.IndicatorSummary, await bands.GetAsync(), directions, form.SecondDirection, sheet.Costs, sheet.ProjectDescription);

    /// A4, one project per page, for the unit (and the units under it) or every evaluation of the year the reader may
    /// read, in parts of SheetsPerPrint so a city of thousands prints part by part instead of being cut off unsaid.
    [HttpGet("{year:int}/Print")]
    public async Task<IActionResult> Print(int year, int? unitId, int page = 1)
    {
        var org = await orgTree.GetAsync();
        // Which sheets there are is read from the year's list kept for every reader (code order), not from the year's
        // evaluations read whole — each with its published sheet — on every request for a part of twenty.
        var entries = await cache.GetAsync($"evaluation-list:{year}", EvaluationPages.ListAreas, () => pages.YearAsync(year));
        var units = unitId is int u ? org.SelfAndDescendants(u) : null;
        var readable = entries.Where(x => x.Evaluation is { } e && (units is null || units.Contains(e.OwnerUnitId)) && ProjectEvaluationRule.ReadRefusal(Actor, e, org) is null)
            .Select(x => x.ProjectId).ToList();
        var part = Pages.Of(readable, page, EvaluationPrintModel.SheetsPerPrint);
        ViewData["Title"] = $"事務事業評価シート {Wareki.FiscalYear(year)}";
        return View(new EvaluationPrintModel(await sheets.ManyAsync(year, part.Items, org), part.Page, part.PageCount, part.Total));
    }

    private IActionResult EditRefused(ProjectEvaluation e, OrgTree org, int year, int projectId)
    {
        if (!EvaluationWorkflow.IsUnit(Actor, e.OwnerUnitId, org) && !Actor.IsPlanMasterEditor) return Forbidden();
        TempData["Error"] = $"この評価は「{e.State.Label()}」のため編集できません。";
        return RedirectToAction(nameof(Details), new { year, projectId });
    }


    private async Task<EvaluationDetailsModel> ModelAsync(EvaluationSheet sheet, int year, int projectId, OrgTree org)
    {
        var canStart = sheet.Evaluation is null && await MayAsync(NewEvaluation(year, projectId, sheet.OwnerUnitId), RecordOperations.Named(ProjectEvaluationRule.Start));
        return new EvaluationDetailsModel(sheet, canStart,
            sheet.Evaluation is { } e && EvaluationWorkflow.CanEdit(Actor, e, org),
            sheet.Evaluation is { } ev ? EvaluationWorkflow.NextSteps(Actor, ev, org) : []);
    }
}
