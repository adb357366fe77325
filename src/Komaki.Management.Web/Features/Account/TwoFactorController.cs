using FluentValidation.AspNetCore;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure.Authorization;
using Komaki.Management.Web.Infrastructure.Directory;
using Komaki.Management.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Komaki.Management.Web.Features.Account;

/// A local account turns on its second factor: the secret waits (shown to the account alone) until a code from the app
/// confirms it, and only then becomes the factor.
/// Accounts linked to the directory have the domain's own second factor.
[Route("Account/TwoFactor")]
[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorController(UserManager<AppUser> users, TotpFactor totp, SignInHistory history, IValidator<TwoFactorForm> validator, ILogger<TwoFactorController> log) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> TwoFactor()
    {
        if (await users.GetUserAsync(User) is not AppUser user) return Challenge();
        if ((await users.GetLoginsAsync(user)).Count > 0) return View(new TwoFactorModel(null, null, Directory: true));
        if (await totp.IsOnAsync(user)) return View(new TwoFactorModel(null, null, On: true));
        // Opening the page again shows the secret still waiting for its code: a new one on every visit wrote the account
        // on each GET, and one the app already holds may be typed in the app later.
        var secret = await totp.PendingAsync(user) ?? await totp.StartAsync(user);
        return View(new TwoFactorModel(secret, TotpFactor.Uri(secret, user.Email ?? user.UserName ?? "")));
    }

    [HttpPost("")]
    [EnableRateLimiting(SecuritySetup.SignInPolicy)]
    public async Task<IActionResult> TwoFactor(TwoFactorForm form)
    {
        if (await users.GetUserAsync(User) is not AppUser user) return Challenge();
        if ((await users.GetLoginsAsync(user)).Count > 0 || await totp.IsOnAsync(user)) return RedirectToAction(nameof(TwoFactor));
        var valid = await validator.ValidateAsync(form);
        if (!valid.IsValid || !await totp.ConfirmAsync(user, form.Code))
        {
            if (valid.IsValid) ModelState.AddModelError(nameof(form.Code), "確認コードが正しくありません。認証アプリに今表示されている6桁の数字を入力してください。");
            else valid.AddToModelState(ModelState);
            var secret = await totp.PendingAsync(user) ?? await totp.StartAsync(user);
            return View(new TwoFactorModel(secret, TotpFactor.Uri(secret, user.Email ?? user.UserName ?? "")));
        }
        log.LogInformation(SignInEvents.PrivilegedAction, "TOTP turned on, user {UserId}", user.Id);
        await history.RecordAsync(SignInKinds.Privileged, user.Email ?? user.UserName, user.Id, true, "2段階認証を有効にした", HttpContext.Connection.RemoteIpAddress?.ToString());
        TempData["Message"] = "2段階認証を設定しました。次のサインインから、パスワードのあとに確認コードを入力します。";
        return RedirectToAction("Index", "Home");
    }
}
