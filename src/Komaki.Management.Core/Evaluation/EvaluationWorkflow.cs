using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Evaluation;

public enum EvaluationStep
{
    FirstReview = 1,
    SecondReview = 2,
    Publish = 3,
    Return = 4,
}

/// Who may do what with a project evaluation, and in which order: the unit (staff or head) drafts; the unit head
/// gives the first review; planning gives the second review (never of its own unit's project) (and may change the direction, with a reason) or
/// returns it; planning publishes. Each check returns null when allowed, else the reason in Japanese.
public static class EvaluationWorkflow
{
    public static bool IsUnit(Actor actor, int unitId, OrgTree tree) =>
        actor.UnitId is int mine && (actor.IsIn(Roles.DepartmentHead) || actor.IsIn(Roles.DepartmentStaff)) && tree.IsSameOrUnder(unitId, mine);

    public static bool IsUnitHead(Actor actor, int unitId, OrgTree tree) =>
        actor.IsIn(Roles.DepartmentHead) && actor.UnitId is int mine && tree.IsSameOrUnder(unitId, mine);

    public static bool CanEdit(Actor actor, ProjectEvaluation e, OrgTree tree) =>
        e.State == EvaluationState.Draft && (IsUnit(actor, e.OwnerUnitId, tree) || actor.IsPlanMasterEditor);

    public static IReadOnlyList<EvaluationStep> NextSteps(Actor actor, ProjectEvaluation e, OrgTree tree) =>
        Enum.GetValues<EvaluationStep>().Where(s => Check(actor, e, s, tree) is null).ToList();

    public static string? Check(Actor actor, ProjectEvaluation e, EvaluationStep step, OrgTree tree) => step switch
    {
        EvaluationStep.FirstReview => !IsUnitHead(actor, e.OwnerUnitId, tree) ? "一次評価を確定できるのは、その事業の所属長だけです。"
            : e.State != EvaluationState.Draft ? $"この評価は「{e.State.Label()}」です。一次評価は作成中の評価に行います。"
            : Missing(e),
        EvaluationStep.SecondReview => !actor.IsPlanMasterEditor ? "二次評価は企画担当が行います。"
            : SeparationOfDuties.IsAboutOwnUnit(actor, e.OwnerUnitId, tree) ? OwnUnit
            : e.State != EvaluationState.FirstReviewed ? $"この評価は「{e.State.Label()}」です。二次評価は一次評価の後に行えます。"
            : null,
        EvaluationStep.Return => !actor.IsPlanMasterEditor ? "差し戻しは企画担当が行います。"
            : SeparationOfDuties.IsAboutOwnUnit(actor, e.OwnerUnitId, tree) ? OwnUnit
            : e.State != EvaluationState.FirstReviewed ? $"この評価は「{e.State.Label()}」のため差し戻せません。"
            : null,
        EvaluationStep.Publish => !actor.IsPlanMasterEditor ? "公表は企画担当が行います。"
            : e.State != EvaluationState.SecondReviewed ? $"この評価は「{e.State.Label()}」です。公表は二次評価の後に行えます。"
            : null,
        _ => "この操作はできません。",
    };

    /// Planning reviews every unit's evaluation but its own (separation of duties).
    public const string OwnUnit = "自分の所属の事業の二次評価・差し戻しはできません。所属の外の企画担当が行います。";

    /// What a first review needs: all four ratings with reasons and a direction; an improvement unless continuing as is.
    public static string? Missing(ProjectEvaluation e)
    {
        var missing = new List<string>();
        if (e.Necessity is null || string.IsNullOrWhiteSpace(e.NecessityReason)) missing.Add("必要性");
        if (e.Effectiveness is null || string.IsNullOrWhiteSpace(e.EffectivenessReason)) missing.Add("有効性");
        if (e.Efficiency is null || string.IsNullOrWhiteSpace(e.EfficiencyReason)) missing.Add("効率性");
        if (e.Equity is null || string.IsNullOrWhiteSpace(e.EquityReason)) missing.Add("公平性");
        if (e.FirstDirection is null) missing.Add("今後の方向性");
        if (e.FirstDirection is not null and not Direction.Continue && string.IsNullOrWhiteSpace(e.Improvement)) missing.Add("改善内容");
        return missing.Count == 0 ? null : $"一次評価の前に、次を入力してください: {string.Join("、", missing)}。";
    }
}
