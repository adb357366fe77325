using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// The stages after 要求: an assessor's draft for one line (財政課査定, 市長査定, 復活査定, 予算案), and committing a
/// stage for a 部 on its confirmation page — what is missing, and every line against the evaluation with its reason.
[Authorize(Policy = Policies.Staff)]
[Route("BudgetFormulation")]
public sealed class BudgetStepsController(OrgTreeProvider orgTree, BudgetFormulationPages pages, BudgetReads reads, BudgetFormulationCommands commands, DirectionCatalog directions)
    : BudgetDoorController()
{
    [HttpGet("{year:int}/Lines/{id:int}/Assess/{stage}")]
    public async Task<IActionResult> Assess(int year, int id, BudgetStage stage)
    {
        // A stage the city does not have is no page (not an operation named in English).
        if (!Enum.IsDefined(stage)) return NotFound();
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (await RefusalAsync(line.Request, BudgetRequestRule.Assess(stage)) is { } refused) return Forbidden(refused);
        // Saving the draft asks the round afresh (SaveDraftAsync); the form is shown from the year as kept.
        var round = (await reads.YearAsync(year)).Round;
        if (round is null || BudgetFormulationCommands.StartingPoint(line.Request, round, stage) is not { } from) return Forbidden($"前の段階が確定していないため、{stage.Label()}はまだ入力できません。");
        var draft = line.Draft(stage);
        var form = draft is null ? AmountsForm.Of<AssessForm>(from, null) : AmountsForm.Of<AssessForm>(draft, draft.Reason);
        form.Shown = BudgetShown.Draft(stage, from, draft);
        return View(await AssessModelAsync(year, line, stage, form, from, org));
    }

    [HttpPost("{year:int}/Lines/{id:int}/Assess/{stage}")]
    public async Task<IActionResult> Assess(int year, int id, [System.ComponentModel.DataAnnotations.Display(Name = "段階")] BudgetStage stage, AssessForm form)
    {
        // A stage the city does not have is no page (not an operation named in English).
        if (!Enum.IsDefined(stage)) return NotFound();
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (await RefusalAsync(line.Request, BudgetRequestRule.Assess(stage)) is { } refused) return Forbidden(refused);
        if (await ValidateAsync(form) && Accept(await commands.SaveDraftAsync(id, stage, form, Actor, org)))
        {
            TempData["Message"] = $"{line.Code} {line.Name} の{stage.Label()}を保存しました（部ごとに確定するまで変えられます）。";
            return RedirectToAction(nameof(BudgetRequestsController.Line), "BudgetRequests", new { year, id });
        }
        var round = (await reads.YearAsync(year)).Round;
        var from = round is null ? null : BudgetFormulationCommands.StartingPoint(line.Request, round, stage);
        return from is null ? Forbidden() : View(await AssessModelAsync(year, line, stage, form, from, org));
    }

    private async Task<AssessModel> AssessModelAsync(int year, FormulationLine line, BudgetStage stage, AssessForm form, IFunded from, OrgTree org)
    {
        var beside = await reads.BesideAsync(year, line.Request.ProjectId);
        return new(year, line, stage, form, from, beside.Context, beside.For(Actor, org), directions, org);
    }

    /// Committing a stage for a 部: a page of its own with what is missing, every line that goes against the
    /// evaluation or the 実施計画 with a field for its reason, and one button.
    [HttpGet("{year:int}/Steps/{stage}/{departmentId:int}")]
    public async Task<IActionResult> Commit(int year, BudgetStage stage, int departmentId)
    {
        // A stage the city does not have is no page (not an operation named in English).
        if (!Enum.IsDefined(stage)) return NotFound();
        var org = await orgTree.GetAsync();
        if (await RefusalAsync(new BudgetDepartment(year, departmentId), BudgetDepartmentRule.Commit(stage)) is { } refused) return Forbidden(refused);
        // The lines and their checks are read afresh; the round and the commits as kept (committing reads them afresh).
        var (round, commits) = await reads.YearAsync(year);
        var (missing, lines) = await commands.PrepareCommitAsync(year, stage, departmentId, org, (round, commits));
        return View(new CommitModel(year, stage, departmentId, missing, lines, new CommitForm { Shown = BudgetShown.Commit(stage, lines.Select(l => (l.Line, l.Amounts))) }, org)
            { Unrequested = await commands.UnrequestedAsync(year, departmentId, org) });
    }

    [HttpPost("{year:int}/Steps/{stage}/{departmentId:int}")]
    public async Task<IActionResult> Commit(int year, [System.ComponentModel.DataAnnotations.Display(Name = "段階")] BudgetStage stage, int departmentId, CommitForm form)
    {
        // A stage the city does not have is no page (not an operation named in English).
        if (!Enum.IsDefined(stage)) return NotFound();
        var org = await orgTree.GetAsync();
        if (await RefusalAsync(new BudgetDepartment(year, departmentId), BudgetDepartmentRule.Commit(stage)) is { } refused) return Forbidden(refused);
        // A page without lines to explain sends no reasons at all.
        if (await ValidateAsync(form) && Accept(await commands.CommitAsync(year, stage, departmentId, form, Actor, org)))
        {
            TempData["Message"] = $"{org.PathName(departmentId)}の{stage.Label()}を確定しました。";
            return RedirectToAction(nameof(BudgetFormulationController.Department), "BudgetFormulation", new { year, departmentId });
        }
        var (missing, lines) = await commands.PrepareCommitAsync(year, stage, departmentId, org);
        // The page keeps what it was opened on: after a refusal for a change, only opening it again confirms the new amounts.
        return View(new CommitModel(year, stage, departmentId, missing, lines, form, org) { Unrequested = await commands.UnrequestedAsync(year, departmentId, org) });
    }
}
