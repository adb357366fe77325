using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Personnel;

/// The evaluator chain derived from the organisation on the reference date: a 課's staff are evaluated first by the
/// 課長級 of their 課 and second by the 部長級 of their 部; a 課長 first by the 部長 with no second evaluator; a 部長 by
/// whom the personnel division names. Where a post has no holder, or more than one (課長 and 担当課長), the evaluator
/// is left for the personnel division to name — never picked.
public static class EvaluatorChain
{
    public sealed record Post(int StaffMemberId, int UnitId, JobLevel Level);

    public static (int? First, int? Second) Derive(Post person, IReadOnlyList<Post> everyone, OrgTree org)
    {
        var division = DivisionOf(person.UnitId, org);
        var department = org.DepartmentOf(person.UnitId)?.Id;
        int? Holder(int? unit, JobLevel level)
        {
            if (unit is null) return null;
            var holders = everyone.Where(p => p.StaffMemberId != person.StaffMemberId && p.Level == level && p.UnitId == unit).Select(p => p.StaffMemberId).Distinct().ToList();
            return holders.Count == 1 ? holders[0] : null;
        }
        return person.Level switch
        {
            JobLevel.DepartmentChief => (null, null),
            JobLevel.DivisionChief => (Holder(department, JobLevel.DepartmentChief), null),
            _ => (Holder(division, JobLevel.DivisionChief), Holder(department, JobLevel.DepartmentChief)),
        };
    }

    /// The 課 a unit belongs to (itself, or the 課 above a 係).
    public static int? DivisionOf(int unitId, OrgTree org)
    {
        for (var u = org.Find(unitId); u is not null; u = org.Find(u.ParentId))
            if (u.Level == OrgUnitLevel.Division) return u.Id;
        return null;
    }

    /// The assignment in force on a day of the year: the latest that started on or before it.
    public static StaffAssignment? On(IEnumerable<StaffAssignment> assignments, int fiscalYear, DateOnly day) =>
        assignments.Where(a => a.FiscalYear == fiscalYear && a.StartsOn <= day).OrderByDescending(a => a.StartsOn).ThenByDescending(a => a.Id).FirstOrDefault();
}
