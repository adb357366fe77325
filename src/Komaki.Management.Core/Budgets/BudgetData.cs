using Komaki.Management.Core.Data;
using Komaki.Management.Core.Implementation;

namespace Komaki.Management.Core.Budgets;

public sealed record BudgetRow(
    int ProjectId, string Code, string Name, int OwnerUnitId, int MeasureId, string MeasureCode, string MeasureName,
    int PolicyId, string PolicyCode, string PolicyName, BudgetFigures Figures, bool HasLine);

/// The year's projects with their plan cost (from the edition that plans the year) and budget figures.
public static class BudgetData
{
    /// What the budget pages read: projects and measures, budget lines and the implementation plan's lines.
    public static readonly IReadOnlyList<string> Areas = [DataArea.Plan, DataArea.Do];

    /// The edition whose figures are "the plan" for a year: the one starting that year, else the latest earlier one covering it.
    public static async Task<ImplementationPlan?> PlanEditionForAsync(AppDbContext db, int year) =>
        await db.ImplementationPlans.AsNoTracking()
            .Where(p => p.FiscalYear <= year && p.FiscalYear + ImplementationPlan.YearsCovered - 1 >= year)
            .OrderByDescending(p => p.FiscalYear).FirstOrDefaultAsync();

    public static async Task<List<BudgetRow>> LoadAsync(AppDbContext db, int year, int? editionId)
    {
        var budgets = await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == year).ToDictionaryAsync(b => b.ProjectId);
        var plan = editionId is int e
            ? await db.ImplementationPlanLines.AsNoTracking().Where(l => l.ImplementationPlanId == e && l.FiscalYear == year)
                .ToDictionaryAsync(l => l.ProjectId, l => l.Cost)
            : new Dictionary<int, long>();
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.RetiredAt == null && p.StartYear <= year && (p.EndYear == null || p.EndYear >= year)
                || db.BudgetLines.Any(b => b.ProjectId == p.Id && b.FiscalYear == year)
                || editionId != null && db.ImplementationPlanLines.Any(l => l.ImplementationPlanId == editionId && l.ProjectId == p.Id && l.FiscalYear == year))
            .Select(p => new
            {
                p.Id, p.Code, p.Name, p.OwnerUnitId, p.MeasureId, MeasureCode = p.Measure!.Code, MeasureName = p.Measure.Name,
                p.Measure.PolicyId, PolicyCode = p.Measure.Policy!.Code, PolicyName = p.Measure.Policy.Name,
            })
            .ToListAsync();
        return projects.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p =>
        {
            budgets.TryGetValue(p.Id, out var b);
            long? planCost = plan.TryGetValue(p.Id, out var c) ? c : null;
            var figures = new BudgetFigures(planCost, b?.Requested, b?.Assessed, b?.Initial, b?.Supplementary, b?.Settled);
            return new BudgetRow(p.Id, p.Code, p.Name, p.OwnerUnitId, p.MeasureId, p.MeasureCode, p.MeasureName,
                p.PolicyId, p.PolicyCode, p.PolicyName, figures, b is not null);
        }).ToList();
    }
}
