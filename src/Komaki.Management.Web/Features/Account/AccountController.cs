using System.ComponentModel.DataAnnotations;
using Komaki.Management.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Komaki.Management.Web.Infrastructure.Directory;

namespace Komaki.Management.Web.Features.Account;

/// Sign-in, sign-out and password change. There is no self-registration: administrators create users.
/// Sign-in tells nothing about which accounts exist: one message and the same work for an unknown, deactivated,
/// locked or wrongly typed account, and attempts are limited per address and per account.
public sealed class AccountController(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, SignInThrottle throttle, PasswordRecheck recheck,
    AppDbContext db, ILogger<AccountController> log, IOptions<DirectoryOptions> directory) : Controller
{
    private const string Refused = "メールアドレスまたはパスワードが正しくないか、このアカウントでは現在サインインできません。パスワードを続けて5回間違えると15分間サインインできなくなります。";

    // A hash of a random password, verified when there is no account to check, so every failure costs the same.
    private static readonly string UnusedHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString());

    [AllowAnonymous]
    [HttpGet]
    public async Task<IActionResult> Login(string? returnUrl, bool local = false)
    {
        if (directory.Value is { Enabled: true, WindowsSignOn: true } && !local) return RedirectToAction(nameof(Windows), new { returnUrl });
        return LoginPage(new LoginForm { ReturnUrl = returnUrl }, !await users.Users.AnyAsync());
    }

    /// The scheme the in-process IIS handler registers for Windows authentication (IISDefaults.AuthenticationScheme).
    public const string WindowsScheme = "Windows";

    /// Windows integrated sign-on under IIS: IIS has verified the domain account (Kerberos/NTLM); the directory gives
    /// the person, their 職員番号 and groups (service account), and the same mapping gives the roles.
    [AllowAnonymous]
    [HttpGet]
    public async Task<IActionResult> Windows(string? returnUrl)
    {
        if (directory.Value is not { Enabled: true, WindowsSignOn: true }) return NotFound();
        var schemes = HttpContext.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>();
        if (await schemes.GetSchemeAsync(WindowsScheme) is null)
        {
            log.LogError(SignInEvents.DirectoryUnavailable, "Directory:WindowsSignOn is on but the app does not run under IIS with Windows authentication");
            await RecordAsync(SignInKinds.DirectoryUnavailable, null, null, false, "Windows サインオンの設定があるが、IIS の Windows 認証で動いていない");
            return RedirectToAction(nameof(Login), new { returnUrl, local = true });
        }
        var windows = await HttpContext.AuthenticateAsync(WindowsScheme);
        if (!windows.Succeeded || windows.Principal.Identity?.Name is not string account) return Challenge(WindowsScheme);
        var answer = await HttpContext.RequestServices.GetRequiredService<LdapDirectory>().FindAsync(account);
        if (answer.Person is not ExternalPerson person)
        {
            log.LogWarning(SignInEvents.Refused, "Windows sign-on refused ({Reason}) from {Address}, account {Account}", answer.Failure, HttpContext.Connection.RemoteIpAddress, account);
            await RecordAsync(SignInKinds.SignIn, account, null, false, "Windows サインオン: " + Because(answer.Failure));
            ModelState.AddModelError(string.Empty, answer.Failure == DirectoryFailure.Unavailable
                ? "ディレクトリ（Active Directory）に接続できないため、今はサインインできません。しばらくしてからもう一度お試しください。"
                : "この Windows のアカウントでは現在サインインできません。");
            return LoginPage(new LoginForm { ReturnUrl = returnUrl }, false);
        }
        return await ExternalSignInAsync(person, returnUrl);
    }

    private ViewResult LoginPage(LoginForm form, bool noAccountsYet) => View("Login", new LoginModel(form, noAccountsYet, directory.Value.Enabled, directory.Value is { Enabled: true, WindowsSignOn: true },
            Oidc.Enabled ? Oidc.DisplayName : null));

    [AllowAnonymous]
    [HttpPost]
    [EnableRateLimiting(SecuritySetup.SignInPolicy)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError(string.Empty, directory.Value.Enabled ? "ユーザー名とパスワードを入力してください。" : "メールアドレスとパスワードを入力してください。");
            return LoginPage(form, false);
        }
        if (!throttle.TryAttempt(form.Email))
        {
            log.LogWarning("Sign-in attempts over the per-account limit from {Address}", HttpContext.Connection.RemoteIpAddress);
            await RecordAsync(SignInKinds.SignIn, form.Email, null, false, "アカウントごとの試行回数の上限を超えた");
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (directory.Value.Enabled && (user is null || !await LocalSignInAllowedAsync(user)))
            return await DirectorySignInAsync(form);
        if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user ?? new AppUser(), UnusedHash, form.Password);
            log.LogWarning("Sign-in refused ({Reason}) from {Address}, user {UserId}",
                user is null ? "unknown account" : !user.IsActive ? "deactivated" : "locked out", HttpContext.Connection.RemoteIpAddress, user?.Id);
            await RecordAsync(SignInKinds.SignIn, form.Email, user?.Id, false, user is null ? "登録のないアカウント" : !user.IsActive ? "利用を停止したアカウント" : "ロック中のアカウント");
            return LoginRefused(form);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            log.LogWarning("Sign-in refused (wrong password{Locked}) from {Address}, user {UserId}", result.IsLockedOut ? ", now locked out" : "", HttpContext.Connection.RemoteIpAddress, user.Id);
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
        await FreshSession.SignInAsync(HttpContext, await signIn.CreateUserPrincipalAsync(user));
        log.LogInformation(SignInEvents.SignedIn, "Signed in with a local password from {Address}, user {UserId}", HttpContext.Connection.RemoteIpAddress, user.Id);
        await RecordAsync(SignInKinds.SignIn, form.Email, user.Id, true, "ローカルのパスワード");
        if (user.MustChangePassword) return RedirectToAction(nameof(ChangePassword));
        return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : RedirectToAction("Index", "Home");
    }

    private TotpFactor Totp => HttpContext.RequestServices.GetRequiredService<TotpFactor>();

    /// The city's own record beside the log event (SignInLog page); the address is the one the proxy forwarded.
    private Task RecordAsync(string kind, string? account, string? userId, bool succeeded, string reason) =>
        HttpContext.RequestServices.GetRequiredService<SignInHistory>().RecordAsync(kind, account, userId, succeeded, reason, HttpContext.Connection.RemoteIpAddress?.ToString());

    private static string Because(DirectoryFailure failure) => failure switch
    {
        DirectoryFailure.Refused => "パスワードの誤りまたは登録のないアカウント",
        DirectoryFailure.Disabled => "ディレクトリで無効なアカウント",
        DirectoryFailure.Unavailable => "ディレクトリが応答しない",
        _ => failure.ToString(),
    };

    private static string Because(ExternalRefusal refusal) => refusal switch
    {
        ExternalRefusal.NoStaffNumber => "職員番号がない",
        ExternalRefusal.NotInRegister => "職員名簿にない職員番号",
        ExternalRefusal.Left => "退職",
        ExternalRefusal.Deactivated => "利用を停止したアカウント",
        ExternalRefusal.LinkedElsewhere => "別のアカウントが結び付いている",
        ExternalRefusal.NoMappedGroup => "役割に対応するグループがない",
        ExternalRefusal.MailTaken => "メールアドレスが別のアカウントで使われている",
        _ => refusal.ToString(),
    };

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
        if (await users.IsLockedOutAsync(user) || !await Totp.VerifyAsync(user, form.Code))
        {
            await users.AccessFailedAsync(user);
            log.LogWarning(SignInEvents.Refused, "Sign-in refused (wrong or reused TOTP code) from {Address}, user {UserId}", HttpContext.Connection.RemoteIpAddress, user.Id);
            await RecordAsync(SignInKinds.SignIn, user.Email ?? user.UserName, user.Id, false, "確認コード（2段階認証）の誤りまたは再使用");
            ModelState.AddModelError(nameof(form.Code), "確認コードが正しくないか、すでに使われています。認証アプリに今表示されている6桁の数字を入力してください。");
            return View(new LoginCodeForm { ReturnUrl = form.ReturnUrl });
        }
        await users.ResetAccessFailedCountAsync(user);
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await FreshSession.SignInAsync(HttpContext, await signIn.CreateUserPrincipalAsync(user));
        log.LogInformation(SignInEvents.SignedIn, "Signed in with a local password and TOTP from {Address}, user {UserId}", HttpContext.Connection.RemoteIpAddress, user.Id);
        await RecordAsync(SignInKinds.SignIn, user.Email ?? user.UserName, user.Id, true, "ローカルのパスワードと確認コード（2段階認証）");
        if (user.MustChangePassword) return RedirectToAction(nameof(ChangePassword));
        return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : RedirectToAction("Index", "Home");
    }

    /// A local account turns on its second factor: the secret is shown once, and kept only after a code confirms it.
    [HttpGet]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> TwoFactor()
    {
        if (await users.GetUserAsync(User) is not AppUser user) return Challenge();
        if ((await users.GetLoginsAsync(user)).Count > 0) return View(new TwoFactorModel(null, null, Directory: true));
        if (await Totp.IsOnAsync(user)) return View(new TwoFactorModel(null, null, On: true));
        var secret = await Totp.StartAsync(user);
        return View(new TwoFactorModel(secret, TotpFactor.Uri(secret, user.Email ?? user.UserName ?? "")));
    }

    [HttpPost]
    [Authorize(Policy = Policies.SignedIn)]
    [EnableRateLimiting(SecuritySetup.SignInPolicy)]
    public async Task<IActionResult> TwoFactor(string? code)
    {
        if (await users.GetUserAsync(User) is not AppUser user) return Challenge();
        if ((await users.GetLoginsAsync(user)).Count > 0 || await Totp.IsOnAsync(user)) return RedirectToAction(nameof(TwoFactor));
        if (!await Totp.ConfirmAsync(user, code))
        {
            ModelState.AddModelError("code", "確認コードが正しくありません。認証アプリに今表示されている6桁の数字を入力してください。");
            var secret = await Totp.PendingAsync(user) ?? await Totp.StartAsync(user);
            return View(new TwoFactorModel(secret, TotpFactor.Uri(secret, user.Email ?? user.UserName ?? "")));
        }
        log.LogInformation(SignInEvents.PrivilegedAction, "TOTP turned on, user {UserId}", user.Id);
        await RecordAsync(SignInKinds.Privileged, user.Email ?? user.UserName, user.Id, true, "2段階認証を有効にした");
        TempData["Message"] = "2段階認証を設定しました。次のサインインから、パスワードのあとに確認コードを入力します。";
        return RedirectToAction("Index", "Home");
    }

    private ViewResult LoginRefused(LoginForm form)
    {
        ModelState.AddModelError(string.Empty, Refused);
        form.Password = "";
        return LoginPage(form, false);
    }

    /// With the directory on, a local password signs in only the people the directory does not hold: break-glass
    /// administrators and 外部評価委員・監査委員 (Directory:LocalStaffSignIn lets local staff accounts in as well). An account
    /// linked to the directory always signs in through it.
    private async Task<bool> LocalSignInAllowedAsync(AppUser user)
    {
        if ((await users.GetLoginsAsync(user)).Count > 0) return false;
        if (directory.Value.LocalStaffSignIn) return true;
        var roles = await users.GetRolesAsync(user);
        return roles.Contains(Roles.Administrator) || roles.Any(DirectoryRoles.LocalOnly.Contains);
    }

    /// Active Directory: the password is checked by the directory (a bind over TLS), never by the app; the person is
    /// linked to the staff register and their roles come from the group mapping (ExternalSignIns).
    private async Task<IActionResult> DirectorySignInAsync(LoginForm form)
    {
        var ldap = HttpContext.RequestServices.GetRequiredService<LdapDirectory>();
        var answer = await ldap.SignInAsync(form.Email, form.Password);
        var address = HttpContext.Connection.RemoteIpAddress;
        if (answer.Failure == DirectoryFailure.Unavailable)
        {
            log.LogError(SignInEvents.DirectoryUnavailable, "Directory sign-in impossible: the directory did not answer, from {Address}", address);
            await RecordAsync(SignInKinds.DirectoryUnavailable, form.Email, null, false, "ディレクトリが応答しない");
            ModelState.AddModelError(string.Empty, "ディレクトリ（Active Directory）に接続できないため、今はサインインできません。しばらくしてからもう一度お試しください。続くときは情報政策担当に連絡してください。");
            form.Password = "";
            return LoginPage(form, false);
        }
        if (answer.Person is not ExternalPerson person)
        {
            log.LogWarning(SignInEvents.Refused, "Directory sign-in refused ({Reason}) from {Address}, account {Account}", answer.Failure, address, LdapDirectory.AccountName(form.Email));
            await RecordAsync(SignInKinds.SignIn, form.Email, null, false, "ディレクトリ: " + Because(answer.Failure));
            return LoginRefused(form);
        }
        return await ExternalSignInAsync(person, form.ReturnUrl);
    }

    /// OpenID Connect (AD FS, Entra ID, Keycloak): code flow with PKCE; the provider's answer lands in the external cookie.
    [AllowAnonymous]
    [HttpGet]
    public IActionResult External(string? returnUrl)
    {
        if (!Oidc.Enabled) return NotFound();
        return Challenge(new AuthenticationProperties { RedirectUri = Url.Action(nameof(ExternalDone), new { returnUrl }) }, OidcSettings.Scheme);
    }

    [AllowAnonymous]
    [HttpGet]
    public async Task<IActionResult> ExternalDone(string? returnUrl)
    {
        if (!Oidc.Enabled) return NotFound();
        var answer = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!answer.Succeeded || answer.Principal.FindFirst("sub")?.Value is not string subject) return RedirectToAction(nameof(Login), new { local = true });
        var p = answer.Principal;
        var groups = Oidc.GroupClaims.SelectMany(c => p.FindAll(c)).Select(c => c.Value).ToList();
        var person = new ExternalPerson(OidcSettings.Provider, subject, p.FindFirst("preferred_username")?.Value ?? subject,
            p.FindFirst(Oidc.StaffNumberClaim)?.Value, groups, p.FindFirst("email")?.Value, string.IsNullOrEmpty(Oidc.DepartmentClaim) ? null : p.FindFirst(Oidc.DepartmentClaim)?.Value);
        var mfa = p.FindAll("amr").Any(c => Oidc.MfaAmr.Contains(c.Value)) || p.FindFirst("acr")?.Value is string acr && Oidc.MfaAcr.Contains(acr);
        return await ExternalSignInAsync(person, returnUrl, mfa);
    }

    private OidcSettings Oidc => HttpContext.RequestServices.GetRequiredService<IOptions<OidcSettings>>().Value;

    /// What every external sign-in shares (the directory's password check, Windows sign-on, OpenID Connect): link,
    /// roles, refusal pages; mfa is what the OpenID provider said (null where a second factor is the domain's own).
    private async Task<IActionResult> ExternalSignInAsync(ExternalPerson person, string? returnUrl, bool? mfa = null)
    {
        var clock = HttpContext.RequestServices.GetRequiredService<CityClock>();
        var external = HttpContext.RequestServices.GetRequiredService<ExternalSignIns>();
        var result = await external.SignInAsync(person, clock.Today);
        var address = HttpContext.Connection.RemoteIpAddress;
        if (result.RolesChanged)
            log.LogWarning(SignInEvents.RolesChanged, "Roles set from directory groups: {Roles}, user {UserId}; every other session ended", string.Join(",", result.Roles), result.User?.Id);
        if (result.RolesChanged || result.UnitChanged)
            await RecordAsync(SignInKinds.RolesChanged, person.LoginName, result.User?.Id, true,
                (result.RolesChanged ? "役割をディレクトリのグループから設定: " + (result.Roles.Count == 0 ? "なし" : string.Join("、", result.Roles.Select(Roles.Label))) : "")
                + (result.UnitChanged ? (result.RolesChanged ? "／" : "") + "所属を職員名簿から設定" : ""));
        if (result.UnitDiffers is { } differs && result.User is not null)
        {
            log.LogWarning(SignInEvents.UnitDiffers, "{Provider} says unit {DirectoryUnit}, the staff register {RegisterUnit} (used), user {UserId}",
                person.Provider, differs.Directory, differs.Register, result.User.Id);
            await HttpContext.RequestServices.GetRequiredService<SignInHistory>().RecordUnitDifferenceAsync(person.LoginName, result.User.Id,
                $"ディレクトリの所属「{differs.Directory}」と職員名簿の所属「{differs.Register}」が違います（職員名簿の所属を使っています）", address?.ToString());
        }
        if (!result.Succeeded)
        {
            log.LogWarning(SignInEvents.Refused, "{Provider} sign-in refused ({Reason}) from {Address}, account {Account}, user {UserId}, groups {Groups}",
                person.Provider, result.Refusal, address, person.LoginName, result.User?.Id, string.Join(",", person.Groups));
            await RecordAsync(SignInKinds.SignIn, person.LoginName, result.User?.Id, false, $"{person.Provider}: {Because(result.Refusal)}");
            return result.Refusal switch
            {
                ExternalRefusal.NoMappedGroup => View("NoRole", new NoRoleModel(person, await external.MappingsAsync())),
                ExternalRefusal.NoStaffNumber or ExternalRefusal.NotInRegister or ExternalRefusal.LinkedElsewhere or ExternalRefusal.MailTaken => View("NotLinked", new NotLinkedModel(person, result.Refusal)),
                _ => LoginRefused(new LoginForm { Email = person.LoginName, ReturnUrl = returnUrl }),
            };
        }
        if (mfa == false && Oidc.MfaRoles.Intersect(result.Roles).ToList() is { Count: > 0 } needing)
        {
            log.LogWarning(SignInEvents.Refused, "{Provider} sign-in refused (no second factor for {Roles}) from {Address}, user {UserId}", person.Provider, string.Join(",", needing), address, result.User!.Id);
            await RecordAsync(SignInKinds.SignIn, person.LoginName, result.User.Id, false, $"{person.Provider}: 多要素認証なし（{string.Join("、", needing.Select(Roles.Label))}に必要）");
            return View("MfaRequired", needing.Select(Roles.Label).ToList());
        }
        await FreshSession.SignInAsync(HttpContext, await signIn.CreateUserPrincipalAsync(result.User!));
        log.LogInformation(SignInEvents.SignedIn, "Signed in through {Provider} from {Address}, user {UserId}, roles {Roles}", person.Provider, address, result.User!.Id, string.Join(",", result.Roles));
        await RecordAsync(SignInKinds.SignIn, person.LoginName, result.User.Id, true, person.Provider);
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction("Index", "Home");
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
        log.LogInformation(SignInEvents.PrivilegedAction, "Password changed and every session ended, user {UserId}", user.Id);
        await RecordAsync(SignInKinds.Privileged, user.Email ?? user.UserName, user.Id, true, "自分のパスワードを変更した（ほかの端末のサインインを終了）");
        TempData["Message"] = "パスワードを変更しました。ほかの端末のサインインはすべて終了しました。";
        return RedirectToAction("Index", "Home");
    }

    [AllowAnonymous]
    public IActionResult AccessDenied() => View();
}
