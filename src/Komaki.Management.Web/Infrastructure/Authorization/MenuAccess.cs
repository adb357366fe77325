using System.Security.Claims;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Komaki.Management.Web.Infrastructure.Authorization;

/// Which parts of the menu a person sees, decided here rather than in the layout: an entry opens a page whose
/// controller names a policy, so it shows when that same policy admits the person (MenuLinksTests opens every link of
/// every role's menu). A view checks no role (ShapeTests).
public sealed class MenuAccess(IAuthorizationService authorization, CurrentUser me)
{
    private MenuShown? _shown;

    public async Task<MenuShown> ForAsync(ClaimsPrincipal user)
    {
        if (_shown is not null) return _shown;
        if (user.Identity?.IsAuthenticated != true) return _shown = new MenuShown(false, false, false, false, false, false, false);
        async Task<bool> Admits(string policy) => (await authorization.AuthorizeAsync(user, policy)).Succeeded;
        var staff = await Admits(Policies.Staff);
        var actor = me.Actor;
        return _shown = new MenuShown(
            Staff: staff,
            PlanMasters: await Admits(Policies.PlanMasterEditors),
            PersonnelDivision: await Admits(Policies.Personnel),
            Administrators: await Admits(Policies.Administrator),
            // The 推進部局 and 評価部局 reach the report from the register; the staff menu offers it to planning and the executives.
            ControlReportInStaffMenu: staff && await Admits(Policies.ControlReport) && (actor.IsIn(Roles.Planning) || actor.IsIn(Roles.Executive)),
            // The audit committee is admitted to the report and to nothing of the staff's.
            AuditCommittee: !staff && await Admits(Policies.ControlReport),
            // A reviewer of the forum opens the sessions they sit on (the forum's pages admit anyone signed in).
            Reviewer: actor.IsIn(Roles.ExternalReviewer));
    }
}

/// The parts of the menu shown to one person.
public sealed record MenuShown(bool Staff, bool PlanMasters, bool PersonnelDivision, bool Administrators, bool ControlReportInStaffMenu, bool AuditCommittee, bool Reviewer);
