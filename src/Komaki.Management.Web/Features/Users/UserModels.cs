namespace Komaki.Management.Web.Features.Users;

public sealed class UserForm
{
    public string? Id { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.DepartmentStaff;
    public int? OrgUnitId { get; set; }
    public bool IsActive { get; set; } = true;
    public string? Password { get; set; }
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("メールアドレスを入力してください。").EmailAddress().WithMessage("メールアドレスの形式が正しくありません。");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("氏名を入力してください。").MaximumLength(100).WithMessage("氏名は100文字以内で入力してください。");
        RuleFor(x => x.Role).Must(r => Roles.All.Contains(r)).WithMessage("役割を選んでください。");
        RuleFor(x => x.OrgUnitId).NotNull().When(x => x.Role is Roles.DepartmentHead or Roles.DepartmentStaff).WithMessage("所属長・担当職員には所属を選んでください。");
        RuleFor(x => x.Password).NotEmpty().When(x => x.Id is null).WithMessage("初期パスワードを入力してください。");
    }
}

public sealed record UserRow(AppUser User, string Role);

public sealed record UserIndexModel(string? Q, Paged<UserRow> Users, Core.Organization.OrgTree Org, IReadOnlyList<PendingGrant> Pending);

/// A sensitive role waiting for a second administrator, and why the reader may not confirm it (null when they may).
public sealed record PendingGrant(RoleGrant Grant, string Person, string? Refusal);

/// TwoFactorOn: the account's 2段階認証 is set (an administrator may turn it off for a lost phone).
public sealed record UserFormModel(UserForm Form, Core.Organization.OrgTree Org, bool TwoFactorOn = false, StaffLink? Staff = null);

/// The staff register's person behind the account, for the link to 退職日.
public sealed record StaffLink(int Id, string StaffNumber, DateOnly? LeftOn);
