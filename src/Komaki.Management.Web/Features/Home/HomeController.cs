namespace Komaki.Management.Web.Features.Home;

[Authorize(Policy = Policies.SignedIn)]
public sealed class HomeController(AppDbContext db, OrgTreeProvider orgTree) : AppController(db)
{
    public async Task<IActionResult> Index()
    {
        if (User.IsInRole(Roles.ExternalReviewer) && !User.IsInRole(Roles.Administrator))
        {
            return RedirectToAction("Index", "ExternalReviews");
        }
        // The mayor and deputy mayors start from the whole picture; the staff home page is about one unit's work.
        if (User.IsInRole(Roles.Executive) && !User.IsInRole(Roles.Planning) && !User.IsInRole(Roles.Administrator))
        {
            return RedirectToAction("Mayor", "Board");
        }
        var year = Clock.FiscalYear;
        var plan = await Db.ComprehensivePlans.AsNoTracking().Where(p => p.IsCurrent).Select(p => p.Name).FirstOrDefaultAsync();
        var active = Db.Projects.Where(p => p.RetiredAt == null);
        var lastYear = year - 1;
        var missing = await Db.IndicatorValues.CountAsync(v => v.FiscalYear == lastYear && v.Target != null && v.Actual == null);

        IReadOnlyList<MyProjectRow> mine = [];
        string? unitName = null;
        if (Actor.UnitId is int unit)
        {
            var tree = await orgTree.GetAsync();
            var units = tree.SelfAndDescendants(unit).ToList();
            unitName = tree.PathName(unit);
            mine = await active.Where(p => units.Contains(p.OwnerUnitId)).OrderBy(p => p.Code)
                .Select(p => new MyProjectRow(p.Id, p.Code, p.Name, p.IsMajor)).Take(50).ToListAsync();
        }
        var org = await orgTree.GetAsync();
        var today = Clock.Today;
        var work = Goals.WorkRows.Of(await Core.Cycle.WorkList.LoadAsync(Db, Actor, org, year, today), org, Url);
        return View(new HomeModel(plan, year,
            await Db.Policies.CountAsync(p => p.RetiredAt == null),
            await Db.Measures.CountAsync(m => m.RetiredAt == null),
            await active.CountAsync(), await active.CountAsync(p => p.IsMajor), missing, mine, unitName, new Goals.WorkListModel(work, today, Limit: 10)));
    }

    [AllowAnonymous]
    public IActionResult Error() => View();

    [AllowAnonymous]
    [Route("/Home/Status/{code:int}")]
    public IActionResult Status(int code)
    {
        ViewData["Code"] = code;
        return View();
    }
}
