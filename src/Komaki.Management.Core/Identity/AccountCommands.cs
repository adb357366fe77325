using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

/// What the sign-in page reads.
public sealed class AccountPages(AppDbContext db) : IUseCase
{
    /// A new installation: the page says how the first administrator is made.
    public async Task<bool> NoAccountsYetAsync() => !await db.Users.AnyAsync();
}

/// A person's own account: changing their password (after PasswordRecheck has confirmed the current one).
public sealed class AccountCommands(AppDbContext db, UserManager<AppUser> users) : IUseCase
{
    /// The published demo password and the one being replaced are no new password; the rest of what makes a good
    /// one is Identity's (PasswordRules). A change ends every session of the account — the caller starts this
    /// browser's new one.
    public async Task<CommandResult> ChangePasswordAsync(AppUser user, ChangePasswordForm form)
    {
        if (form.NewPassword == form.CurrentPassword)
            return CommandResult.Refused(nameof(form.NewPassword), "今のパスワードとは違うパスワードにしてください。");
        if (form.NewPassword == Data.Seeding.DemoSeeder.DemoPassword)
            return CommandResult.Refused(nameof(form.NewPassword), "公開されている体験用のパスワードは使えません。別のパスワードにしてください。");
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded) return CommandResult.Refused(result.Errors.Select(e => new FieldError(nameof(form.NewPassword), e.Description)));
        user.MustChangePassword = false;
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateAsync(user);
        await db.EndAllAsync(user.Id);
        return CommandResult.Ok();
    }
}
