using Komaki.Management.Core.Identity;

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
/// Separation of duties: on the reader's own evaluation only the person's relation counts — a personnel officer or an
/// evaluator who is the person takes no division or evaluator step on it and sees nothing the person may not see yet;
/// another personnel officer does those steps.
public static class PersonnelAccess
{
    public static PersonnelRelation RelationOf(Actor actor, IReadOnlySet<int> myStaffIds, PersonnelEvaluation e)
    {
        if (myStaffIds.Contains(e.StaffMemberId)) return PersonnelRelation.Self;
        var r = PersonnelRelation.None;
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

    /// Whether the reader is the person of the evaluation: lists and files of the personnel division leave such rows
    /// out or wait for another officer.
    public static bool IsOwn(IReadOnlySet<int> myStaffIds, PersonnelEvaluation e) => myStaffIds.Contains(e.StaffMemberId);
}
