using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// 予算編成's overview: the year's standing per 部 and the person's own lines, one 部's lines by stage, and the
/// 財政課's policy with its stages and frames. The request, the stages, 復活要求 and the reports have their own
/// controllers in this folder; who may do what is BudgetAccess's (Core).
[Authorize(Policy = Policies.Staff)]
[Route("BudgetFormulation")]
public sealed class BudgetFormulationController(OrgTreeProvider orgTree, BudgetFormulationPages pages, BudgetFormulationCommands commands, ReadCache cache) : AppController()
{
    /// The year being formulated: next year's budget, compiled during this one.
    private int DefaultYear => Clock.FiscalYear + 1;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var y = year ?? DefaultYear;
        var org = await orgTree.GetAsync();
        var round = await pages.RoundAsync(y);
        var readsAll = BudgetAccess.ReadsAll(Actor);
        var mine = Actor.UnitId is int u && BudgetAccess.IsOwnUnit(Actor, u, org) ? org.SelfAndDescendants(u).ToList() : [];
        var commits = await pages.CommitsAsync(y);
        // The totals per 部 are the city's, kept as a read model (every line of the city goes into them); the person sees
        // those of the 部 they may read, and their own units' lines.
        var standings = (await cache.GetAsync($"budget-standings:{y}", BudgetFormulationPages.StandingAreas, () => pages.StandingsAsync(y, org)))
            .Where(s => BudgetAccess.CanReadDepartment(Actor, s.DepartmentId, org)).ToList();
        var myLines = mine.Count > 0 ? await pages.LinesAsync(y, org, mine) : [];
        var unrequested = mine.Count > 0 ? await pages.UnrequestedAsync(y, mine) : [];
        return View(new FormulationIndexModel(y, round, standings, myLines, unrequested, commits, org, BudgetAccess.IsFinance(Actor), readsAll, Clock.Today));
    }

    [HttpGet("{year:int}/Department/{departmentId:int}")]
    public async Task<IActionResult> Department(int year, int departmentId)
    {
        var org = await orgTree.GetAsync();
        if (org.Find(departmentId) is not { Level: OrgUnitLevel.Department }) return NotFound();
        if (!BudgetAccess.CanReadDepartment(Actor, departmentId, org)) return Forbidden("この部の予算要求を見られるのは、その部の職員・財政課・市長・副市長・企画です。");
        var round = await pages.RoundAsync(year);
        var all = await pages.LinesAsync(year, org, org.SelfAndDescendants(departmentId).ToList());
        var lines = all.Where(l => BudgetAccess.CanRead(Actor, l.Request.OrgUnitId, org)).ToList();
        var commits = (await pages.CommitsAsync(year)).Where(c => c.DepartmentId == departmentId).ToList();
        var next = BudgetFormulationPages.NextStage(round, commits);
        var canCommit = next is BudgetStage n && BudgetAccess.CheckAssess(Actor, n, departmentId, org) is null;
        // 復活要求 are answered between the close of 復活要求 and 復活査定, by the 財政課.
        var canAnswer = next == BudgetStage.RestorationAssessment && BudgetAccess.IsFinance(Actor);
        return View(new DepartmentModel(year, departmentId, round, lines, BudgetFormulationPages.Standings(all, commits, round, org).FirstOrDefault(), commits, org, next, canCommit, Actor, canAnswer));
    }

    [HttpGet("{year:int}/Policy")]
    [Authorize(Policy = Policies.Finance)]
    public async Task<IActionResult> Policy(int year)
    {
        var org = await orgTree.GetAsync();
        var round = await pages.RoundAsync(year) ?? BudgetRound.Defaults(year);
        var departments = Departments(org, year);
        var form = new RoundForm
        {
            Version = round.Version, Policy = round.Policy,
            Stages = round.Stages.OrderBy(s => s.Stage).Select(s => new RoundStageRow { Stage = s.Stage, InUse = s.InUse, DueOn = s.DueOn }).ToList(),
            Frames = departments.Select(d => new FrameRow { DepartmentId = d.Id, GeneralFund = Amounts.Thousands(round.Frames.FirstOrDefault(f => f.DepartmentId == d.Id)?.GeneralFund) }).ToList(),
        };
        return View(nameof(Policy), new PolicyModel(year, form, org, departments));
    }

    /// A year without a policy yet: the page starts from the default stages, and saving it creates the year's 予算編成
    /// (the overview links here until then, so opening and leaving the page never creates one).
    [HttpGet("{year:int}/Policy/Create")]
    [Authorize(Policy = Policies.Finance)]
    public Task<IActionResult> CreatePolicy(int year) => Policy(year);

    [HttpPost("{year:int}/Policy/Create")]
    [Authorize(Policy = Policies.Finance)]
    public Task<IActionResult> CreatePolicy(int year, RoundForm form) => Policy(year, form);

    [HttpPost("{year:int}/Policy")]
    [Authorize(Policy = Policies.Finance)]
    public async Task<IActionResult> Policy(int year, RoundForm form)
    {
        var org = await orgTree.GetAsync();
        if (await ValidateAsync(form) && Accept(await commands.SaveRoundAsync(year, form, org)))
        {
            TempData["Message"] = $"{Wareki.FiscalYear(year)}の予算編成方針を保存しました。";
            return RedirectToAction(nameof(Index), new { year });
        }
        return View(nameof(Policy), new PolicyModel(year, form, org, Departments(org, year)));
    }

    internal static List<OrgUnit> Departments(OrgTree org, int year) =>
        org.Flatten(u => u.IsValidIn(year)).Where(x => x.Unit.Level == OrgUnitLevel.Department).Select(x => x.Unit).ToList();
}
