using Komaki.Management.Core.Importing;

namespace Komaki.Management.Web.Features.Imports;

public sealed record UploadModel(SheetKind Kind, int Year, long MaxBytes, string? Error, IReadOnlyList<(int Value, string Text)> Scopes)
{
    /// Set for a department's own sheet: the unit whose rows it may hold.
    public string? UnitName { get; init; }

    /// The latest confirmed imports of this sheet: all of them for planning, the person's own for a department.
    public IReadOnlyList<(ImportLog Log, string Unit, string Person)> Log { get; init; } = [];
}

public sealed record PreviewModel(
    SheetKind Kind, int Year, string ScopeText, ImportReport Report, string? Token, string? Message, IReadOnlyList<(int Id, string Name)> Units);
