namespace Komaki.Management.Core.Identity;

public sealed class AppUser : IdentityUser, IAudited
{
    public string DisplayName { get; set; } = "";
    public int? OrgUnitId { get; set; }
    public bool IsActive { get; set; } = true;

    /// Set when an administrator (or the operator's CLI) chose the password: the person must change it at first sign-in.
    public bool MustChangePassword { get; set; }

    public AuditTarget AuditTarget => new(nameof(AppUser), Id, UserName);
}
