using Komaki.Management.Web.Infrastructure.Directory;

namespace Komaki.Management.Web.Features.Users;

/// Accounts are created by administrators only: there is no self-registration.
[Authorize(Policy = Policies.Administrator)]
/// Roles that read what most staff must not (RoleGrant.Sensitive) take effect only when a second administrator confirms
/// them; nobody changes their own role.
/// Every POST is in the サインイン記録 as a privileged action (PrivilegedLog).
public sealed class UsersController(AppDbContext db, UserManager<AppUser> users, OrgTreeProvider orgTree, CurrentUser me, PrivilegedLog audit) : AppController(db)
{
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        var query = Db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(u => u.Email!.Contains(q) || u.DisplayName.Contains(q));
        var paged = await query.OrderBy(u => u.Email).ToPagedAsync(HttpContext.PageFor(page), HttpContext.PageSizeFor(50));
        var ids = paged.Items.Select(u => u.Id).ToList();
        var roles = await (from ur in Db.UserRoles join r in Db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync();
        var rows = paged.Items.Select(u => new UserRow(u, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "")).ToList();
        var pending = await (from g in Db.RoleGrants.AsNoTracking() join u in Db.Users on g.UserId equals u.Id where g.ConfirmedAt == null orderby g.RequestedAt select new { g, u.DisplayName, u.Email })
            .ToListAsync();
        return View(new UserIndexModel(q, new Paged<UserRow>(rows, paged.Page, paged.PageSize, paged.Total), await orgTree.GetAsync(),
            pending.Select(p => new PendingGrant(p.g, $"{p.DisplayName}（{p.Email}）", p.g.RefusalToConfirm(me.UserId))).ToList()));
    }

    public async Task<IActionResult> Create() => View("Edit", new UserFormModel(new UserForm(), await orgTree.GetAsync()));

