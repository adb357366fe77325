using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

// What the account inherits from Identity, named for its history.
[FieldLabel(nameof(Email), "メールアドレス"), FieldLabel(nameof(UserName), "ユーザー名"), FieldLabel(nameof(LockoutEnd), "ロック解除日時")]
[FieldLabel(nameof(EmailConfirmed), "メール確認済み"), FieldLabel(nameof(LockoutEnabled), "ロック有効"), FieldLabel(nameof(PhoneNumber), "電話番号")]
[FieldLabel(nameof(PhoneNumberConfirmed), "電話番号確認済み"), FieldLabel(nameof(TwoFactorEnabled), "2段階認証")]
[DataArea(DataArea.Organization)]
public sealed class AppUser : IdentityUser, IAudited
{
    [Display(Name = "氏名")]
    public string DisplayName { get; set; } = "";
    [Display(Name = "所属")]
    public int? OrgUnitId { get; set; }
    [Display(Name = "利用可")]
    public bool IsActive { get; set; } = true;

    /// Set when an administrator (or the operator's CLI) chose the password: the person must change it at first sign-in.
    [Display(Name = "次回サインイン時にパスワード変更")]
    public bool MustChangePassword { get; set; }

    public AuditTarget AuditTarget => new(nameof(AppUser), Id, UserName);
}
