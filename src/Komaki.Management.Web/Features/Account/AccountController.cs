using System.ComponentModel.DataAnnotations;
using Komaki.Management.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace Komaki.Management.Web.Features.Account;

/// Sign-in, sign-out and password change. There is no self-registration: administrators create users.
/// Sign-in tells nothing about which accounts exist: one message and the same work for an unknown, deactivated,
/// locked or wrongly typed account, and attempts are limited per address and per account.
public sealed class AccountController(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, SignInThrottle throttle, PasswordRecheck recheck,
    AppDbContext db, ILogger<AccountController> log) : Controller
{
    private const string Refused = "メールアドレスまたはパスワードが正しくないか、このアカウントでは現在サインインできません。パスワードを続けて5回間違えると15分間サインインできなくなります。";

    // A hash of a random password, verified when there is no account to check, so every failure costs the same.
    private static readonly string UnusedHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString());

    [AllowAnonymous]
    [HttpGet]
    public async Task<IActionResult> Login(string? returnUrl) =>
        View(new LoginModel(new LoginForm { ReturnUrl = returnUrl }, !await users.Users.AnyAsync()));

    [AllowAnonymous]
    [HttpPost]
    [EnableRateLimiting(SecuritySetup.SignInPolicy)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError(string.Empty, "メールアドレスとパスワードを入力してください。");
            return View(new LoginModel(form, false));
        }
        if (!throttle.TryAttempt(form.Email))
        {
            log.LogWarning("Sign-in attempts over the per-account limit from {Address}", HttpContext.Connection.RemoteIpAddress);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user ?? new AppUser(), UnusedHash, form.Password);
            log.LogWarning("Sign-in refused ({Reason}) from {Address}, user {UserId}",
                user is null ? "unknown account" : !user.IsActive ? "deactivated" : "locked out", HttpContext.Connection.RemoteIpAddress, user?.Id);
            return LoginRefused(form);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            log.LogWarning("Sign-in refused (wrong password{Locked}) from {Address}, user {UserId}", result.IsLockedOut ? ", now locked out" : "", HttpContext.Connection.RemoteIpAddress, user.Id);
            return LoginRefused(form);
        }
        // A new session key: whatever session this browser had (another person's on a shared PC) ends here.
        await FreshSession.SignInAsync(HttpContext, await signIn.CreateUserPrincipalAsync(user));
        log.LogInformation("Signed in from {Address}, user {UserId}", HttpContext.Connection.RemoteIpAddress, user.Id);
        if (user.MustChangePassword) return RedirectToAction(nameof(ChangePassword));
        return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : RedirectToAction("Index", "Home");
    }

    private ViewResult LoginRefused(LoginForm form)
    {
        ModelState.AddModelError(string.Empty, Refused);
        form.Password = "";
        return View(new LoginModel(form, false));
    }

    [HttpPost]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        log.LogInformation("Signed out, user {UserId}", users.GetUserId(User));
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    [Authorize(Policy = Policies.SignedIn)]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    /// Wrong current passwords count towards the lockout like failed sign-ins; a change ends every other session.
    [HttpPost]
    [EnableRateLimiting(SecuritySetup.SignInPolicy)]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (form.NewPassword != form.ConfirmPassword)
        {
            ModelState.AddModelError(nameof(form.ConfirmPassword), "確認用のパスワードが一致しません。");
            return View(new ChangePasswordForm());
        }
        if (await recheck.RefusalAsync(this, user, form.CurrentPassword, nameof(form.CurrentPassword), () => View(new ChangePasswordForm())) is { } refused)
            return refused;
        // The published demo password and the one being replaced are no new password.
        if (form.NewPassword == Core.Data.Seeding.DemoSeeder.DemoPassword || form.NewPassword == form.CurrentPassword)
        {
            ModelState.AddModelError(nameof(form.NewPassword), form.NewPassword == form.CurrentPassword
                ? "今のパスワードとは違うパスワードにしてください。" : "公開されている体験用のパスワードは使えません。別のパスワードにしてください。");
            return View(new ChangePasswordForm());
        }
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(nameof(form.NewPassword), e.Description);
            return View(new ChangePasswordForm());
        }
        user.MustChangePassword = false;
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateAsync(user);
        // Every session of the account ends (a copied cookie of this one included); this browser starts a new one.
        await db.EndAllAsync(user.Id);
        await FreshSession.SignInAsync(HttpContext, await signIn.CreateUserPrincipalAsync(user));
        log.LogInformation("Password changed and every session ended, user {UserId}", user.Id);
        TempData["Message"] = "パスワードを変更しました。ほかの端末のサインインはすべて終了しました。";
        return RedirectToAction("Index", "Home");
    }

    [AllowAnonymous]
    public IActionResult AccessDenied() => View();
}
