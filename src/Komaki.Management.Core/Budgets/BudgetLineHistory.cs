using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Budgets;

/// A project's budget of a year (予算・決算): every staff member reads it — but while its 要求額 and 査定額 are undecided
/// in 予算編成, only those who read the request (UndecidedBudgets), as the table shows them.
public sealed class BudgetLineHistory(AppDbContext db) : HistoryKind<BudgetLine>
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        var found = HistoryOpening.IdOf(recordId) is int id
            ? await db.BudgetLines.Where(b => b.Id == id).Select(b => new { b.FiscalYear, b.ProjectId, b.Project!.Code, b.Project.Name, b.Project.OwnerUnitId }).FirstOrDefaultAsync()
            : null;
        if (found is null) return HistoryOpening.Read(recordId);
        var actor = new Actor(reader.UserName, reader.Roles, reader.UnitId);
        if ((await UndecidedBudgets.LoadAsync(db, [found.FiscalYear])).Hides(actor, found.FiscalYear, found.OwnerUnitId, reader.Org)) return HistoryOpening.Refused;
        return HistoryOpening.Read($"{found.Code} {found.Name} {Wareki.FiscalYear(found.FiscalYear)}予算", new("Budgets", "Edit", new { year = found.FiscalYear, projectId = found.ProjectId }));
    }
}
