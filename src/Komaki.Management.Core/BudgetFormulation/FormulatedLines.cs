using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.BudgetFormulation;

/// Which budget lines take 要求額 and 査定額 from 予算編成: every line of a year whose 予算編成方針 is set — a line
/// without a request too, or money typed into the budget table would have no stage, no 査定 and no 査定調書 row — and,
/// in a year before 予算編成 was used, a project's line once its request was submitted (submitting and committing the
/// stages write them into BudgetLine).
public sealed class FormulatedLines(AppDbContext db) : IUseCase
{
    public async Task<bool> StagesFromFormulationAsync(int year, int projectId) =>
        await db.BudgetRounds.AnyAsync(r => r.FiscalYear == year)
        || await db.BudgetRequests.AnyAsync(r => r.FiscalYear == year && r.ProjectId == projectId && r.SubmittedAt != null);
}
