using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

/// Reads of the comprehensive plans' pages: the plans with their periods, one plan or period, and a redrawn period
/// against the one it was drawn from.
public sealed class PlanPages(AppDbContext db) : IUseCase
{
    public Task<List<ComprehensivePlan>> PlansAsync() =>
        db.ComprehensivePlans.AsNoTracking().Include(p => p.BasicPlans).OrderByDescending(p => p.StartYear).ToListAsync();

    /// One plan; tracked when a command is to change it.
    public Task<ComprehensivePlan?> PlanAsync(int id, bool tracking = false) =>
        (tracking ? db.ComprehensivePlans : db.ComprehensivePlans.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id);

    public Task<bool> PlanExistsAsync(int id) => db.ComprehensivePlans.AnyAsync(p => p.Id == id);

    /// One period (基本計画); tracked when a command is to change it.
    public Task<BasicPlan?> BasicPlanAsync(int id, bool tracking = false) =>
        (tracking ? db.BasicPlans : db.BasicPlans.AsNoTracking()).FirstOrDefaultAsync(b => b.Id == id);

    public static BasicPlanForm FormOf(BasicPlan b) =>
        new() { Id = b.Id, ComprehensivePlanId = b.ComprehensivePlanId, Name = b.Name, StartYear = b.StartYear, EndYear = b.EndYear, Version = b.Version };

    /// A redrawn period, the one it was drawn from and their elements compared (新規 / 修正 / 継続 / 廃止); null when the
    /// period is not a redrawing.
    public async Task<(BasicPlan Older, BasicPlan Newer, List<EditionElement> Elements)?> CompareAsync(int id)
    {
        var newer = await BasicPlanAsync(id);
        if (newer?.CopiedFromId is not int olderId) return null;
        var older = await db.BasicPlans.AsNoTracking().FirstAsync(b => b.Id == olderId);
        return (older, newer, await PlanEdition.CompareAsync(db, olderId, id));
    }
}
