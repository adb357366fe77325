namespace Komaki.Management.Core.Importing;

/// Writing a sheet kind's export for a reader: the rows of the given units (all when null). The evaluation sheets are
/// each a person's to read, so that export is filtered by the reader's rights instead of by units.
public sealed class SheetExports(AppDbContext db) : IUseCase
{
    public Task<bool> WriteAsync(SheetKind kind, int year, Stream output, IReadOnlySet<int>? units, Func<ProjectEvaluation, bool> canReadEvaluation) =>
        kind.Name == SheetKind.Evaluations ? EvaluationExport.WriteAsync(db, year, output, canReadEvaluation) : kind.Export!(db, year, output, units);
}
