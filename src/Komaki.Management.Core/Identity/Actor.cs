using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Identity;

/// The signed-in person as the access rules see them.
public sealed record Actor(string UserName, IReadOnlySet<string> RoleNames, int? UnitId)
{
    public bool IsIn(string role) => RoleNames.Contains(role);

    public bool IsPlanMasterEditor => IsIn(Roles.Administrator) || IsIn(Roles.Planning);
}

/// Who may change what in the plan. Checked by the server on every request for the record at hand,
/// never inferred from which buttons the menu showed.
public static class PlanAccess
{
    /// Policies, measures, the tree's shape, codes and owners: planning staff and administrators.
    public static bool CanEditStructure(Actor actor) => actor.IsPlanMasterEditor;

    /// A unit's own projects and indicators: planning staff for every unit; a department head for their
    /// unit and the units under it.
    public static bool CanEditUnitRecord(Actor actor, int? ownerUnitId, OrgTree tree) =>
        actor.IsPlanMasterEditor
        || actor.IsIn(Roles.DepartmentHead) && IsOwnUnit(actor, ownerUnitId, tree);

    /// Yearly targets and actuals: as above, plus the unit's own staff, who draft entries for their unit.
    public static bool CanEnterIndicatorValues(Actor actor, int? ownerUnitId, OrgTree tree) =>
        CanEditUnitRecord(actor, ownerUnitId, tree)
        || actor.IsIn(Roles.DepartmentStaff) && IsOwnUnit(actor, ownerUnitId, tree);

    private static bool IsOwnUnit(Actor actor, int? ownerUnitId, OrgTree tree) =>
        actor.UnitId is int mine && ownerUnitId is int owner && tree.IsSameOrUnder(owner, mine);
}

/// What departments may no longer change once it has moved on: an edition of the 実施計画 superseded by a newer one,
/// and a budget year that has passed or been settled. Planning may still change them; departments ask planning.
public static class DepartmentLocks
{
    public static bool EditionOpen(Actor actor, int editionYear, int latestEditionYear) =>
        actor.IsPlanMasterEditor || editionYear >= latestEditionYear;

    public static bool BudgetYearOpen(Actor actor, int fiscalYear, int currentFiscalYear, bool settled) =>
        actor.IsPlanMasterEditor || fiscalYear >= currentFiscalYear && !settled;

    public const string EditionClosed = "この版は新しい版に引き継がれたため、所属では変更できません。変更が必要なときは企画課に依頼してください。";
    public const string BudgetYearClosed = "過去の年度・決算済みの年度の予算は、所属では変更できません。変更が必要なときは企画課に依頼してください。";
}
