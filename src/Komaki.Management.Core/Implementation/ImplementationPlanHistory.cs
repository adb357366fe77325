using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Implementation;

/// An edition of the 実施計画 and its lines (filed under the edition): every staff member reads it.
public sealed class ImplementationPlanHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(ImplementationPlan)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(ImplementationPlan), typeof(ImplementationPlanLine)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        HistoryOpening.IdOf(recordId) is int id && await db.ImplementationPlans.Where(p => p.Id == id).Select(p => new { p.Title, p.FiscalYear }).FirstOrDefaultAsync() is { } p
            ? HistoryOpening.Read(p.Title, new("ImplementationPlans", "Details", new { year = p.FiscalYear }))
            : HistoryOpening.Read(recordId);
}
