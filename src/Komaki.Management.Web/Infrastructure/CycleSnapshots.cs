using Komaki.Management.Core.Common;
using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Web.Infrastructure;

/// The city-wide progress of a fiscal year's cycle (the PDCA board, the calendar, 対応待ち), built once per day and
/// data change for everyone: it counts plan entries, budgets, progress, goals, indicators and evaluations.
public sealed class CycleSnapshots(AppDbContext db, OrgTreeProvider orgTree, ReadCache cache, CityClock clock) : ICycleSnapshots
{
    /// What a snapshot counts (CycleSnapshotAreas).
    public static readonly IReadOnlyList<string> Areas = CycleSnapshotAreas.All;

    /// The indicator actuals are kept apart: values saved all through the busy season rebuild only them (and whether
    /// their year is published, which decides whose the missing ones are).
    private static readonly IReadOnlyList<string> CountAreas = Areas.Where(a => a != DataArea.Indicators && a != DataArea.Publishing).ToList();
    private static readonly IReadOnlyList<string> ActualAreas = [DataArea.Indicators, DataArea.Plan, DataArea.Organization, DataArea.Publishing];

    public async Task<CycleSnapshot> GetAsync(int year)
    {
        var org = await orgTree.GetAsync();
        var today = clock.Today;
        return await cache.GetAsync($"cycle:{year}:{today.DayNumber}", Areas, async () => CycleSnapshot.Compose(
            await cache.GetAsync($"cycle-counts:{year}", CountAreas, () => CycleSnapshot.CountsAsync(db, org, year)),
            await cache.GetAsync($"cycle-actuals:{year}", ActualAreas, () => CycleSnapshot.ActualsAsync(db, org, year)),
            today));
    }
}
