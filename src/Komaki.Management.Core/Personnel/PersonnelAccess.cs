namespace Komaki.Management.Core.Personnel;

/// How the reader stands to one evaluation: the person, their evaluators for that year, the personnel division.
[Flags]
public enum PersonnelRelation
{
    None = 0,
    Self = 1,
    FirstEvaluator = 2,
    SecondEvaluator = 4,
    Division = 8,
}

/// Who may read a 人事評価 and how much of it: the person, the evaluators named on it and the personnel division
/// (人事担当) — nobody else, whatever their role: not planning, not the mayor, not an administrator, not another unit's
/// head, not a colleague. The person sees the evaluators' grades once disclosed (the details only when the year's
/// design discloses them).
public static class PersonnelAccess
{
    public static PersonnelRelation RelationOf(Actor actor, IReadOnlySet<int> myStaffIds, PersonnelEvaluation e)
    {
        var r = PersonnelRelation.None;
        if (myStaffIds.Contains(e.StaffMemberId)) r |= PersonnelRelation.Self;
        if (e.FirstEvaluatorId is int f && myStaffIds.Contains(f)) r |= PersonnelRelation.FirstEvaluator;
        if (e.SecondEvaluatorId is int s && myStaffIds.Contains(s)) r |= PersonnelRelation.SecondEvaluator;
        if (actor.IsIn(Roles.Personnel)) r |= PersonnelRelation.Division;
        return r;
    }

    public static bool CanRead(PersonnelRelation r) => r != PersonnelRelation.None;

    public static bool IsEvaluatorOrDivision(PersonnelRelation r) =>
        (r & (PersonnelRelation.FirstEvaluator | PersonnelRelation.SecondEvaluator | PersonnelRelation.Division)) != 0;

    /// The evaluators' grade and comment per criterion and goal.
    public static bool SeesEvaluatorMarks(PersonnelRelation r, PersonnelEvaluation e, PersonnelDesign design) =>
        IsEvaluatorOrDivision(r) || r.HasFlag(PersonnelRelation.Self) && e.State >= PersonnelState.Disclosed && design.DiscloseDetails;

    /// The final grades after 調整: the division always, the evaluators once confirmed, the person once disclosed.
    public static bool SeesFinal(PersonnelRelation r, PersonnelEvaluation e) =>
        r.HasFlag(PersonnelRelation.Division)
        || IsEvaluatorOrDivision(r) && e.State >= PersonnelState.Confirmed
        || r.HasFlag(PersonnelRelation.Self) && e.State >= PersonnelState.Disclosed;
}
