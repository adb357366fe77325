namespace Komaki.Management.Web.Features.Manifesto;

public sealed record MatrixColumn(int PolicyId, string Code, string Name);

/// Measures and Projects: "code name", as staff read them in the cell.
public sealed record MatrixCell(bool Policy, IReadOnlyList<string> Measures, IReadOnlyList<string> Projects)
{
    public bool Any => Policy || Measures.Count > 0 || Projects.Count > 0;
}

public sealed record MatrixRow(ManifestoItem Item, ItemCoverage Coverage, IReadOnlyDictionary<int, MatrixCell> Cells, ManifestoStatus? Status);

public sealed record ManifestoIndexModel(
    IReadOnlyList<MayorTerm> Terms, MayorTerm? Term, IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRow> Rows,
    IReadOnlyDictionary<Coverage, int> CoverageCounts, IReadOnlyDictionary<ManifestoStatus, int> StatusCounts, int Year,
    Coverage? Filter, string? Area, IReadOnlyList<string> Areas, bool CanEdit, string? EditionName,
    IReadOnlyDictionary<int, Landing>? Landings = null, string? PreviousEditionName = null);

public sealed class TermForm
{
    public int Version { get; set; }
    public string? Title { get; set; }
    public string? MayorName { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
}

public sealed class ItemForm
{
    public int Version { get; set; }
    public int MayorTermId { get; set; }
    public string? Number { get; set; }
    public string? Area { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? NumericTarget { get; set; }
}

public sealed record ItemFormModel(int? Id, MayorTerm Term, ItemForm Form);

public sealed record LinkedElement(int LinkId, PlanLevel Level, int ElementId, string Code, string Name, bool Retired);

public sealed record EvidenceIndicator(int Id, string Owner, string Name, string Unit, int? Year, decimal? Target, decimal? Actual, IndicatorJudgment? Judgment);

public sealed record ItemDetailsModel(
    ManifestoItem Item, ItemCoverage Coverage, IReadOnlyList<LinkedElement> Links, IReadOnlyList<(int Id, string Code, string Name, bool Funded)> Projects,
    IReadOnlyList<EvidenceIndicator> Indicators, IReadOnlyList<ManifestoProgress> Progress, bool CanEdit, int Year);
