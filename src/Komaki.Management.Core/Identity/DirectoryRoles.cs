using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

/// One line of the mapping the city's administrator edits: members of a directory group (Active Directory, or a group
/// or app role sent by the OpenID provider) hold an app role. Roles are recomputed from it at every external sign-in.
[DataArea(DataArea.None)]
public sealed class DirectoryRoleMapping : IAudited
{
    public int Id { get; set; }
    /// The group as the administrator typed it (KM-Staff, KOMAKI\KM-Staff, CN=KM-Staff,OU=…).
    [Display(Name = "ディレクトリのグループ")]
    public string Group { get; set; } = "";
    /// What sign-in compares: the group's own name, upper case, without domain or DN around it.
    [Display(Name = "照合に使うグループ名")]
    public string Key { get; set; } = "";
    [Display(Name = "ロール")]
    public string Role { get; set; } = "";

    public const int GroupMaxLength = 256;

    public AuditTarget AuditTarget => new(nameof(DirectoryRoleMapping), Id, Group);
}

/// Groups to roles. Roles the directory cannot know (外部評価委員, 監査委員) are local grants: no mapping gives them and
/// a sign-in never takes them away.
public static class DirectoryRoles
{
    public static readonly IReadOnlySet<string> LocalOnly = new HashSet<string> { Roles.ExternalReviewer, Roles.Auditor };

    public static IEnumerable<string> Mappable => Roles.All.Where(r => !LocalOnly.Contains(r));

    /// KOMAKI\KM-Staff, KM-Staff@komaki.test, CN=KM-Staff,CN=Users,DC=komaki,DC=test, /庁内/KM-Staff and km-staff are one group.
    public static string KeyOf(string? group)
    {
        var g = (group ?? "").Trim();
        if (g.StartsWith("CN=", StringComparison.OrdinalIgnoreCase))
        {
            var end = g.IndexOf(',', StringComparison.Ordinal);
            g = end < 0 ? g[3..] : g[3..end];
        }
        var slash = g.LastIndexOf('\\');
        if (slash >= 0) g = g[(slash + 1)..];
        // Keycloak sends a group as its path (/庁内/KM-Staff).
        var path = g.LastIndexOf('/');
        if (path >= 0) g = g[(path + 1)..];
        var at = g.IndexOf('@', StringComparison.Ordinal);
        if (at > 0) g = g[..at];
        return g.Trim().ToUpperInvariant();
    }

    /// The roles the groups give, local-only roles never among them.
    public static IReadOnlySet<string> Of(IEnumerable<string> groups, IEnumerable<DirectoryRoleMapping> mappings)
    {
        var keys = groups.Select(KeyOf).ToHashSet(StringComparer.Ordinal);
        return mappings.Where(m => keys.Contains(m.Key) && !LocalOnly.Contains(m.Role)).Select(m => m.Role).ToHashSet(StringComparer.Ordinal);
    }

    /// The roles a person holds after a sign-in: what the groups give, plus the local grants they already had.
    public static IReadOnlySet<string> After(IEnumerable<string> current, IReadOnlySet<string> fromGroups) =>
        fromGroups.Concat(current.Where(LocalOnly.Contains)).ToHashSet(StringComparer.Ordinal);
}
