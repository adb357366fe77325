using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Importing;

/// One confirmed import: which sheet, into which year or term, from which file, by whom — and for a department's own
/// sheet, for which unit — with what it did. Planning reads what each unit sent and when.
[DataArea(DataArea.Settings)]
public sealed class ImportLog
{
    public int Id { get; set; }
    public string Kind { get; set; } = "";
    public int Scope { get; set; }
    public string FileName { get; set; } = "";
    public string UserName { get; set; } = "";
    /// The department whose own sheet it was; null for planning's city-wide import.
    public int? UnitId { get; set; }
    public DateTime At { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
}
