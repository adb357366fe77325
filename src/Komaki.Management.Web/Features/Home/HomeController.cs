using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Home;

[Authorize(Policy = Policies.SignedIn)]
public sealed class HomeController(HomePages pages, OrgTreeProvider orgTree, Goals.MyWaiting waiting, ReadCache cache) : AppController()
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
        var city = await cache.GetAsync($"home:{year}", [DataArea.Plan, DataArea.Indicators], () => pages.CityCountsAsync(year));

        IReadOnlyList<MyProjectRow> mine = [];
        string? unitName = null;
        if (Actor.UnitId is int unit)
        {
            var tree = await orgTree.GetAsync();
            var units = tree.SelfAndDescendants(unit).ToList();
            unitName = tree.PathName(unit);
            // Kept per unit: for a unit with few projects SQLite walks the whole code index to find them.
            mine = await cache.GetAsync($"my-projects:{unit}", [DataArea.Plan, DataArea.Organization], () => pages.ProjectsOfAsync(units));
        }
        // The same list as the full 対応待ち page, so the count here is the whole count.
        var work = await waiting.ForAsync(Actor, year, Clock.Today);
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
