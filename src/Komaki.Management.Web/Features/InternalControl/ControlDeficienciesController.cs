using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.InternalControl;

/// A deficiency found in a risk's evaluation: the division records its correction and the 評価部局 confirms it or
/// sends it back. Each step answers on the risk's page.
[Authorize(Policy = Policies.ControlReport)]
[Route("Control")]
public sealed class ControlDeficienciesController(OrgTreeProvider orgTree, CurrentUser me, ControlPages pages, ControlCommands commands) : ControlRiskController(orgTree, me, pages)
{
    /// The 評価部局 confirms a division's correction or sends it back with the reason.
    [HttpPost("Deficiencies/{id:int}/ConfirmCorrection")]
    public Task<IActionResult> ConfirmCorrection(int id, CorrectionReviewForm form) => DeficiencyStepAsync(id, form,
        (risk, d, policy, org) => ControlRiskRule.ConfirmCorrectionRefusal(Actor, risk, d, policy, org),
        d => commands.ConfirmCorrectionAsync(d, form, Author()), form.Reopen ? "是正を差し戻しました。所属が是正し直します。" : "是正を確認しました。");

    [HttpPost("Deficiencies/{id:int}/Correct")]
    public Task<IActionResult> Correct(int id, CorrectionForm form) => DeficiencyStepAsync(id, form,
        (risk, d, _, org) => ControlRiskRule.CorrectRefusal(Actor, risk, d, org), d => commands.CorrectAsync(d, form, Clock.Today), "是正を記録しました。");

    private async Task<IActionResult> DeficiencyStepAsync<TForm>(int id, TForm form, Func<ControlRisk, ControlDeficiency, ControlPolicy?, OrgTree, string?> refusal, Func<ControlDeficiency, Task<CommandResult>> step, string done)
    {
        var deficiency = await commands.DeficiencyForEditAsync(id);
        if (deficiency is null) return NotFound();
        var (risk, policy, org) = await LoadAsync(deficiency.ControlRiskId);
        if (risk is null) return NotFound();
        if (await RefusalAsync(risk, RecordOperations.Read) is string unreadable) return Forbidden(unreadable);
        if (refusal(risk, deficiency, policy, org) is string refused) return Forbidden(refused);
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => step(deficiency)) is not null)
        {
            TempData["Message"] = done;
            return RedirectToAction(nameof(ControlController.Details), "Control", new { id = risk.Id });
        }
        return View("Details", await DetailsModelAsync(risk, policy, org, RiskEvaluationForm.Of(risk)));
    }
}
