using Komaki.Management.Core.Common;
using Komaki.Management.Core.Goals;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Goals;

/// The printable unit sheet and the hearing list in Excel: the goals the reader may read, in the organisation's order.
[Authorize(Policy = Policies.Staff)]
[Route("Goals")]
public sealed class GoalPrintsController(OrgTreeProvider orgTree, GoalPages pages) : AppController()
{
    [HttpGet("Sheet")]
    public async Task<IActionResult> Sheet(int unitId, int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        if (org.Find(unitId) is null) return NotFound();
        var units = org.SelfAndDescendants(unitId).ToList();
        var goals = await pages.ReadableAsync(Actor, org, y, units);
        var models = new List<GoalDetailsModel>();
        foreach (var g in goals) models.Add(GoalDetailsModel.For(g, new ActForm(), Actor, org, Url));
        return View(new SheetModel(y, org.PathName(unitId), models));
    }

    [HttpGet("Export")]
    public async Task<IActionResult> Export(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var rows = (await pages.ReadableAsync(Actor, org, y)).Select(g => new GoalSheet.Row(org.DepartmentOf(g.OrgUnitId)?.Name ?? "", org.Find(g.OrgUnitId)?.Name ?? "", g,
                string.Join("\n", LinkLabel.Of(g, null).Select(l => l.Line))));
        var output = new MemoryStream();
        GoalSheet.Write(output, y, rows);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"組織目標一覧_{Wareki.FiscalYearShort(y)}.xlsx");
    }
}
