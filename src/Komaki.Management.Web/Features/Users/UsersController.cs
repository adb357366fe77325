using Komaki.Management.Core;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;
using Komaki.Management.Web.Infrastructure.Directory;
using Komaki.Management.Web.Infrastructure.Security;

namespace Komaki.Management.Web.Features.Users;

/// Accounts are created by administrators only: there is no self-registration.
/// Roles that read what most staff must not (RoleGrant.Sensitive) take effect only when a second administrator confirms
/// them; nobody changes their own role (UserCommands).
/// Every POST is in the サインイン記録 as a privileged action (PrivilegedLog).
[Authorize(Policy = Policies.Administrator)]
public sealed class UsersController(UserPages pages, UserCommands commands, UserManager<AppUser> users, TotpFactor totp, OrgTreeProvider orgTree, CurrentUser me,
    PrivilegedLog audit) : AppController
{
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        var (rows, pending) = await pages.IndexAsync(q, HttpContext.PageFor(page), HttpContext.PageSizeFor(50), me.UserId);
        return View(new UserIndexModel(q, rows, await orgTree.GetAsync(), pending));
    }

    public async Task<IActionResult> Create() => View("Edit", new UserFormModel(new UserForm(), await orgTree.GetAsync()));

    [HttpPost]
    public async Task<IActionResult> Create(UserForm form)
    {
        form.Id = null;
        if (await ValidateAsync(form) && await commands.CreateAsync(form, me.UserId, Actor.UserName) is var done && Accept(done.Result) && done.User is { } user)
        {
            var role = Roles.Label(form.Role);
            await audit.RecordAsync(HttpContext, user.Id, $"アカウント「{user.Email}」（{user.DisplayName}）を作成した（役割: {role}{(done.Waits ? "、別の管理者の確認待ち" : "")}{(user.IsActive ? "" : "、利用停止")}）");
            TempData["Message"] = $"{user.DisplayName} さんのアカウントを作成しました。初期パスワードを本人に伝えてください（最初のサインインで変更を求めます）。"
                + (done.Waits ? $"役割「{role}」は、別の管理者が確認すると付与されます。" : "");
            return RedirectToAction(nameof(Index));
        }
        form.Password = null;
        return View("Edit", new UserFormModel(form, await orgTree.GetAsync()));
    }

    public async Task<IActionResult> Edit(string id)
    {
        if (await users.FindByIdAsync(id) is not AppUser user) return NotFound();
        return View(nameof(Edit), await EditModelAsync(user));
    }

    private async Task<UserFormModel> EditModelAsync(AppUser user)
    {
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        var form = new UserForm { Id = user.Id, Email = user.Email ?? "", DisplayName = user.DisplayName, Role = role, OrgUnitId = user.OrgUnitId, IsActive = user.IsActive };
        return new UserFormModel(form, await orgTree.GetAsync(), await totp.IsOnAsync(user), await pages.StaffOfAsync(user.Id));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(string id, UserForm form)
    {
        if (await users.FindByIdAsync(id) is not AppUser user) return NotFound();
        form.Id = id;
        AccountChange? done = null;
        if (await RunAsync(form, () => commands.CheckEditAsync(user, form, me.UserId), async () => (done = await commands.EditAsync(user, form, me.UserId, Actor.UserName)).Result) is null)
            return View(new UserFormModel(form, await orgTree.GetAsync()));
        var changes = done!.Changes ?? [];
        await audit.RecordAsync(HttpContext, user.Id, $"アカウント「{user.Email}」（{user.DisplayName}）を変更した" + (changes.Count == 0 ? "（氏名など）" : $"（{string.Join("、", changes)}）"));
        TempData["Message"] = $"{user.DisplayName} さんのアカウントを更新しました。"
            + (done.Waits ? $"役割「{Roles.Label(form.Role)}」は、別の管理者が確認すると付与されます（それまでは今の役割のままです）。" : "");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Unlock(string id)
    {
        if (await users.FindByIdAsync(id) is not AppUser user) return NotFound();
        await commands.UnlockAsync(user);
        await audit.RecordAsync(HttpContext, user.Id, $"アカウント「{user.Email}」のロックを解除した");
        TempData["Message"] = $"{user.DisplayName} さんのロックを解除しました。";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> ResetPassword(string id, ResetPasswordForm form)
    {
        if (await users.FindByIdAsync(id) is not AppUser user) return NotFound();
        var result = await ValidateAsync(form) ? await commands.ResetPasswordAsync(user, form.NewPassword) : null;
        await audit.RecordAsync(HttpContext, user.Id, result?.Succeeded == true ? $"アカウント「{user.Email}」のパスワードを再設定した（すべてのサインインを終了）" : $"アカウント「{user.Email}」のパスワードの再設定を試みた（パスワードの条件を満たさず、変更なし）");
        if (result?.Succeeded != true)
        {
            foreach (var error in result?.Errors ?? []) ModelState.AddModelError(nameof(form.NewPassword), error.Description);
            return View(nameof(Edit), await EditModelAsync(user));
        }
        TempData["Message"] = $"{user.DisplayName} さんのパスワードを再設定し、すべての端末のサインインを終了しました。次のサインインでパスワードの変更を求めます。";
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// A second administrator confirms a sensitive grant: the role replaces the person's role, their sessions end, and
    /// a new 人事担当 is listed for the personnel division.
    [HttpPost]
    public async Task<IActionResult> ConfirmGrant(int grantId)
    {
        var confirmed = await commands.ConfirmGrantAsync(grantId, me.UserId, Actor.UserName);
        if (confirmed is null) return NotFound();
        var (grant, user, refusal) = confirmed.Value;
        if (refusal is not null) return Forbidden(refusal);
        await audit.RecordAsync(HttpContext, user!.Id, $"アカウント「{user.Email}」への役割「{Roles.Label(grant.Role)}」の付与を確認した（{grant.RequestedByName} の依頼）");
        TempData["Message"] = $"{user.DisplayName} さんに役割「{Roles.Label(grant.Role)}」を付与しました。";
        return RedirectToAction(nameof(Index));
    }

    /// Ends every session of the account at once (a lost laptop, a shared PC left signed in).
    [HttpPost]
    public async Task<IActionResult> SignOutEverywhere(string id)
    {
        if (await users.FindByIdAsync(id) is not AppUser user) return NotFound();
        var ended = await commands.SignOutEverywhereAsync(user);
        await audit.RecordAsync(HttpContext, user.Id, $"アカウント「{user.Email}」のサインインをすべての端末で終了した（{ended} 件）");
        TempData["Message"] = $"{user.DisplayName} さんのサインインをすべて終了しました（{ended} 件）。";
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// A local account whose phone was lost: its 2段階認証 is turned off, every session ends, and the person sets it up
    /// again after the next sign-in. Not on one's own account (another administrator does it).
    [HttpPost]
    public async Task<IActionResult> ResetTwoFactor(string id)
    {
        if (await users.FindByIdAsync(id) is not AppUser user) return NotFound();
        if (user.Id == me.UserId) return Forbidden("自分の2段階認証は解除できません。別の管理者が解除します。");
        if (!await totp.IsOnAsync(user))
        {
            TempData["Message"] = $"{user.DisplayName} さんは2段階認証を設定していません。";
            return RedirectToAction(nameof(Edit), new { id });
        }
        await totp.ResetAsync(user);
        await commands.SignOutEverywhereAsync(user);
        await audit.RecordAsync(HttpContext, user.Id, $"アカウント「{user.Email}」の2段階認証を解除した（すべてのサインインを終了）");
        TempData["Message"] = $"{user.DisplayName} さんの2段階認証を解除し、すべての端末のサインインを終了しました。次のサインインのあと、本人が設定し直します。";
        return RedirectToAction(nameof(Edit), new { id });
    }
}
