namespace Komaki.Management.Web.Features.OrgUnits;

/// 部/課/係 and the fiscal years each is valid for. Units are never deleted: a reorganisation ends a
/// unit's validity and starts a new one, so past years keep their owners.
[Authorize(Policy = Policies.Staff)]
public sealed class OrgUnitsController(AppDbContext db, OrgTreeProvider orgTree) : AppController(db)
{
    public async Task<IActionResult> Index(int? year)
    {
        var counts = await Db.Users.Where(u => u.OrgUnitId != null).GroupBy(u => u.OrgUnitId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        return View(new OrgIndexModel(await orgTree.GetAsync(), year, counts, User.IsInRole(Roles.Administrator)));
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
        if (!await ValidateAsync(form) | !CheckParent(form, tree)) return View("Edit", new OrgFormModel(form, tree));
        var unit = new OrgUnit();
        Apply(unit, form);
        Db.OrgUnits.Add(unit);
        if (!await TrySaveAsync()) return View("Edit", new OrgFormModel(form, tree));
        TempData["Message"] = $"「{unit.Name}」を登録しました。";
        return RedirectToAction(nameof(Index));
    }

    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Edit(int id)
    {
        var unit = await Db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null) return NotFound();
        var form = new OrgUnitForm
        {
            Id = unit.Id, Code = unit.Code, Name = unit.Name, Level = unit.Level, ParentId = unit.ParentId,
            ValidFromYear = unit.ValidFromYear, ValidToYear = unit.ValidToYear, SortOrder = unit.SortOrder, Version = unit.Version,
        };
        return View(new OrgFormModel(form, await orgTree.GetAsync()));
    }

    [HttpPost]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Edit(int id, OrgUnitForm form)
    {
        var unit = await Db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null) return NotFound();
        var tree = await orgTree.GetAsync();
        form.Id = id;
        if (await ValidateAsync(form) & CheckParent(form, tree))
        {
            Apply(unit, form);
            if (await TrySaveEditAsync(unit, form.Version, unit.AuditTarget))
            {
                TempData["Message"] = $"「{unit.Name}」を更新しました。";
                return RedirectToAction(nameof(Index));
            }
        }
        return View(new OrgFormModel(form, tree));
    }

    private bool CheckParent(OrgUnitForm form, OrgTree tree)
    {
        if (form.ParentId is not int parentId) return true;
        var parent = tree.Find(parentId);
        if (parent is null) ModelState.AddModelError(nameof(form.ParentId), "上位の組織が見つかりません。");
        else if (!OrgUnit.IsValidChildLevel(parent.Level, form.Level))
            ModelState.AddModelError(nameof(form.ParentId), $"{form.Level.Label()}の上位には{(form.Level - 1).Label()}を選んでください。");
        else if (form.Id is int id && tree.IsSameOrUnder(parentId, id))
            ModelState.AddModelError(nameof(form.ParentId), "自分自身や配下の組織を上位にはできません。");
        return ModelState.IsValid;
    }

    private static void Apply(OrgUnit unit, OrgUnitForm form)
    {
        unit.Code = form.Code.Trim();
        unit.Name = form.Name.Trim();
        unit.Level = form.Level;
        unit.ParentId = form.ParentId;
        unit.ValidFromYear = form.ValidFromYear;
        unit.ValidToYear = form.ValidToYear;
        unit.SortOrder = form.SortOrder;
    }
}