    [HttpPost]
    public async Task<IActionResult> Create(UserForm form)
    {
        form.Id = null;
        if (await ValidateAsync(form))
        {
            var user = new AppUser
            {
                UserName = form.Email.Trim(), Email = form.Email.Trim(), EmailConfirmed = true, DisplayName = form.DisplayName.Trim(), OrgUnitId = form.OrgUnitId,
                IsActive = form.IsActive, MustChangePassword = true,
            };
            var result = await users.CreateAsync(user, form.Password!);
            if (result.Succeeded)
            {
                var waits = await GrantAsync(user, form.Role, []);
                await audit.RecordAsync(HttpContext, user.Id, $"アカウント「{user.Email}」（{user.DisplayName}）を作成した（役割: {Roles.Label(form.Role)}{(waits ? "、別の管理者の確認待ち" : "")}{(user.IsActive ? "" : "、利用停止")}）");
                TempData["Message"] = $"{user.DisplayName} さんのアカウントを作成しました。初期パスワードを本人に伝えてください（最初のサインインで変更を求めます）。"
                    + (waits ? $"役割「{Roles.Label(form.Role)}」は、別の管理者が確認すると付与されます。" : "");
                return RedirectToAction(nameof(Index));
            }
            foreach (var e in result.Errors) ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : nameof(form.Email), e.Description);
        }
        form.Password = null;
        return View("Edit", new UserFormModel(form, await orgTree.GetAsync()));
    }

    public async Task<IActionResult> Edit(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        var staff = await Db.StaffMembers.AsNoTracking().Where(s => s.UserId == id).Select(s => new StaffLink(s.Id, s.StaffNumber, s.LeftOn)).FirstOrDefaultAsync();
        return View(new UserFormModel(new UserForm { Id = id, Email = user.Email ?? "", DisplayName = user.DisplayName, Role = role, OrgUnitId = user.OrgUnitId, IsActive = user.IsActive }, await orgTree.GetAsync(),
            await HttpContext.RequestServices.GetRequiredService<Infrastructure.Security.TotpFactor>().IsOnAsync(user), staff));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(string id, UserForm form)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        form.Id = id;
        var before = await users.GetRolesAsync(user);
        var (emailBefore, unitBefore, activeBefore) = (user.Email, user.OrgUnitId, user.IsActive);
        if (user.Id == me.UserId && !before.SequenceEqual([form.Role]))
            ModelState.AddModelError(nameof(form.Role), "自分の役割は変えられません。別の管理者が変えます。");
        if (await ValidateAsync(form) && ModelState.IsValid)
        {
            user.DisplayName = form.DisplayName.Trim();
            user.OrgUnitId = form.OrgUnitId;
            user.IsActive = form.IsActive;
            user.Email = form.Email.Trim();
            user.UserName = form.Email.Trim();
            var result = await users.UpdateAsync(user);
            if (result.Succeeded)
            {
                var current = await users.GetRolesAsync(user);
                var roleChanged = !current.SequenceEqual([form.Role]);
                var waits = roleChanged && await GrantAsync(user, form.Role, current);
                // The new role and unit take effect at once; a deactivated account, or one whose role changed (a removed
                // role must not work for another minute), is signed out everywhere.
                await users.UpdateSecurityStampAsync(user);
                if (!user.IsActive || roleChanged && !waits) await Db.EndAllAsync(user.Id);
                var changes = new List<string>();
                if (roleChanged) changes.Add($"役割 {string.Join("・", current.Select(Roles.Label))}→{Roles.Label(form.Role)}{(waits ? "（別の管理者の確認待ち）" : "")}");
                if (activeBefore != user.IsActive) changes.Add(user.IsActive ? "利用を再開" : "利用を停止（すべてのサインインを終了）");
                if (unitBefore != user.OrgUnitId) changes.Add("所属");
                if (!string.Equals(emailBefore, user.Email, StringComparison.Ordinal)) changes.Add($"メールアドレス {emailBefore}→{user.Email}");
                await audit.RecordAsync(HttpContext, user.Id, $"アカウント「{user.Email}」（{user.DisplayName}）を変更した" + (changes.Count == 0 ? "（氏名など）" : $"（{string.Join("、", changes)}）"));
                TempData["Message"] = $"{user.DisplayName} さんのアカウントを更新しました。"
                    + (waits ? $"役割「{Roles.Label(form.Role)}」は、別の管理者が確認すると付与されます（それまでは今の役割のままです）。" : "");
                return RedirectToAction(nameof(Index));
            }
            foreach (var e in result.Errors) ModelState.AddModelError(string.Empty, e.Description);
        }
        return View(new UserFormModel(form, await orgTree.GetAsync()));
    }

    [HttpPost]
    public async Task<IActionResult> Unlock(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(HttpContext, user.Id, $"アカウント「{user.Email}」のロックを解除した");
        TempData["Message"] = $"{user.DisplayName} さんのロックを解除しました。";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> ResetPassword(string id, string newPassword)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword ?? "");
        if (result.Succeeded)
        {
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
            await Db.EndAllAsync(user.Id);
        }
        await audit.RecordAsync(HttpContext, user.Id, result.Succeeded ? $"アカウント「{user.Email}」のパスワードを再設定した（すべてのサインインを終了）" : $"アカウント「{user.Email}」のパスワードの再設定を試みた（パスワードの条件を満たさず、変更なし）");
        TempData["Message"] = result.Succeeded
            ? $"{user.DisplayName} さんのパスワードを再設定し、すべての端末のサインインを終了しました。次のサインインでパスワードの変更を求めます。"
            : "パスワードを再設定できませんでした：" + string.Join(" ", result.Errors.Select(e => e.Description));
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// Gives the role now, or — for a sensitive one — records the request for a second administrator; true when it waits.
    private async Task<bool> GrantAsync(AppUser user, string role, IList<string> current)
    {
        if (!RoleGrant.Sensitive.Contains(role))
        {
            if (current.Count > 0) await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
            return false;
        }
        Db.RoleGrants.RemoveRange(Db.RoleGrants.Where(g => g.UserId == user.Id && g.ConfirmedAt == null));
        Db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = role, RequestedById = me.UserId, RequestedByName = Actor.UserName, RequestedAt = Clock.UtcNow });
        await Db.SaveChangesAsync();
        return true;
    }

    /// A second administrator confirms a sensitive grant: the role replaces the person's role, their sessions end, and
    /// a new 人事担当 is listed for the personnel division.
    [HttpPost]
    public async Task<IActionResult> ConfirmGrant(int grantId)
    {
        var grant = await Db.RoleGrants.FirstOrDefaultAsync(g => g.Id == grantId);
        if (grant is null) return NotFound();
        if (grant.RefusalToConfirm(me.UserId) is string refusal) return Forbidden(refusal);
        var user = await users.FindByIdAsync(grant.UserId);
        if (user is null) return NotFound();
        var current = await users.GetRolesAsync(user);
        if (current.Count > 0) await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, grant.Role);
        grant.ConfirmedAt = Clock.UtcNow;
        grant.ConfirmedById = me.UserId;
        grant.ConfirmedByName = Actor.UserName;
        await Db.SaveChangesAsync();
        await users.UpdateSecurityStampAsync(user);
        await Db.EndAllAsync(user.Id);
        await audit.RecordAsync(HttpContext, user.Id, $"アカウント「{user.Email}」への役割「{Roles.Label(grant.Role)}」の付与を確認した（{grant.RequestedByName} の依頼）");
        TempData["Message"] = $"{user.DisplayName} さんに役割「{Roles.Label(grant.Role)}」を付与しました。";
        return RedirectToAction(nameof(Index));
    }

    /// Ends every session of the account at once (a lost laptop, a shared PC left signed in).
    [HttpPost]
    public async Task<IActionResult> SignOutEverywhere(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var ended = await Db.EndAllAsync(user.Id);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(HttpContext, user.Id, $"アカウント「{user.Email}」のサインインをすべての端末で終了した（{ended} 件）");
        TempData["Message"] = $"{user.DisplayName} さんのサインインをすべて終了しました（{ended} 件）。";
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// A local account whose phone was lost: its 2段階認証 is turned off, every session ends, and the person sets it up
    /// again after the next sign-in. Not on one's own account (another administrator does it).
    [HttpPost]
    public async Task<IActionResult> ResetTwoFactor(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (user.Id == me.UserId) return Forbidden("自分の2段階認証は解除できません。別の管理者が解除します。");
        var totp = HttpContext.RequestServices.GetRequiredService<Infrastructure.Security.TotpFactor>();
        if (!await totp.IsOnAsync(user))
        {
            TempData["Message"] = $"{user.DisplayName} さんは2段階認証を設定していません。";
            return RedirectToAction(nameof(Edit), new { id });
        }
        await totp.ResetAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await Db.EndAllAsync(user.Id);
        await audit.RecordAsync(HttpContext, user.Id, $"アカウント「{user.Email}」の2段階認証を解除した（すべてのサインインを終了）");
        TempData["Message"] = $"{user.DisplayName} さんの2段階認証を解除し、すべての端末のサインインを終了しました。次のサインインのあと、本人が設定し直します。";
        return RedirectToAction(nameof(Edit), new { id });
    }
}
