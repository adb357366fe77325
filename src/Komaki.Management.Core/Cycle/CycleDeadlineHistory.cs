using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Cycle;

/// The due dates of the year's stages: every staff member reads the calendar.
public sealed class CycleDeadlineHistory(AppDbContext db) : HistoryKind<CycleDeadline>
{
    public override Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) => HistoryOpening.ByIdAsync(recordId,
        id => db.CycleDeadlines.Where(d => d.Id == id).Select(d => new { d.FiscalYear, d.Stage }).FirstOrDefaultAsync(),
        d => HistoryOpening.Read($"{Wareki.FiscalYear(d.FiscalYear)} {d.Stage.Label()}の期限", new("Cycle", "Calendar", new { year = d.FiscalYear })));
}
