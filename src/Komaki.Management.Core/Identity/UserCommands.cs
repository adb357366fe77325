using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

/// What an administrator's step on an account did: refused (the reasons beside the fields), or done — the account,
/// whether a sensitive role waits for a second administrator, and the changes in words for the sign-in record.
public sealed record AccountChange(CommandResult Result, AppUser? User = null, bool Waits = false, IReadOnlyList<string>? Changes = null);

/// Administrators' steps on accounts. Roles that read what most staff must not (RoleGrant.Sensitive) take effect only
/// when a second administrator confirms them; nobody changes their own role. A step that takes access away ends every
/// session of the account.
public sealed class UserCommands(AppDbContext db, UserManager<AppUser> users, CityClock clock) : IUseCase
{
    public async Task<AccountChange> CreateAsync(UserForm form, string adminId, string adminName)
    {
        var user = new AppUser
        {
            UserName = form.Email.Trim(), Email = form.Email.Trim(), EmailConfirmed = true, DisplayName = form.DisplayName.Trim(), OrgUnitId = form.OrgUnitId,
            IsActive = form.IsActive, MustChangePassword = true,
        };
        var result = await users.CreateAsync(user, form.Password!);
        if (!result.Succeeded)
            return new(CommandResult.Refused(result.Errors.Select(e => new FieldError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : nameof(form.Email), e.Description))));
        return new(CommandResult.Ok(), user, await GrantAsync(user, form.Role, [], adminId, adminName));
    }

    /// Nobody changes their own role: another administrator does.
    public async Task<CommandResult> CheckEditAsync(AppUser user, UserForm form, string adminId) =>
        user.Id == adminId && !(await users.GetRolesAsync(user)).SequenceEqual([form.Role])
            ? CommandResult.Refused(nameof(form.Role), "自分の役割は変えられません。別の管理者が変えます。")
            : CommandResult.Ok();

    public async Task<AccountChange> EditAsync(AppUser user, UserForm form, string adminId, string adminName)
    {
        var refused = await CheckEditAsync(user, form, adminId);
        if (!refused.Succeeded) return new(refused);
        var (emailBefore, unitBefore, activeBefore) = (user.Email, user.OrgUnitId, user.IsActive);
        user.DisplayName = form.DisplayName.Trim();
        user.OrgUnitId = form.OrgUnitId;
        user.IsActive = form.IsActive;
        user.Email = form.Email.Trim();
        user.UserName = form.Email.Trim();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) return new(CommandResult.Refused(result.Errors.Select(e => new FieldError(string.Empty, e.Description))));
        var current = await users.GetRolesAsync(user);
        var roleChanged = !current.SequenceEqual([form.Role]);
        var waits = roleChanged && await GrantAsync(user, form.Role, current, adminId, adminName);
        // The new role and unit take effect at once; a deactivated account, or one whose role changed (a removed role
        // must not work for another minute), is signed out everywhere.
        await users.UpdateSecurityStampAsync(user);
        if (!user.IsActive || roleChanged && !waits) await db.EndAllAsync(user.Id);
        var changes = new List<string>();
        if (roleChanged) changes.Add($"役割 {string.Join("・", current.Select(Roles.Label))}→{Roles.Label(form.Role)}{(waits ? "（別の管理者の確認待ち）" : "")}");
        if (activeBefore != user.IsActive) changes.Add(user.IsActive ? "利用を再開" : "利用を停止（すべてのサインインを終了）");
        if (unitBefore != user.OrgUnitId) changes.Add("所属");
        if (!string.Equals(emailBefore, user.Email, StringComparison.Ordinal)) changes.Add($"メールアドレス {emailBefore}→{user.Email}");
        return new(CommandResult.Ok(), user, waits, changes);
    }

    public async Task UnlockAsync(AppUser user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    /// A password the administrator tells the person, who must change it at the next sign-in; every session ends.
    public async Task<IdentityResult> ResetPasswordAsync(AppUser user, string? newPassword)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword ?? "");
        if (result.Succeeded)
        {
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
            await db.EndAllAsync(user.Id);
        }
        return result;
    }

    /// A second administrator confirms a sensitive grant: the role replaces the person's role and their sessions end.
    /// Null when the grant or its account is not there; the refusal when this administrator may not confirm it.
    public async Task<(RoleGrant Grant, AppUser? User, string? Refusal)?> ConfirmGrantAsync(int grantId, string adminId, string adminName)
    {
        var grant = await db.RoleGrants.FirstOrDefaultAsync(g => g.Id == grantId);
        if (grant is null) return null;
        if (grant.RefusalToConfirm(adminId) is string refusal) return (grant, null, refusal);
        var user = await users.FindByIdAsync(grant.UserId);
        if (user is null) return null;
        var current = await users.GetRolesAsync(user);
        if (current.Count > 0) await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, grant.Role);
        grant.ConfirmedAt = clock.UtcNow;
        grant.ConfirmedById = adminId;
        grant.ConfirmedByName = adminName;
        await db.SaveChangesAsync();
        await users.UpdateSecurityStampAsync(user);
        await db.EndAllAsync(user.Id);
        return (grant, user, null);
    }

    /// Ends every session of the account at once (a lost laptop, a shared PC left signed in, a second factor reset);
    /// how many ended.
    public async Task<int> SignOutEverywhereAsync(AppUser user)
    {
        var ended = await db.EndAllAsync(user.Id);
        await users.UpdateSecurityStampAsync(user);
        return ended;
    }

    /// Gives the role now, or — for a sensitive one — records the request for a second administrator; true when it waits.
    private async Task<bool> GrantAsync(AppUser user, string role, IList<string> current, string adminId, string adminName)
    {
        if (!RoleGrant.Sensitive.Contains(role))
        {
            if (current.Count > 0) await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
            return false;
        }
        db.RoleGrants.RemoveRange(db.RoleGrants.Where(g => g.UserId == user.Id && g.ConfirmedAt == null));
        db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = role, RequestedById = adminId, RequestedByName = adminName, RequestedAt = clock.UtcNow });
        await db.SaveChangesAsync();
        return true;
    }
}
