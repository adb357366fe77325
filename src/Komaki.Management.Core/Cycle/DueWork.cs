using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Cycle;

/// One stage that is due (or overdue) for someone, with the divisions that still have work left.
public sealed record DueItem(int Year, CycleStage Stage, DateOnly DueOn, bool Overdue, int Missing, IReadOnlyList<(DivisionCycle Division, int Missing)> Units)
{
    public int DaysLeft(DateOnly today) => DueOn.DayNumber - today.DayNumber;
}

/// What a person has to do before a due date: their own division's unit stages, a head's head stages, planning's
/// and the executives' stages city-wide. Stages are looked at from half a year overdue to a month ahead.
public static class DueWork
{
    public const int LookBackDays = WorkWindow.LookBackDays;
    public const int LookAheadDays = WorkWindow.LookAheadDays;

    public static IEnumerable<int> YearsAround(int fiscalYear) => WorkWindow.YearsAround(fiscalYear);

    public static IReadOnlyList<DueItem> For(Actor actor, OrgTree org, IEnumerable<CycleSnapshot> snapshots)
    {
        var items = new List<DueItem>();
        foreach (var snap in snapshots)
        {
            foreach (var stage in CycleStages.All)
            {
                var due = snap.Deadlines[stage];
                if (due < snap.Today.AddDays(-LookBackDays) || due > snap.Today.AddDays(LookAheadDays)) continue;
                // A published year's missing actuals are planning's (CycleSnapshot.OwnerOf): the divisions cannot type them in.
                var units = snap.Divisions.Where(d => Concerns(actor, org, snap.OwnerOf(stage), d.UnitId))
                    .Select(d => (Division: d, d.Stages[stage].Progress.Missing)).Where(x => x.Missing > 0).ToList();
                if (units.Count == 0) continue;
                items.Add(new DueItem(snap.Year, stage, due, snap.Today > due, units.Sum(u => u.Missing), units));
            }
        }
        return items.OrderBy(i => i.DueOn).ThenBy(i => i.Stage).ToList();
    }

    private static bool Concerns(Actor actor, OrgTree org, StageOwner owner, int divisionId) => owner switch
    {
        StageOwner.Planning => actor.IsIn(Roles.Planning),
        StageOwner.Executive => actor.IsIn(Roles.Executive),
        StageOwner.UnitHead => actor.IsIn(Roles.DepartmentHead) && Related(actor, org, divisionId),
        _ => (actor.IsIn(Roles.DepartmentHead) || actor.IsIn(Roles.DepartmentStaff)) && Related(actor, org, divisionId),
    };

    // A 係 member works for their division; a 部長 answers for every division of the department.
    private static bool Related(Actor actor, OrgTree org, int divisionId) =>
        actor.UnitId is int unit && (org.IsSameOrUnder(unit, divisionId) || org.IsSameOrUnder(divisionId, unit));
}
