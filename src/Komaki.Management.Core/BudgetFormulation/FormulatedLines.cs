using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.BudgetFormulation;

/// Which budget lines take 要求額 and 査定額 from 予算編成: a project's line of a year once its request has been
/// submitted (submitting and committing the stages write them into BudgetLine).
public sealed class FormulatedLines(AppDbContext db) : IUseCase
{
    public Task<bool> StagesFromFormulationAsync(int year, int projectId) =>
        db.BudgetRequests.AnyAsync(r => r.FiscalYear == year && r.ProjectId == projectId && r.SubmittedAt != null);
}
