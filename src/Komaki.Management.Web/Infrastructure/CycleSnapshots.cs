namespace Komaki.Management.Web.Infrastructure;

/// The city-wide progress of a fiscal year's cycle (the PDCA board, the calendar, 対応待ち), built once per day and
/// data change for everyone: it counts plan entries, budgets, progress, goals, indicators and evaluations.
public sealed class CycleSnapshots(AppDbContext db, OrgTreeProvider orgTree, ReadCache cache, CityClock clock)
{
    /// What a snapshot counts: every stage of the cycle, over the organisation, and whether the year's actuals are
    /// published (then what is missing of them is planning's). Not the citizens' voice or the settings.
    public static readonly IReadOnlyList<string> Areas =
        [DataArea.Plan, DataArea.Indicators, DataArea.Do, DataArea.Check, DataArea.Goals, DataArea.Cycle, DataArea.Organization, DataArea.Publishing];

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

/// A person's own work (対応待ち, the home page), kept per person and day until any data changes: it reads goals,
/// plan lines, budgets, indicators, evaluations and progress for their unit.
public sealed class WorkLists(AppDbContext db, OrgTreeProvider orgTree, ReadCache cache, CityClock clock)
{
    public async Task<IReadOnlyList<WorkItem>> GetAsync(Actor actor)
    {
        var (year, today) = (clock.FiscalYear, clock.Today);
        var org = await orgTree.GetAsync();
        var who = $"{actor.UserName}:{string.Join(',', actor.RoleNames.Order(StringComparer.Ordinal))}:{actor.UnitId}";
        return await cache.GetAsync($"work:{who}:{year}:{today.DayNumber}", WorkList.AreasFor(actor), () => WorkList.LoadAsync(db, actor, org, year, today));
    }
}
