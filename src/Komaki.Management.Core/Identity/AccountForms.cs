using Komaki.Management.Core.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Komaki.Management.Core.Identity;

/// Sign-in with a password: the app's own (local accounts) or the directory's.
public sealed class LoginForm
{
    [Display(Name = "メールアドレス")]
    public string Email { get; set; } = "";

    [Display(Name = "パスワード")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }

    /// The directory signs people in, so the account is a user name: the page names it so (set by the page, never posted).
    [BindNever]
    public bool DirectoryAccount { get; set; }
}

/// Only what needs no account: a blank field, or an address no account can have. Nothing here says whether an account
/// exists — that answer is one message for every refusal (AccountController).
public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .Must((form, email) => !string.IsNullOrWhiteSpace(email) && !string.IsNullOrEmpty(form.Password))
            .WithMessage(x => x.DirectoryAccount ? "ユーザー名とパスワードを入力してください。" : "メールアドレスとパスワードを入力してください。")
            .Must(email => email.Trim().Length <= ModelLengths.Of<AppUser>(u => u.Email))
            .WithMessage(x => $"{(x.DirectoryAccount ? "ユーザー名" : "メールアドレス")}は{ModelLengths.Of<AppUser>(u => u.Email)}文字以内で入力してください。");
    }
}

/// The second step of a local account with 2段階認証.
public sealed class LoginCodeForm
{
    [Display(Name = "確認コード")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

/// A code is six digits (spaces as the authenticator groups them are allowed); whether it is the right one is the
/// second factor's to say, and a wrong one counts towards the lockout.
public sealed class LoginCodeFormValidator : AbstractValidator<LoginCodeForm>
{
    public LoginCodeFormValidator()
    {
        RuleFor(x => x.Code).Must(c => c is not null && c.Replace(" ", "", StringComparison.Ordinal).Trim() is { Length: 6 } digits && digits.All(char.IsAsciiDigit))
            .WithMessage("確認コードは、認証アプリに今表示されている6桁の数字で入力してください。");
    }
}

/// A person changes their own password. The rules of a good password are Identity's (PasswordRules); the form asks
/// only that every field is filled and the new one is typed twice the same.
public sealed class ChangePasswordForm
{
    [Display(Name = "現在のパスワード")]
    public string CurrentPassword { get; set; } = "";

    [Display(Name = "新しいパスワード")]
    public string NewPassword { get; set; } = "";

    [Display(Name = "新しいパスワード（確認）")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("現在のパスワードを入力してください。");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("新しいパスワードを入力してください。");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("確認用のパスワードが一致しません。");
    }
}

/// A local account turns on its second factor with the code its authenticator shows.
public sealed class TwoFactorForm
{
    [Display(Name = "確認コード")]
    public string? Code { get; set; }
}

/// Six digits, as for signing in (LoginCodeFormValidator); whether it is the right one is the second factor's to say.
public sealed class TwoFactorFormValidator : AbstractValidator<TwoFactorForm>
{
    public TwoFactorFormValidator() =>
        RuleFor(x => x.Code).Must(c => c is not null && c.Replace(" ", "", StringComparison.Ordinal).Trim() is { Length: 6 } digits && digits.All(char.IsAsciiDigit))
            .WithMessage("確認コードは、認証アプリに今表示されている6桁の数字で入力してください。");
}
