using Komaki.Management.Core;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure.Directory;
using Microsoft.AspNetCore.Authentication;

namespace Komaki.Management.Web.Features.Account;

/// Sign-in vouched for by someone else: Windows integrated sign-on under IIS, and OpenID Connect (AD FS, Entra ID,
/// Keycloak). The person, their 職員番号 and groups come from the directory or the provider; the group mapping gives
/// the roles (ExternalSignIns).
[Route("Account")]
public sealed class ExternalSignInController(SignInManager<AppUser> signIn, ILogger<ExternalSignInController> log, IOptions<DirectoryOptions> directory)
    : SignInController(signIn, log, directory)
{
    /// The scheme the in-process IIS handler registers for Windows authentication (IISDefaults.AuthenticationScheme).
    public const string WindowsScheme = "Windows";

    /// IIS has verified the domain account (Kerberos/NTLM); the directory gives the person (service account).
    [AllowAnonymous]
    [HttpGet("Windows")]
    public async Task<IActionResult> Windows(string? returnUrl)
    {
        if (Directory is not { Enabled: true, WindowsSignOn: true }) return NotFound();
        var schemes = HttpContext.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>();
        if (await schemes.GetSchemeAsync(WindowsScheme) is null)
        {
            Log.LogError(SignInEvents.DirectoryUnavailable, "Directory:WindowsSignOn is on but the app does not run under IIS with Windows authentication");
            await RecordAsync(SignInKinds.DirectoryUnavailable, null, null, false, "Windows サインオンの設定があるが、IIS の Windows 認証で動いていない");
            return RedirectToAction(nameof(AccountController.Login), "Account", new { returnUrl, local = true });
        }
        var windows = await HttpContext.AuthenticateAsync(WindowsScheme);
        if (!windows.Succeeded || windows.Principal.Identity?.Name is not string account) return Challenge(WindowsScheme);
        var answer = await HttpContext.RequestServices.GetRequiredService<LdapDirectory>().FindAsync(account);
        if (answer.Person is not ExternalPerson person)
        {
            Log.LogWarning(SignInEvents.Refused, "Windows sign-on refused ({Reason}) from {Address}, account {Account}", answer.Failure, HttpContext.Connection.RemoteIpAddress, account);
            await RecordAsync(SignInKinds.SignIn, account, null, false, "Windows サインオン: " + Because(answer.Failure));
            ModelState.AddModelError(string.Empty, answer.Failure == DirectoryFailure.Unavailable
                ? "ディレクトリ（Active Directory）に接続できないため、今はサインインできません。しばらくしてからもう一度お試しください。"
                : "この Windows のアカウントでは現在サインインできません。");
            return LoginPage(new LoginForm { ReturnUrl = returnUrl }, false);
        }
        return await ExternalSignInAsync(person, returnUrl);
    }

    /// OpenID Connect: code flow with PKCE; the provider's answer lands in the external cookie.
    [AllowAnonymous]
    [HttpGet("External")]
    public IActionResult External(string? returnUrl)
    {
        if (!Oidc.Enabled) return NotFound();
        return Challenge(new AuthenticationProperties { RedirectUri = Url.Action(nameof(ExternalDone), new { returnUrl }) }, OidcSettings.Scheme);
    }

    [AllowAnonymous]
    [HttpGet("ExternalDone")]
    public async Task<IActionResult> ExternalDone(string? returnUrl)
    {
        if (!Oidc.Enabled) return NotFound();
        var answer = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!answer.Succeeded || answer.Principal.FindFirst("sub")?.Value is not string subject)
            return RedirectToAction(nameof(AccountController.Login), "Account", new { local = true });
        var p = answer.Principal;
        var groups = Oidc.GroupClaims.SelectMany(c => p.FindAll(c)).Select(c => c.Value).ToList();
        var person = new ExternalPerson(OidcSettings.Provider, subject, p.FindFirst("preferred_username")?.Value ?? subject,
            p.FindFirst(Oidc.StaffNumberClaim)?.Value, groups, p.FindFirst("email")?.Value, string.IsNullOrEmpty(Oidc.DepartmentClaim) ? null : p.FindFirst(Oidc.DepartmentClaim)?.Value);
        var mfa = p.FindAll("amr").Any(c => Oidc.MfaAmr.Contains(c.Value)) || p.FindFirst("acr")?.Value is string acr && Oidc.MfaAcr.Contains(acr);
        return await ExternalSignInAsync(person, returnUrl, mfa);
    }
}
