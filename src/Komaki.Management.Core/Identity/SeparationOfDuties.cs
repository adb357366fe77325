using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Identity;

/// Nobody takes a step that approves, confirms, assesses, agrees to or closes a record about their own unit: the
/// record's unit is the person's own, one under it or one above it. Another unit (or another officer) takes it.
public static class SeparationOfDuties
{
    public static bool IsAboutOwnUnit(Actor actor, int unitId, OrgTree org) =>
        actor.UnitId is int mine && (org.IsSameOrUnder(unitId, mine) || org.IsSameOrUnder(mine, unitId));
}
