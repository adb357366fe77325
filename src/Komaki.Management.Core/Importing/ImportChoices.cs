namespace Komaki.Management.Core.Importing;

/// What the user decided where a file left the import a choice, so nothing is picked silently: which sheet, which
/// of two columns, the unit of amounts when the sheet states none, what an unknown label means, and which unit of
/// the organisation an unknown 部課名 is. Kept with the staged file between preview and confirmation.
public sealed record ImportChoices
{
    public static readonly ImportChoices None = new();

    public string? Sheet { get; init; }

    /// Yen per unit of the sheet's amounts when it states no unit (1000 for 千円).
    public long? YenPerUnit { get; init; }

    /// ColumnConflict.ChoiceKey → the column read (1-based).
    public Dictionary<string, int> Columns { get; init; } = [];

    /// LabelBook.ChoiceKey(kind, label) → the value the label means.
    public Dictionary<string, int> Labels { get; init; } = [];

    /// The normalised 部課名 → the unit it names; UnitChoice.Create asks to register it as a new unit.
    public Dictionary<string, int> Units { get; init; } = [];

    public bool IsEmpty => Sheet is null && YenPerUnit is null && Columns.Count == 0 && Labels.Count == 0 && Units.Count == 0;
}

public static class UnitChoice
{
    /// Register the 部課名 as a new unit (the preview shows the 部 and 課 it will create).
    public const int Create = -1;
}

/// One run of an import: the file, where it goes (a fiscal year, or a mayoral term), and whether to write.
public sealed record ImportRequest(Stream File, string FileName, int Scope, bool Apply)
{
    /// The fingerprint of the preview the user confirmed; the import writes only if it still matches.
    public string? ExpectedFingerprint { get; init; }

    public ImportChoices Choices { get; init; } = ImportChoices.None;

    /// A department's own sheet: only rows of projects owned by these units may be written, each row checked on its
    /// own; null when planning imports for the whole city.
    public IReadOnlySet<int>? OwnUnits { get; init; }

    /// Who imports, as the record rules see them: each record a row changes is asked of its rule as the form would be.
    /// Null only for the operator's command line.
    public RuleAsker? Asker { get; init; }

    /// Who sends the file (for imports that record who entered what; set by ImportRuns).
    public string? UserName { get; init; }
}
