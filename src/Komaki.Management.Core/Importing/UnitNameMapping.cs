using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Importing;

/// A 部課名 as another system writes it (市民生活部市民環境課) and the unit of this city's organisation it names,
/// decided once by the user in an import's preview and used by every later import.
[DataArea(DataArea.Settings)]
public sealed class UnitNameMapping : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "部課名")]
    public string Name { get; set; } = "";
    [Display(Name = "照合に使う部課名")]
    public string Key { get; set; } = "";
    [Display(Name = "所属")]
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(UnitNameMapping), Id);

    public static string KeyOf(string? name) => TextNormal.ForMatch(name);
}
