using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Organization;

public enum OrgUnitLevel
{
    [Display(Name = "部")]
    Department = 1,
    [Display(Name = "課")]
    Division = 2,
    [Display(Name = "係")]
    Section = 3,
}

/// 部/課/係. Units are reorganised between fiscal years, so each one carries the years it is valid for
/// instead of being deleted.
[DataArea(DataArea.Organization)]
public sealed class OrgUnit : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "コード")]
    public string Code { get; set; } = "";
    [Display(Name = "名称")]
    public string Name { get; set; } = "";
    [Display(Name = "区分")]
    public OrgUnitLevel Level { get; set; }
    [Display(Name = "上位組織")]
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    [Display(Name = "有効開始年度")]
    public int ValidFromYear { get; set; }
    [Display(Name = "有効終了年度")]
    public int? ValidToYear { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(OrgUnit), Id);

    public bool IsValidIn(int fiscalYear) =>
        ValidFromYear <= fiscalYear && (ValidToYear is null || ValidToYear >= fiscalYear);

    public static bool IsValidChildLevel(OrgUnitLevel parent, OrgUnitLevel child) => child == parent + 1;
}
