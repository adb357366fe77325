using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Publishing;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Indicators;

public sealed record UnenteredActualsModel(int Year, string Unit, IReadOnlyList<UnenteredActual> Rows, bool CanEnter);

/// One 課's actuals of a published year that were never entered: where planning's 対応待ち row for that 課 leads.
[Authorize(Policy = Policies.Staff)]
public sealed class UnenteredActualsController(OrgTreeProvider orgTree, UnenteredActuals unentered) : AppController()
{
    [HttpGet("Indicators/Unentered")]
    public async Task<IActionResult> Index(int year, int unitId)
    {
        var org = await orgTree.GetAsync();
        if (org.Find(unitId) is null || !await unentered.IsPublishedAsync(year)) return NotFound();
        var rows = await unentered.OfUnitAsync(year, [unitId]);
        return View("Unentered", new UnenteredActualsModel(year, org.PathName(unitId), rows, Actor.IsPlanMasterEditor));
    }
}
