using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.OrgUnits;

/// 部/課/係 and the fiscal years each is valid for. Units are never deleted: a reorganisation ends a
/// unit's validity and starts a new one, so past years keep their owners.
[Authorize(Policy = Policies.Staff)]
public sealed class OrgUnitsController(OrgTreeProvider orgTree, OrgUnitPages pages, OrgUnitCommands commands, UnitMembers members) : AppController()
{
    public async Task<IActionResult> Index(int? year)
    {
        return View(new OrgIndexModel(await orgTree.GetAsync(), year, await members.CountsAsync(), User.IsInRole(Roles.Administrator)));
    }

    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Create(int? parentId)
    {
        var tree = await orgTree.GetAsync();
        var parent = tree.Find(parentId);
        var form = new OrgUnitForm
        {
            ParentId = parent?.Id,
            Level = parent is null ? OrgUnitLevel.Department : (OrgUnitLevel)Math.Min((int)parent.Level + 1, 3),
            ValidFromYear = Clock.FiscalYear + 1,
        };
        return View("Edit", new OrgFormModel(form, tree));
    }

    [HttpPost]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Create(OrgUnitForm form)
    {
        var tree = await orgTree.GetAsync();
        if (await RunAsync(form, () => Task.FromResult(OrgUnitCommands.CheckParent(form, tree)), () => commands.CreateAsync(form, tree)) is null)
            return View("Edit", new OrgFormModel(form, tree));
        TempData["Message"] = $"「{form.Name.Trim()}」を登録しました。";
        return RedirectToAction(nameof(Index));
    }

    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Edit(int id)
    {
        var unit = await pages.FindAsync(id);
        if (unit is null) return NotFound();
        return View(new OrgFormModel(OrgUnitPages.FormOf(unit), await orgTree.GetAsync()));
    }

    [HttpPost]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Edit(int id, OrgUnitForm form)
    {
        var unit = await pages.FindAsync(id, tracking: true);
        if (unit is null) return NotFound();
        var tree = await orgTree.GetAsync();
        form.Id = id;
        if (await RunAsync(form, () => Task.FromResult(OrgUnitCommands.CheckParent(form, tree)), () => commands.EditAsync(unit, form, tree)) is null)
            return View(new OrgFormModel(form, tree));
        TempData["Message"] = $"「{form.Name.Trim()}」を更新しました。";
        return RedirectToAction(nameof(Index));
    }
}
