using Komaki.Management.Core.Auditing;
using Microsoft.AspNetCore.Identity;

namespace Komaki.Management.Core.Identity;

public sealed class AppUser : IdentityUser, IAudited
{
    public string DisplayName { get; set; } = "";
    public int? OrgUnitId { get; set; }
    public bool IsActive { get; set; } = true;

    public AuditTarget AuditTarget => new(nameof(AppUser), Id, UserName);
}
