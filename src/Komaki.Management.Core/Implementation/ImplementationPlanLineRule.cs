using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Implementation;

/// 実施計画の行: every staff member reads it; the project's unit head and planning plan it
/// (PlanAccess.CanEditUnitRecord), departments only in the latest edition (DepartmentLocks.EditionOpen). A project's
/// lines not yet planned are asked about as a new line of the edition and project.
public sealed class ImplementationPlanLineRule(AppDbContext db, ImplementationPlanPages pages) : IRecordRule<ImplementationPlanLine>
{
    public async Task<string?> RefusalAsync(RuleAsker asker, ImplementationPlanLine record, string operation)
    {
        switch (operation)
        {
            case RecordOperation.Read:
                return null;
            case RecordOperation.Edit:
                var owner = record.Project?.OwnerUnitId
                    ?? await db.Projects.AsNoTracking().Where(p => p.Id == record.ProjectId).Select(p => (int?)p.OwnerUnitId).FirstOrDefaultAsync();
                var editionYear = record.ImplementationPlan?.FiscalYear
                    ?? await db.ImplementationPlans.AsNoTracking().Where(p => p.Id == record.ImplementationPlanId).Select(p => p.FiscalYear).FirstOrDefaultAsync();
                return EditRefusal(asker.Actor, owner, editionYear, await pages.LatestEditionYearAsync(), asker.Org);
            default:
                return RecordOperation.Unknown(operation);
        }
    }

    /// Edit for one project's lines of an edition, for a list that decides every row at once (the edition's page).
    public static string? EditRefusal(Actor actor, int? ownerUnitId, int editionYear, int latestEditionYear, OrgTree org) =>
        !PlanAccess.CanEditUnitRecord(actor, ownerUnitId, org) ? "実施計画を入力できるのは、その事業の担当部課の長と企画課です。"
        : !DepartmentLocks.EditionOpen(actor, editionYear, latestEditionYear) ? DepartmentLocks.EditionClosed
        : null;
}
