using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Implementation;

/// An edition of the 実施計画 and its lines (filed under the edition): every staff member reads it.
public sealed class ImplementationPlanHistory(AppDbContext db) : HistoryKind<ImplementationPlan>(typeof(ImplementationPlanLine))
{
    public override Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) => HistoryOpening.ByIdAsync(recordId,
        id => db.ImplementationPlans.Where(p => p.Id == id).Select(p => new { p.Title, p.FiscalYear }).FirstOrDefaultAsync(),
        p => HistoryOpening.Read(p.Title, new("ImplementationPlans", "Details", new { year = p.FiscalYear })));
}
