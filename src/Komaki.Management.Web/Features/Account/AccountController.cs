using Komaki.Management.Core;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure.Authorization;
using Komaki.Management.Web.Infrastructure.Directory;
using Komaki.Management.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace Komaki.Management.Web.Features.Account;

/// Sign-in with a password (the app's own, or the directory's when it is on), the code of a second factor, and
/// sign-out. There is no self-registration: administrators create users. Sign-in tells nothing about which accounts
/// exist: one message and the same work for an unknown, deactivated, locked or wrongly typed account, and attempts
/// are limited per address and per account.
public sealed class AccountController(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, SignInThrottle throttle, AccountPages pages,
    ILogger<AccountController> log, IOptions<DirectoryOptions> directory) : SignInController(signIn, log, directory)
{
    // A hash of a random password, verified when there is no account to check, so every failure costs the same.
    private static readonly string UnusedHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString());

    [AllowAnonymous]
    [HttpGet]
    public async Task<IActionResult> Login(string? returnUrl, bool local = false)
    {
        if (Directory is { Enabled: true, WindowsSignOn: true } && !local) return RedirectToAction(nameof(ExternalSignInController.Windows), "ExternalSignIn", new { returnUrl });
        return LoginPage(new LoginForm { ReturnUrl = returnUrl }, await pages.NoAccountsYetAsync());
    }

    [AllowAnonymous]
    [HttpPost]
    [EnableRateLimiting(SecuritySetup.SignInPolicy)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        form.DirectoryAccount = Directory.Enabled;
        if (!await ValidateAsync(form)) return LoginPage(form, false);
        if (!throttle.TryAttempt(form.Email))
        {
            Log.LogWarning("Sign-in attempts over the per-account limit from {Address}", HttpContext.Connection.RemoteIpAddress);
            await RecordAsync(SignInKinds.SignIn, form.Email, null, false, "アカウントごとの試行回数の上限を超えた");
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (Directory.Enabled && (user is null || !await LocalSignInAllowedAsync(user)))
            return await DirectorySignInAsync(form);
        if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user ?? new AppUser(), UnusedHash, form.Password);
            Log.LogWarning("Sign-in refused ({Reason}) from {Address}, user {UserId}",
                user is null ? "unknown account" : !user.IsActive ? "deactivated" : "locked out", HttpContext.Connection.RemoteIpAddress, user?.Id);
            await RecordAsync(SignInKinds.SignIn, form.Email, user?.Id, false, user is null ? "登録のないアカウント" : !user.IsActive ? "利用を停止したアカウント" : "ロック中のアカウント");
            return LoginRefused(form);
        }
        var result = await SignIns.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            Log.LogWarning("Sign-in refused (wrong password{Locked}) from {Address}, user {UserId}", result.IsLockedOut ? ", now locked out" : "", HttpContext.Connection.RemoteIpAddress, user.Id);
            await RecordAsync(SignInKinds.SignIn, form.Email, user.Id, false, result.IsLockedOut ? "パスワードの誤り（ロックしました）" : "パスワードの誤り");
            return LoginRefused(form);
        }
        if (await Totp.IsOnAsync(user))
        {
            // The password was right; the session begins only with the code (LoginCode).
            await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme,
                new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme)));
            return RedirectToAction(nameof(LoginCode), new { returnUrl = form.ReturnUrl });
        }
        // A new session key: whatever session this browser had (another person's on a shared PC) ends here.
        await FreshSession.SignInAsync(HttpContext, await SignIns.CreateUserPrincipalAsync(user));
        Log.LogInformation(SignInEvents.SignedIn, "Signed in with a local password from {Address}, user {UserId}", HttpContext.Connection.RemoteIpAddress, user.Id);
        await RecordAsync(SignInKinds.SignIn, form.Email, user.Id, true, "ローカルのパスワード");
        return user.MustChangePassword ? RedirectToAction(nameof(PasswordController.ChangePassword), "Password") : Onward(form.ReturnUrl);
    }

    private TotpFactor Totp => HttpContext.RequestServices.GetRequiredService<TotpFactor>();

    [AllowAnonymous]
    [HttpGet]
    public IActionResult LoginCode(string? returnUrl) => View(new LoginCodeForm { ReturnUrl = returnUrl });

    /// The second step of a local account with TOTP: a wrong code counts towards the lockout like a wrong password.
    [AllowAnonymous]
    [HttpPost]
    [EnableRateLimiting(SecuritySetup.SignInPolicy)]
    public async Task<IActionResult> LoginCode(LoginCodeForm form)
    {
        var pending = await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (!pending.Succeeded || pending.Principal.Identity?.Name is not string id || await users.FindByIdAsync(id) is not AppUser user || !user.IsActive)
            return RedirectToAction(nameof(Login));
        if (!await ValidateAsync(form)) return View(new LoginCodeForm { ReturnUrl = form.ReturnUrl });
        if (await users.IsLockedOutAsync(user) || !await Totp.VerifyAsync(user, form.Code))
        {
            await users.AccessFailedAsync(user);
            Log.LogWarning(SignInEvents.Refused, "Sign-in refused (wrong or reused TOTP code) from {Address}, user {UserId}", HttpContext.Connection.RemoteIpAddress, user.Id);
            await RecordAsync(SignInKinds.SignIn, user.Email ?? user.UserName, user.Id, false, "確認コード（2段階認証）の誤りまたは再使用");
            ModelState.AddModelError(nameof(form.Code), "確認コードが正しくないか、すでに使われています。認証アプリに今表示されている6桁の数字を入力してください。");
            return View(new LoginCodeForm { ReturnUrl = form.ReturnUrl });
        }
        await users.ResetAccessFailedCountAsync(user);
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await FreshSession.SignInAsync(HttpContext, await SignIns.CreateUserPrincipalAsync(user));
        Log.LogInformation(SignInEvents.SignedIn, "Signed in with a local password and TOTP from {Address}, user {UserId}", HttpContext.Connection.RemoteIpAddress, user.Id);
        await RecordAsync(SignInKinds.SignIn, user.Email ?? user.UserName, user.Id, true, "ローカルのパスワードと確認コード（2段階認証）");
        return user.MustChangePassword ? RedirectToAction(nameof(PasswordController.ChangePassword), "Password") : Onward(form.ReturnUrl);
    }

    /// With the directory on, a local password signs in only the people the directory does not hold: break-glass
    /// administrators and 外部評価委員・監査委員 (Directory:LocalStaffSignIn lets local staff accounts in as well). An account
    /// linked to the directory always signs in through it.
    private async Task<bool> LocalSignInAllowedAsync(AppUser user)
    {
        if ((await users.GetLoginsAsync(user)).Count > 0) return false;
        if (Directory.LocalStaffSignIn) return true;
        var roles = await users.GetRolesAsync(user);
        return roles.Contains(Roles.Administrator) || roles.Any(DirectoryRoles.LocalOnly.Contains);
    }

    /// Active Directory: the password is checked by the directory (a bind over TLS), never by the app; the person is
    /// linked to the staff register and their roles come from the group mapping (ExternalSignIns).
    private async Task<IActionResult> DirectorySignInAsync(LoginForm form)
    {
        var answer = await HttpContext.RequestServices.GetRequiredService<LdapDirectory>().SignInAsync(form.Email, form.Password);
        var address = HttpContext.Connection.RemoteIpAddress;
        if (answer.Failure == DirectoryFailure.Unavailable)
        {
            Log.LogError(SignInEvents.DirectoryUnavailable, "Directory sign-in impossible: the directory did not answer, from {Address}", address);
            await RecordAsync(SignInKinds.DirectoryUnavailable, form.Email, null, false, "ディレクトリが応答しない");
            ModelState.AddModelError(string.Empty, "ディレクトリ（Active Directory）に接続できないため、今はサインインできません。しばらくしてからもう一度お試しください。続くときは情報政策担当に連絡してください。");
            form.Password = "";
            return LoginPage(form, false);
        }
        if (answer.Person is not ExternalPerson person)
        {
            Log.LogWarning(SignInEvents.Refused, "Directory sign-in refused ({Reason}) from {Address}, account {Account}", answer.Failure, address, LdapDirectory.AccountName(form.Email));
            await RecordAsync(SignInKinds.SignIn, form.Email, null, false, "ディレクトリ: " + Because(answer.Failure));
            return LoginRefused(form);
        }
        return await ExternalSignInAsync(person, form.ReturnUrl);
    }

    [HttpPost]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Logout()
    {
        await SignIns.SignOutAsync();
        Log.LogInformation("Signed out, user {UserId}", users.GetUserId(User));
        return RedirectToAction(nameof(Login));
    }

    [AllowAnonymous]
    public IActionResult AccessDenied() => View();
}
