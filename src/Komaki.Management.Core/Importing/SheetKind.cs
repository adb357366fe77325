namespace Komaki.Management.Core.Importing;

/// What an import writes into: a fiscal year (and for the 実施計画, the edition starting that year) or a mayoral term.
public enum SheetScope
{
    FiscalYear,
    MayorTerm,
}

/// The sheets staff exchange in Excel, by the name used in URLs and by the CLI (`komaki import implementation-plan`).
public sealed record SheetKind(
    string Name, string Label,
    Func<ImportContext, ISheetImport>? Import,
    Func<AppDbContext, int, Stream, IReadOnlySet<int>?, Task<bool>>? Export,
    Func<int, string> FileName,
    SheetScope Scope = SheetScope.FiscalYear)
{
    public const string ImplementationPlan = "implementation-plan";
    public const string ExecutionPlan = "execution-plan";
    public const string Manifesto = "manifesto";
    public const string Survey = "survey";
    public const string Evaluations = "evaluations";
}
