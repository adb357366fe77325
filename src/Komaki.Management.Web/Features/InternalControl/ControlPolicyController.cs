using Komaki.Management.Core.Identity;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.InternalControl;

/// 内部統制の基本方針 and the bodies that run it, one edition at a time (the latest applies). The first edition is
/// adopted by planning or an administrator; later ones by the 推進部局 it names or an administrator. An edition that moves
/// the 推進部局 or 評価部局 is in force only once an administrator other than its proposer confirms it.
[Authorize(Policy = Policies.Staff)]
[Route("Control/Policy")]
public sealed class ControlPolicyController(OrgTreeProvider orgTree, ControlPages pages, ControlCommands commands, CurrentUser me) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var current = await pages.PolicyAsync();
        var form = current is null ? new ControlPolicyForm() : new ControlPolicyForm
        {
            Title = current.Title, Text = current.Text, ChiefName = current.ChiefName, ResponsibleName = current.ResponsibleName,
            PromotionUnitId = current.PromotionUnitId, EvaluationUnitId = current.EvaluationUnitId,
        };
        return View("Policy", await ModelAsync(form));
    }

    [HttpPost("")]
    public async Task<IActionResult> Adopt(ControlPolicyForm form)
    {
        var org = await orgTree.GetAsync();
        if (await RefusalAsync(await pages.PolicyAsync() ?? new ControlPolicy(), RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        if (await RunAsync(form, () => ControlCommands.CheckPolicyAsync(form, org), () => commands.AdoptPolicyAsync(form, org, me.UserId, Actor.UserName)) is not null)
        {
            TempData["Message"] = await pages.PolicyAwaitingAsync()
                ? "新しい版を保存しました。推進部局・評価部局が変わるため、別の管理者が確認するまで前の版の体制が続きます。"
                : "内部統制の基本方針の新しい版を保存しました。";
            return RedirectToAction(nameof(Index));
        }
        return View("Policy", await ModelAsync(form));
    }

    /// An administrator other than the proposer puts an edition that changes the bodies in force.
    [HttpPost("Confirm")]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Confirm(int policyId)
    {
        var policy = await commands.PolicyForEditAsync(policyId);
        if (policy is null) return NotFound();
        if (policy.RefusalToConfirm(me.UserId) is string refusal) return Forbidden(refusal);
        if (!Accept(await commands.ConfirmPolicyAsync(policy, me.UserId, Actor.UserName, Clock.UtcNow))) return View("Policy", await ModelAsync(new ControlPolicyForm()));
        TempData["Message"] = $"第{policy.Edition}版を確認しました。この版の推進部局・評価部局が現行の体制です。";
        return RedirectToAction(nameof(Index));
    }

    private async Task<PolicyModel> ModelAsync(ControlPolicyForm form)
    {
        var org = await orgTree.GetAsync();
        var editions = await pages.PoliciesAsync();
        var inForce = editions.FirstOrDefault(p => !p.AwaitingConfirmation);
        // Confirm is an administrator's (its policy); which edition they may confirm, the edition says (not their own).
        var confirmable = Actor.IsIn(Roles.Administrator) ? editions.Where(p => p.AwaitingConfirmation && p.RefusalToConfirm(me.UserId) is null).Select(p => p.Id).ToHashSet() : [];
        return new PolicyModel(editions, UnitOptions.For(org), await RefusalAsync(inForce ?? new ControlPolicy(), RecordOperations.Edit) is null, form, inForce, confirmable);
    }
}
