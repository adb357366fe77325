namespace Komaki.Management.Web.Features.InternalControl;

/// 内部統制の基本方針 and the bodies that run it, one edition at a time (the latest applies). The first edition is
/// adopted by planning or an administrator; later ones by the 推進部局 it names.
[Authorize(Policy = Policies.Staff)]
[Route("Control/Policy")]
public sealed class ControlPolicyController(AppDbContext db, OrgTreeProvider orgTree, ControlPages pages, RecordSaver saver) : AppController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Policy", await ModelAsync());

    [HttpPost("")]
    public async Task<IActionResult> Adopt(string? title, string? text, DateOnly? adoptedOn, string? chiefName, string? responsibleName, int promotionUnitId, int evaluationUnitId)
    {
        var org = await orgTree.GetAsync();
        var current = await pages.PolicyAsync();
        if (!CanEdit(current, org)) return Forbidden("方針を改めるのは推進部局です（最初の方針は企画課または管理者）。");
        var result = new CommandResult();
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200) result.Add("title", "方針の名称を200文字以内で入力してください。");
        if (string.IsNullOrWhiteSpace(text) || text.Length > 8000) result.Add("text", "方針の本文を8,000文字以内で入力してください。");
        if (adoptedOn is null) result.Add("adoptedOn", "策定日を入力してください。");
        if (string.IsNullOrWhiteSpace(chiefName) || chiefName.Length > 100) result.Add("chiefName", "最高責任者（市長）の氏名を入力してください。");
        if (string.IsNullOrWhiteSpace(responsibleName) || responsibleName.Length > 100) result.Add("responsibleName", "総括責任者を入力してください。");
        if (org.Find(promotionUnitId) is null) result.Add("promotionUnitId", "推進部局を選んでください。");
        if (org.Find(evaluationUnitId) is null) result.Add("evaluationUnitId", "評価部局を選んでください。");
        if (result.Succeeded)
        {
            Db.ControlPolicies.Add(new ControlPolicy
            {
                Edition = (current?.Edition ?? 0) + 1, Title = title!.Trim(), Text = text!.Trim(), AdoptedOn = adoptedOn!.Value, ChiefName = chiefName!.Trim(),
                ResponsibleName = responsibleName!.Trim(), PromotionUnitId = promotionUnitId, EvaluationUnitId = evaluationUnitId,
            });
            result = await saver.SaveAsync();
        }
        if (Accept(result))
        {
            TempData["Message"] = "内部統制の基本方針の新しい版を保存しました。";
            return RedirectToAction(nameof(Index));
        }
        return View("Policy", await ModelAsync());
    }

    private bool CanEdit(ControlPolicy? current, OrgTree org) =>
        Actor.IsIn(Roles.Administrator) || (current is null ? Actor.IsIn(Roles.Planning) : ControlAccess.IsPromotion(Actor, current, org));

    private async Task<PolicyModel> ModelAsync()
    {
        var org = await orgTree.GetAsync();
        var editions = await pages.PoliciesAsync();
        return new PolicyModel(editions, UnitOptions.For(org), CanEdit(editions.FirstOrDefault(), org));
    }
}
