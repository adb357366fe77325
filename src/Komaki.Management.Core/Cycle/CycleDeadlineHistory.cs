using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Cycle;

/// The due dates of the year's stages: every staff member reads the calendar.
public sealed class CycleDeadlineHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(CycleDeadline)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(CycleDeadline)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        HistoryOpening.IdOf(recordId) is int id && await db.CycleDeadlines.Where(d => d.Id == id).Select(d => new { d.FiscalYear, d.Stage }).FirstOrDefaultAsync() is { } d
            ? HistoryOpening.Read($"{Wareki.FiscalYear(d.FiscalYear)} {d.Stage.Label()}の期限", new("Cycle", "Calendar", new { year = d.FiscalYear }))
            : HistoryOpening.Read(recordId);
}
