namespace Komaki.Management.Web.Infrastructure;

/// The city-wide progress of a fiscal year's cycle (the PDCA board, the calendar, 対応待ち), built once per day and
/// data change for everyone: it counts plan entries, budgets, progress, goals, indicators and evaluations.
public sealed class CycleSnapshots(AppDbContext db, OrgTreeProvider orgTree, ReadCache cache, CityClock clock)
{
    public async Task<CycleSnapshot> GetAsync(int year)
    {
        var today = clock.Today;
        var org = await orgTree.GetAsync();
        return await cache.GetAsync($"cycle:{year}:{today.DayNumber}", DataArea.All, () => CycleSnapshot.LoadAsync(db, org, year, today));
    }
}

/// A person's own work (対応待ち, the home page), kept per person and day until any data changes: it reads goals,
/// plan lines, budgets, indicators, evaluations and progress for their unit.
public sealed class WorkLists(AppDbContext db, OrgTreeProvider orgTree, ReadCache cache, CityClock clock)
{
    public async Task<IReadOnlyList<WorkItem>> GetAsync(Actor actor)
    {
        var (year, today) = (clock.FiscalYear, clock.Today);
        var org = await orgTree.GetAsync();
        var who = $"{actor.UserName}:{string.Join(',', actor.RoleNames.Order(StringComparer.Ordinal))}:{actor.UnitId}";
        return await cache.GetAsync($"work:{who}:{year}:{today.DayNumber}", DataArea.All, () => WorkList.LoadAsync(db, actor, org, year, today));
    }
}
