using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Goals;

/// The order of the goal workflow and who may take each step:
/// draft → submitted (unit head) → agreed at the top hearing (executives, planning; or changes requested)
/// → mid-year review (unit head) → year-end self-assessment (unit head) → confirmed (planning). Nobody agrees to or
/// confirms the goals of their own unit, nor a goal whose content they wrote.
/// Each method returns null when the step is allowed, or the reason in Japanese.
public static class GoalWorkflow
{
    /// Who sets a unit's goals: planning for every unit, a unit head for their own.
    public static bool CanCreateFor(Actor actor, int unitId, OrgTree tree) => actor.IsPlanMasterEditor || IsUnitHead(actor, unitId, tree);

    /// The units valid in the year whose goals the person may set, in the tree's order.
    public static IEnumerable<int> CreatableUnits(Actor actor, OrgTree tree, int year) =>
        tree.Flatten(u => u.IsValidIn(year)).Select(x => x.Unit.Id).Where(id => CanCreateFor(actor, id, tree));

    public static bool IsUnitHead(Actor actor, int unitId, OrgTree tree) =>
        actor.IsIn(Roles.DepartmentHead) && actor.UnitId is int mine && tree.IsSameOrUnder(unitId, mine);

    public static bool IsTop(Actor actor) => actor.IsIn(Roles.Executive) || actor.IsPlanMasterEditor;

    /// Reading a unit's goals: every staff member (goals are how the organisation explains itself).
    public static bool CanRead(Actor actor) => !actor.IsIn(Roles.ExternalReviewer) || actor.IsIn(Roles.Administrator);

    /// A goal still being drafted (or sent back for changes) is its unit's and the top's: other units read it once
    /// it has been submitted. The same rule wherever the goal shows — lists, the unit sheet, the hearing list, the
    /// measure and project pages, history.
    public static bool CanRead(Actor actor, GoalState state, int unitId, OrgTree tree) =>
        CanRead(actor) && (state is not (GoalState.Draft or GoalState.ChangesRequested) || IsTop(actor)
            || actor.UnitId is int mine && (actor.IsIn(Roles.DepartmentHead) || actor.IsIn(Roles.DepartmentStaff)) && tree.IsSameOrUnder(unitId, mine));

    public static bool CanRead(Actor actor, OrganizationalGoal goal, OrgTree tree) => CanRead(actor, goal.State, goal.OrgUnitId, tree);

    public static bool CanEditContent(Actor actor, OrganizationalGoal goal, OrgTree tree) =>
        (IsUnitHead(actor, goal.OrgUnitId, tree) || actor.IsPlanMasterEditor)
        && goal.State is GoalState.Draft or GoalState.ChangesRequested;

    public static bool CanComment(Actor actor, OrganizationalGoal goal, OrgTree tree) =>
        IsTop(actor) || IsUnitHead(actor, goal.OrgUnitId, tree);

    /// What the actor can do next with the goal, for the buttons and the "waiting for me" list.
    public static IReadOnlyList<GoalAction> NextActions(Actor actor, OrganizationalGoal goal, OrgTree tree) =>
        new[] { GoalAction.Submitted, GoalAction.ChangesRequested, GoalAction.Agreed, GoalAction.MidYearReviewed, GoalAction.SelfAssessed, GoalAction.Confirmed }
            .Where(a => Check(actor, goal, a, tree) is null).ToList();

    public static string? Check(Actor actor, OrganizationalGoal goal, GoalAction action, OrgTree tree)
    {
        var head = IsUnitHead(actor, goal.OrgUnitId, tree);
        return action switch
        {
            GoalAction.Submitted => !head ? "提出できるのは、その所属の所属長だけです。"
                : goal.State is not (GoalState.Draft or GoalState.ChangesRequested) ? $"この目標は「{goal.State.Label()}」のため提出できません。"
                : goal.Indicators.Count == 0 ? "指標（目標値）を1つ以上設定してから提出してください。"
                : null,
            GoalAction.ChangesRequested or GoalAction.Agreed => !IsTop(actor) ? "ヒアリングでの合意・修正依頼は、市長・副市長と企画担当が行います。"
                : SeparationOfDuties.IsAboutOwnUnit(actor, goal.OrgUnitId, tree) ? "自分の所属の目標には、合意・修正依頼はできません。市長・副市長か所属の外の企画担当が行います。"
                : goal.State != GoalState.Submitted ? $"この目標は「{goal.State.Label()}」です。合意・修正依頼は提出後に行えます。"
                : action == GoalAction.Agreed && goal.WrittenBy(actor.UserName) ? "自分が作成・変更した目標には合意できません。内容を書いていない市長・副市長か企画担当が合意します。"
                : null,
            GoalAction.MidYearReviewed => !head ? "中間確認を入力できるのは、その所属の所属長だけです。"
                : goal.State != GoalState.Agreed ? $"この目標は「{goal.State.Label()}」です。中間確認はヒアリングで合意した後に行えます。"
                : null,
            GoalAction.SelfAssessed => !head ? "自己評価を入力できるのは、その所属の所属長だけです。"
                : goal.State != GoalState.MidYearReviewed ? $"この目標は「{goal.State.Label()}」です。年度末の自己評価は、ヒアリングでの合意と中間確認の後に行えます。"
                : null,
            GoalAction.Confirmed => !actor.IsPlanMasterEditor ? "確定できるのは企画担当だけです。"
                : SeparationOfDuties.IsAboutOwnUnit(actor, goal.OrgUnitId, tree) ? "自分の所属の目標は確定できません。所属の外の企画担当が確定します。"
                : goal.State != GoalState.SelfAssessed ? $"この目標は「{goal.State.Label()}」です。確定は自己評価の後に行えます。"
                : goal.WrittenBy(actor.UserName) ? "自分が作成・変更した目標は確定できません。内容を書いていない企画担当が確定します。"
                : null,
            _ => "この操作はできません。",
        };
    }

    public static GoalState StateAfter(GoalAction action) => action switch
    {
        GoalAction.Submitted => GoalState.Submitted,
        GoalAction.ChangesRequested => GoalState.ChangesRequested,
        GoalAction.Agreed => GoalState.Agreed,
        GoalAction.MidYearReviewed => GoalState.MidYearReviewed,
        GoalAction.SelfAssessed => GoalState.SelfAssessed,
        GoalAction.Confirmed => GoalState.Confirmed,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
