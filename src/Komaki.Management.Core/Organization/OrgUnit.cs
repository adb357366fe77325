using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Organization;

public enum OrgUnitLevel
{
    Department = 1,
    Division = 2,
    Section = 3,
}

/// 部/課/係. Units are reorganised between fiscal years, so each one carries the years it is valid for
/// instead of being deleted.
public sealed class OrgUnit : IVersioned, IAudited
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public OrgUnitLevel Level { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    public int ValidFromYear { get; set; }
    public int? ValidToYear { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(OrgUnit), Id);

    public bool IsValidIn(int fiscalYear) =>
        ValidFromYear <= fiscalYear && (ValidToYear is null || ValidToYear >= fiscalYear);

    public static string LevelLabel(OrgUnitLevel level) => level switch
    {
        OrgUnitLevel.Department => "部",
        OrgUnitLevel.Division => "課",
        OrgUnitLevel.Section => "係",
        _ => level.ToString(),
    };

    public static bool IsValidChildLevel(OrgUnitLevel parent, OrgUnitLevel child) => child == parent + 1;
}
