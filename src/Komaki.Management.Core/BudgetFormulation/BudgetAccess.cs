using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.BudgetFormulation;

/// Who may do what in 予算編成 (docs/budget-formulation.md):
/// - a 課's staff and head enter its requests; the head submits them, never one they entered themselves;
/// - the 財政課 (財政担当) sets the policy and frames, assesses and commits every stage but 要求, and answers 復活要求;
///   it never changes a line of its own 課 (those keep their request through 財政課査定 and are judged in 市長査定);
/// - 市長査定 is the mayor's (市長・副市長) or the 財政課's acting for the mayor, recorded with who entered it;
/// - a 課 reads its own lines, a 部 (its head) the lines of its 課; the 財政課, the executives and planning read all.
public static class BudgetAccess
{
    public static bool IsFinance(Actor actor) => actor.IsIn(Roles.Finance);

    public static bool IsExecutive(Actor actor) => actor.IsIn(Roles.Executive);

    public static bool ReadsAll(Actor actor) => IsFinance(actor) || IsExecutive(actor) || actor.IsPlanMasterEditor;

    /// The person's own unit holds the line's 課 (a 課 its own lines, a 部 those of its 課).
    public static bool IsOwnUnit(Actor actor, int unitId, OrgTree org) =>
        (actor.IsIn(Roles.DepartmentHead) || actor.IsIn(Roles.DepartmentStaff)) && actor.UnitId is int mine && org.IsSameOrUnder(unitId, mine);

    public static bool CanRead(Actor actor, int unitId, OrgTree org) => ReadsAll(actor) || IsOwnUnit(actor, unitId, org);

    /// The 部 whose totals and frame the person sees: all for those who read all, else their own 部.
    public static bool CanReadDepartment(Actor actor, int departmentId, OrgTree org) =>
        ReadsAll(actor) || actor.UnitId is int mine && org.DepartmentOf(mine)?.Id == departmentId && (actor.IsIn(Roles.DepartmentHead) || actor.IsIn(Roles.DepartmentStaff));

    public const string SubmittedRefusal = "提出済の要求は変えられません（査定の後の内示で復活要求ができます）。";

    public static string? CheckEnter(Actor actor, int unitId, BudgetRequest? request, OrgTree org)
    {
        if (!IsOwnUnit(actor, unitId, org)) return "要求を入力できるのは、その事業の課の職員と所属長です。";
        if (request?.SubmittedAt is not null) return SubmittedRefusal;
        return null;
    }

    public static string? CheckSubmit(Actor actor, BudgetRequest request, OrgTree org)
    {
        if (!(actor.IsIn(Roles.DepartmentHead) && actor.UnitId is int mine && org.IsSameOrUnder(request.OrgUnitId, mine)))
            return "要求を提出できるのは、その課の所属長です。";
        if (request.SubmittedAt is not null) return "この要求は提出済です。";
        if (string.Equals(request.EnteredBy, actor.UserName, StringComparison.OrdinalIgnoreCase))
            return "自分で入力した要求は提出できません（入力した人とは別の所属長が確かめて提出します）。";
        return null;
    }

    /// Assessing (a draft of the stage) and committing a stage for a 部.
    public static string? CheckAssess(Actor actor, BudgetStage stage, int departmentId, OrgTree org)
    {
        var finance = IsFinance(actor);
        var allowed = stage switch
        {
            BudgetStage.MayorAssessment => finance || IsExecutive(actor),
            // 要求 is submitted line by line by the 課; closing 復活要求 (committing its stage) is the 財政課's.
            BudgetStage.Request => false,
            _ => finance,
        };
        if (!allowed)
            return stage == BudgetStage.MayorAssessment ? "市長査定は市長・副市長、または市長に代わって財政担当が入力します。" : $"{stage.Label()}は財政担当が行います。";
        return org.Find(departmentId) is null ? "部が見つかりません。" : null;
    }

    /// A draft for one line: as for the stage, and never a line of the assessor's own 課.
    public static string? CheckAssessLine(Actor actor, BudgetStage stage, BudgetRequest request, OrgTree org)
    {
        if (CheckAssess(actor, stage, org.DepartmentOf(request.OrgUnitId)?.Id ?? 0, org) is { } refused) return refused;
        if (!IsExecutive(actor) && SeparationOfDuties.IsAboutOwnUnit(actor, request.OrgUnitId, org))
            return "自分の課の要求は査定できません（財政課の要求は、要求額のまま市長査定で判断します）。";
        return null;
    }

    public static string? CheckRestore(Actor actor, BudgetRequest request, OrgTree org) =>
        actor.IsIn(Roles.DepartmentHead) && actor.UnitId is int mine && org.IsSameOrUnder(request.OrgUnitId, mine)
            ? null : "復活要求を出せるのは、その課の所属長です。";
}
