using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;
using Komaki.Management.Web.Infrastructure.Directory;
using Komaki.Management.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Komaki.Management.Web.Features.Account;

/// A person changes their own password. Wrong current passwords count towards the lockout like failed sign-ins
/// (PasswordRecheck); a change ends every other session.
[Route("Account/ChangePassword")]
[Authorize(Policy = Policies.SignedIn)]
public sealed class PasswordController(SignInManager<AppUser> signIn, UserManager<AppUser> users, PasswordRecheck recheck, AccountCommands commands,
    SignInHistory history, ILogger<PasswordController> log) : AppController
{
    [HttpGet("")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("")]
    [EnableRateLimiting(SecuritySetup.SignInPolicy)]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        // The form comes back empty: passwords are never written into a page.
        if (!await ValidateAsync(form)) return View(new ChangePasswordForm());
        if (await recheck.RefusalAsync(this, user, form.CurrentPassword, nameof(form.CurrentPassword), () => View(new ChangePasswordForm())) is { } refused)
            return refused;
        if (!Accept(await commands.ChangePasswordAsync(user, form))) return View(new ChangePasswordForm());
        // Every session of the account has ended (a copied cookie of this one included); this browser starts a new one.
        await FreshSession.SignInAsync(HttpContext, await signIn.CreateUserPrincipalAsync(user));
        log.LogInformation(SignInEvents.PrivilegedAction, "Password changed and every session ended, user {UserId}", user.Id);
        await history.RecordAsync(SignInKinds.Privileged, user.Email ?? user.UserName, user.Id, true, "自分のパスワードを変更した（ほかの端末のサインインを終了）",
            HttpContext.Connection.RemoteIpAddress?.ToString());
        TempData["Message"] = "パスワードを変更しました。ほかの端末のサインインはすべて終了しました。";
        return RedirectToAction("Index", "Home");
    }
}
