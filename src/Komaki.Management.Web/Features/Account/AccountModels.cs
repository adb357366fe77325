using System.ComponentModel.DataAnnotations;
using Komaki.Management.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace Komaki.Management.Web.Features.Account;

public sealed class LoginForm
{
    [Display(Name = "メールアドレス")]
    public string Email { get; set; } = "";

    [Display(Name = "パスワード")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordForm
{
    [Display(Name = "現在のパスワード")]
    public string CurrentPassword { get; set; } = "";

    [Display(Name = "新しいパスワード")]
    public string NewPassword { get; set; } = "";

    [Display(Name = "新しいパスワード（確認）")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed record LoginModel(LoginForm Form, bool NoAccountsYet, bool Directory = false, bool WindowsSignOn = false, string? OpenIdProvider = null);

public sealed record NoRoleModel(ExternalPerson Person, IReadOnlyList<DirectoryRoleMapping> Mappings);

public sealed record NotLinkedModel(ExternalPerson Person, ExternalRefusal Refusal);

public sealed class LoginCodeForm
{
    [Display(Name = "確認コード")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed record TwoFactorModel(string? Secret, string? Uri, bool On = false, bool Directory = false);
