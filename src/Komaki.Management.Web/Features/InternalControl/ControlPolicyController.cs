namespace Komaki.Management.Web.Features.InternalControl;

/// 内部統制の基本方針 and the bodies that run it, one edition at a time (the latest applies). The first edition is
/// adopted by planning or an administrator; later ones by the 推進部局 it names.
[Authorize(Policy = Policies.Staff)]
[Route("Control/Policy")]
public sealed class ControlPolicyController(AppDbContext db, OrgTreeProvider orgTree, ControlPages pages, ControlCommands commands) : AppController(db)
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
        if (!CanEdit(await pages.PolicyAsync(), org)) return Forbidden("方針を改めるのは推進部局です（最初の方針は企画課または管理者）。");
        if (await RunAsync(form, () => ControlCommands.CheckPolicyAsync(form, org), () => commands.AdoptPolicyAsync(form, org)) is not null)
        {
            TempData["Message"] = "内部統制の基本方針の新しい版を保存しました。";
            return RedirectToAction(nameof(Index));
        }
        return View("Policy", await ModelAsync(form));
    }

    private bool CanEdit(ControlPolicy? current, OrgTree org) =>
        Actor.IsIn(Roles.Administrator) || (current is null ? Actor.IsIn(Roles.Planning) : ControlAccess.IsPromotion(Actor, current, org));

    private async Task<PolicyModel> ModelAsync(ControlPolicyForm form)
    {
        var org = await orgTree.GetAsync();
        var editions = await pages.PoliciesAsync();
        return new PolicyModel(editions, UnitOptions.For(org), CanEdit(editions.FirstOrDefault(), org), form);
    }
}
