using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

/// An account as an administrator makes or changes it. The password is the first one only (its rules are Identity's).
public sealed class UserForm
{
    public string? Id { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.DepartmentStaff;
    [Display(Name = "所属")]
    public int? OrgUnitId { get; set; }
    [Display(Name = "利用可")]
    public bool IsActive { get; set; } = true;
    public string? Password { get; set; }
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("メールアドレスを入力してください。").EmailAddress().WithMessage("メールアドレスの形式が正しくありません。")
            .MaximumLength(ModelLengths.Of<AppUser>(u => u.Email)).WithMessage("メールアドレスは{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("氏名を入力してください。")
            .MaximumLength(ModelLengths.Of<AppUser>(u => u.DisplayName)).WithMessage("氏名は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Role).Must(r => Roles.All.Contains(r)).WithMessage("役割を選んでください。");
        RuleFor(x => x.OrgUnitId).NotNull().When(x => x.Role is Roles.DepartmentHead or Roles.DepartmentStaff).WithMessage("所属長・担当職員には所属を選んでください。");
        RuleFor(x => x.Password).NotEmpty().When(x => x.Id is null).WithMessage("初期パスワードを入力してください。");
    }
}

/// An administrator sets a new password for an account. The rules of a good password are Identity's (PasswordRules).
public sealed class ResetPasswordForm
{
    public string? NewPassword { get; set; }
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator() =>
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("新しいパスワードを入力してください。");
}
