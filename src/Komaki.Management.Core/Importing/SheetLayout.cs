using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.Importing;

/// What an import declares about its sheet; the pipeline does the rest. CodeKey names the field that identifies a
/// row (a row without it is not data); IdentityKeys are the fields whose text tells a 小計/合計 row.
public sealed record SheetLayout(string SheetName, IReadOnlyList<FieldSpec> Fields, string CodeKey, string CodeLabel)
{
    public IReadOnlySet<string> AmountKeys { get; init; } = new HashSet<string>();

    public IReadOnlyList<string> IdentityKeys { get; init; } = [];

    /// Whether the code column holds project codes, so that a row carrying a 政策・施策 code instead is the plan's own
    /// heading or total row, not a project.
    public bool CodesAreProjects { get; init; }

    /// Fields whose value merged across columns applies to each column it covers (a schedule mark over 7月〜12月).
    public IReadOnlySet<string> SpreadKeys { get; init; } = new HashSet<string>();

    /// A further check of a sheet whose headers were found (throws ExcelFileException when it does not fit).
    public Action<SheetGrid, HeaderMap>? Check { get; init; }

    /// Columns an import reads beyond its fields, found its own way (year blocks placed by position).
    public Func<SheetGrid, HeaderMap, ExtraColumns>? Extra { get; init; }

    /// The fields read from each row (reference fields are recognised but not read).
    public IEnumerable<FieldSpec> ReadFields => Fields.Where(f => !f.Reference);
}

/// Columns read beyond the declared fields: all of them, and which of them hold amounts.
public sealed record ExtraColumns(IReadOnlyCollection<int> Read, IReadOnlyCollection<int> Amounts);
