using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Personnel;

/// The steps of an evaluation taken on its sheet — each stage's marks (kept as a draft until confirmed), 調整・確認,
/// 開示 and the rest — and 評価者の変更 by the personnel division. Whoever the evaluation does not concern gets 404; the
/// sheet shown again after a refusal is a read, logged as 「操作」 or 「評価者の変更」.
[Authorize(Policy = Policies.Staff)]
[Route("Personnel")]
public sealed class PersonnelStepsController(OrgTreeProvider orgTree, CurrentUser me, PersonnelPages pages, PersonnelCommands commands) : AppController()
{
    /// A step of the evaluation. The marks of 自己評価・一次・二次 are kept as a draft (一時保存, or on the way to the
    /// confirmation page) until their holder confirms them there; 調整・確認 and 開示 are confirmed on a page too.
    [HttpPost("{id:int}/Act")]
    [ReadLogAs("操作")]
    public async Task<IActionResult> Act(int id, PersonnelStepForm form, bool confirmed = false, bool draft = false)
    {
        var e = await commands.ForEditAsync(id);
        if (e is null || !await MayAsync(e, RecordOperations.Read)) return NotFound();
        var org = await orgTree.GetAsync();
        if (await pages.ViewOfAsync(e, Actor, me.UserId, org) is not { } view) return NotFound();
        if (!await ValidateAsync(form)) return await SheetAsync(view, form);
        if (PersonnelSteps.StageOf(form.Step) is MarkStage stage && !confirmed)
        {
            if (!Accept(await commands.SaveDraftAsync(e, view.Design, view.Relation, form, Author()))) return await SheetAsync(view with { Evaluation = await commands.AsSavedAsync(id) }, form);
            if (draft)
            {
                TempData["Message"] = $"{form.Step.Label()}を一時保存しました。確定するまでは、あなた以外には見えません。続きはいつでもこのシートから書けます。";
                return RedirectToAction(nameof(PersonnelController.Details), "Personnel", new { id });
            }
            if (!CheckStep(view, form))
            {
                TempData["Message"] = "入力した内容は一時保存しました。足りないところを直してから確定してください。";
                return await SheetAsync(view, form);
            }
            return View("ConfirmMarks", new ConfirmMarksModel(view, stage, form, e.Version, PersonnelSteps.Consequences(form.Step, e)));
        }
        if (form.Step is PersonnelStep.Confirm or PersonnelStep.Disclose && !confirmed)
            return CheckStep(view, form) ? View("Confirm", ConfirmOf(e, form)) : await SheetAsync(view, form);
        if (Accept(await commands.TakeStepAsync(e, view.Design, view.Relation, form, Author())))
        {
            TempData["Message"] = $"{form.Step.Label()}を記録しました。";
            return RedirectToAction(nameof(PersonnelController.Details), "Personnel", new { id });
        }
        return await SheetAsync(view with { Evaluation = await commands.AsSavedAsync(id) }, form);
    }

    [HttpPost("{id:int}/Reassign")]
    [ReadLogAs("評価者の変更")]
    public async Task<IActionResult> Reassign(int id, ReassignForm form)
    {
        var e = await commands.ForEditAsync(id);
        if (e is null || !await MayAsync(e, RecordOperations.Read)) return NotFound();
        if (await RefusalAsync(e, PersonnelEvaluationRule.Reassign) is string refused) return Forbidden(refused);
        var org = await orgTree.GetAsync();
        if (await ValidateAsync(form) && Accept(await commands.ReassignAsync(e, await pages.RelationAsync(e, Actor, me.UserId), await pages.StaffIdsOfAsync(me.UserId), form,
                await pages.EvaluatorChoicesAsync(e.FiscalYear, org), Author())))
        {
            TempData["Message"] = "評価者を変更しました。";
            return RedirectToAction(nameof(PersonnelController.Details), "Personnel", new { id });
        }
        var saved = await commands.AsSavedAsync(id);
        return await SheetAsync((await pages.ViewOfAsync(saved, Actor, me.UserId, org))!, new PersonnelStepForm { Version = form.Version });
    }

    /// Whether the step may be taken with what was sent; the reasons beside their fields when not.
    private bool CheckStep(PersonnelView view, PersonnelStepForm form) =>
        Accept(PersonnelCommands.CheckStep(view, form, Clock.Today));

    private async Task<IActionResult> SheetAsync(PersonnelView view, PersonnelStepForm form) =>
        View("Details", PersonnelDetailsModel.Of(await pages.SheetAsync(view, form, Clock.Today, await orgTree.GetAsync())));

    private ConfirmStep ConfirmOf(PersonnelEvaluation e, PersonnelStepForm form)
    {
        var hidden = new Dictionary<string, string>
        {
            ["Version"] = form.Version.ToString(CultureInfo.InvariantCulture), ["Step"] = form.Step.ToString(), ["confirmed"] = "true",
            ["CompetenceGrade"] = form.CompetenceGrade ?? "", ["PerformanceGrade"] = form.PerformanceGrade ?? "", ["AdjustmentReason"] = form.AdjustmentReason ?? "",
            ["AdjustmentNote"] = form.AdjustmentNote ?? "",
        };
        var subject = $"{e.StaffMember!.Name}（{e.StaffMember.StaffNumber}）" + (form.Step == PersonnelStep.Confirm ? $" 能力評価 {form.CompetenceGrade}・業績評価 {form.PerformanceGrade}" : "");
        var consequences = PersonnelSteps.Consequences(form.Step, e).ToList();
        if (form.Step == PersonnelStep.Confirm)
        {
            consequences.Add($"本人に開示する調整の理由: {(string.IsNullOrWhiteSpace(form.AdjustmentReason) ? "（なし）" : form.AdjustmentReason.Trim())}");
            consequences.Add($"人事課内のメモ（開示しません）: {(string.IsNullOrWhiteSpace(form.AdjustmentNote) ? "（なし）" : form.AdjustmentNote.Trim())}");
        }
        return new ConfirmStep(form.Step.Label(), subject, consequences, Url.Action(nameof(Act), new { id = e.Id })!,
            form.Step == PersonnelStep.Confirm ? "この評語で確定する" : "開示する", Url.Action(nameof(PersonnelController.Details), "Personnel", new { id = e.Id })!, hidden);
    }

    private PersonnelAuthor Author() => new(Actor.UserName, me.DisplayName, Clock.UtcNow, Clock.Today);
}
