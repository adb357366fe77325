using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Budgets;

/// A project's budget of a year (予算・決算): every staff member reads it.
public sealed class BudgetLineHistory(AppDbContext db) : HistoryKind<BudgetLine>
{
    public override Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) => HistoryOpening.ByIdAsync(recordId,
        id => db.BudgetLines.Where(b => b.Id == id).Select(b => new { b.FiscalYear, b.ProjectId, b.Project!.Code, b.Project.Name }).FirstOrDefaultAsync(),
        b => HistoryOpening.Read($"{b.Code} {b.Name} {Wareki.FiscalYear(b.FiscalYear)}予算", new("Budgets", "Edit", new { year = b.FiscalYear, projectId = b.ProjectId })));
}
