using FluentValidation.AspNetCore;
using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure.Directory;
using Komaki.Management.Web.Infrastructure.Security;

namespace Komaki.Management.Web.Features.Account;

/// What the sign-in controllers share: the sign-in page, the one refusal that tells nothing about which accounts
/// exist, the city's sign-in record, and the end of every external sign-in (the directory's password check, Windows
/// sign-on, OpenID Connect). The views are the Account folder's.
public abstract class SignInController(SignInManager<AppUser> signIn, ILogger log, IOptions<DirectoryOptions> directory) : Controller
{
    protected const string Refused = "メールアドレスまたはパスワードが正しくないか、このアカウントでは現在サインインできません。パスワードを続けて5回間違えると15分間サインインできなくなります。";

    protected DirectoryOptions Directory => directory.Value;

    protected SignInManager<AppUser> SignIns { get; } = signIn;

    protected ILogger Log { get; } = log;

    protected OidcSettings Oidc => HttpContext.RequestServices.GetRequiredService<IOptions<OidcSettings>>().Value;

    protected ViewResult LoginPage(LoginForm form, bool noAccountsYet) => View("Login", new LoginModel(form, noAccountsYet, Directory.Enabled,
        Directory is { Enabled: true, WindowsSignOn: true }, Oidc.Enabled ? Oidc.DisplayName : null));

    protected ViewResult LoginRefused(LoginForm form)
    {
        ModelState.AddModelError(string.Empty, Refused);
        form.Password = "";
        return LoginPage(form, false);
    }

    /// The form's own validator (blank fields, lengths), its messages beside the fields.
    protected async Task<bool> ValidateAsync<T>(T form)
    {
        var result = await HttpContext.RequestServices.GetRequiredService<IValidator<T>>().ValidateAsync(form);
        result.AddToModelState(ModelState);
        return ModelState.IsValid;
    }

    protected IActionResult Onward(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction("Index", "Home");

    /// The city's own record beside the log event (SignInLog page); the address is the one the proxy forwarded.
    protected Task RecordAsync(string kind, string? account, string? userId, bool succeeded, string reason) =>
        HttpContext.RequestServices.GetRequiredService<SignInHistory>().RecordAsync(kind, account, userId, succeeded, reason, HttpContext.Connection.RemoteIpAddress?.ToString());

    protected static string Because(DirectoryFailure failure) => failure switch
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

    /// What every external sign-in shares: link, roles, refusal pages; mfa is what the OpenID provider said (null where
    /// a second factor is the domain's own).
    protected async Task<IActionResult> ExternalSignInAsync(ExternalPerson person, string? returnUrl, bool? mfa = null)
    {
        var clock = HttpContext.RequestServices.GetRequiredService<CityClock>();
        var external = HttpContext.RequestServices.GetRequiredService<ExternalSignIns>();
        var result = await external.SignInAsync(person, clock.Today);
        var address = HttpContext.Connection.RemoteIpAddress;
        if (result.RolesChanged)
            Log.LogWarning(SignInEvents.RolesChanged, "Roles set from directory groups: {Roles}, user {UserId}; every other session ended", string.Join(",", result.Roles), result.User?.Id);
        if (result.RolesChanged || result.UnitChanged)
            await RecordAsync(SignInKinds.RolesChanged, person.LoginName, result.User?.Id, true,
                (result.RolesChanged ? "役割をディレクトリのグループから設定: " + (result.Roles.Count == 0 ? "なし" : string.Join("、", result.Roles.Select(Roles.Label))) : "")
                + (result.UnitChanged ? (result.RolesChanged ? "／" : "") + "所属を職員名簿から設定" : ""));
        if (result.UnitDiffers is { } differs && result.User is not null)
        {
            Log.LogWarning(SignInEvents.UnitDiffers, "{Provider} says unit {DirectoryUnit}, the staff register {RegisterUnit} (used), user {UserId}",
                person.Provider, differs.Directory, differs.Register, result.User.Id);
            await HttpContext.RequestServices.GetRequiredService<SignInHistory>().RecordUnitDifferenceAsync(person.LoginName, result.User.Id,
                $"ディレクトリの所属「{differs.Directory}」と職員名簿の所属「{differs.Register}」が違います（職員名簿の所属を使っています）", address?.ToString());
        }
        if (!result.Succeeded)
        {
            Log.LogWarning(SignInEvents.Refused, "{Provider} sign-in refused ({Reason}) from {Address}, account {Account}, user {UserId}, groups {Groups}",
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
            Log.LogWarning(SignInEvents.Refused, "{Provider} sign-in refused (no second factor for {Roles}) from {Address}, user {UserId}", person.Provider, string.Join(",", needing), address, result.User!.Id);
            await RecordAsync(SignInKinds.SignIn, person.LoginName, result.User.Id, false, $"{person.Provider}: 多要素認証なし（{string.Join("、", needing.Select(Roles.Label))}に必要）");
            return View("MfaRequired", needing.Select(Roles.Label).ToList());
        }
        await FreshSession.SignInAsync(HttpContext, await SignIns.CreateUserPrincipalAsync(result.User!));
        Log.LogInformation(SignInEvents.SignedIn, "Signed in through {Provider} from {Address}, user {UserId}, roles {Roles}", person.Provider, address, result.User!.Id, string.Join(",", result.Roles));
        await RecordAsync(SignInKinds.SignIn, person.LoginName, result.User.Id, true, person.Provider);
        return Onward(returnUrl);
    }
}
