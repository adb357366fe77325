using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

/// A grant of a role that reads what most staff must not (人事評価, the audit committee's view, the executives'),
/// asked by one administrator and in force only once a second administrator confirms it (or the operator's CLI on
/// the server grants it). Nobody asks or confirms a grant to themselves.
[DataArea(DataArea.None)]
public sealed class RoleGrant : IAudited
{
    public int Id { get; set; }
    [Display(Name = "アカウント")]
    public string UserId { get; set; } = "";
    [Display(Name = "ロール")]
    public string Role { get; set; } = "";
    [Display(Name = "申請した管理者")]
    public string RequestedById { get; set; } = "";
    [Display(Name = "申請した管理者の氏名")]
    public string RequestedByName { get; set; } = "";
    [Display(Name = "申請日時")]
    public DateTime RequestedAt { get; set; }
    [Display(Name = "承認した管理者")]
    public string? ConfirmedById { get; set; }
    [Display(Name = "承認した管理者の氏名")]
    public string? ConfirmedByName { get; set; }
    [Display(Name = "承認日時")]
    public DateTime? ConfirmedAt { get; set; }

    public AuditTarget AuditTarget => new(nameof(AppUser), UserId, Roles.Label(Role));

    /// The roles whose grant waits for a second administrator.
    public static readonly IReadOnlySet<string> Sensitive = new HashSet<string> { Roles.Personnel, Roles.Auditor, Roles.Executive };

    /// Why this administrator may not confirm the grant, or null.
    public string? RefusalToConfirm(string adminId) =>
        ConfirmedAt is not null ? "この付与はすでに確認されています。"
        : adminId == RequestedById ? "付与を求めた管理者とは別の管理者が確認します。"
        : adminId == UserId ? "自分への役割の付与は確認できません。"
        : null;
}
