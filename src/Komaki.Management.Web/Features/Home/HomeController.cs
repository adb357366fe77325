namespace Komaki.Management.Web.Features.Home;

[Authorize(Policy = Policies.SignedIn)]
public sealed class HomeController(AppDbContext db, OrgTreeProvider orgTree, Goals.MyWaiting waiting, ReadCache cache) : AppController(db)
{
    public async Task<IActionResult> Index()
    {
        if (User.IsInRole(Roles.ExternalReviewer) && !User.IsInRole(Roles.Administrator))
        {
            return RedirectToAction("Index", "ExternalReviews");
        }
        // The audit committee reads the internal-control report and nothing else.
        if (User.IsInRole(Roles.Auditor) && !User.IsInRole(Roles.Administrator))
        {
            return RedirectToAction("Index", "ControlReport");
        }
        // The mayor and deputy mayors start from the whole picture; the staff home page is about one unit's work.
        if (User.IsInRole(Roles.Executive) && !User.IsInRole(Roles.Planning) && !User.IsInRole(Roles.Administrator))
        {
            return RedirectToAction("Mayor", "Board");
        }
        var year = Clock.FiscalYear;
        var active = Db.Projects.Where(p => p.RetiredAt == null);
        var city = await cache.GetAsync($"home:{year}", [DataArea.Plan, DataArea.Indicators], async () => new CityCounts(
            await Db.ComprehensivePlans.AsNoTracking().Where(p => p.IsCurrent).Select(p => p.Name).FirstOrDefaultAsync(),
            await Db.Policies.CountAsync(p => p.RetiredAt == null), await Db.Measures.CountAsync(m => m.RetiredAt == null),
            await active.CountAsync(), await active.CountAsync(p => p.IsMajor),
            await Db.IndicatorValues.CountAsync(v => v.FiscalYear == year - 1 && v.Target != null && v.Actual == null)));

        IReadOnlyList<MyProjectRow> mine = [];
        string? unitName = null;
        if (Actor.UnitId is int unit)
        {
            var tree = await orgTree.GetAsync();
            var units = tree.SelfAndDescendants(unit).ToList();
            unitName = tree.PathName(unit);
            // Kept per unit: for a unit with few projects SQLite walks the whole code index to find them.
            mine = await cache.GetAsync($"my-projects:{unit}", [DataArea.Plan, DataArea.Organization], () => active.Where(p => units.Contains(p.OwnerUnitId))
                .OrderBy(p => p.Code).Select(p => new MyProjectRow(p.Id, p.Code, p.Name, p.IsMajor)).Take(50).ToListAsync());
        }
        // The same list as the full 対応待ち page, so the count here is the whole count.
        var work = await waiting.ForAsync(Actor, Url, year, Clock.Today);
        return View(new HomeModel(city.Plan, year, city.Policies, city.Measures, city.Projects, city.MajorProjects, city.MissingActuals,
            mine, unitName, work));
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
