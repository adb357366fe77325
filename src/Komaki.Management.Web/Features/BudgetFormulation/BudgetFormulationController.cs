using Komaki.Management.Core;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// 予算編成's overview: the year's standing per 部 and the person's own lines, one 部's lines by stage, and the
/// 財政課's policy with its stages and frames. The request, the stages, 復活要求 and the reports have their own
/// controllers in this folder; who may do what is asked of the year's, the 部's and the request's rules (Core).
[Authorize(Policy = Policies.Staff)]
[Route("BudgetFormulation")]
public sealed class BudgetFormulationController(OrgTreeProvider orgTree, BudgetFormulationPages pages, BudgetReads reads, BudgetFormulationCommands commands, ReadCache cache) : BudgetDoorController()
{
    /// The year being formulated: next year's budget, compiled during this one.
    private int DefaultYear => Clock.FiscalYear + 1;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var y = year ?? DefaultYear;
        var org = await orgTree.GetAsync();
        var (round, commits) = await reads.YearAsync(y);
        var formulation = round ?? BudgetRound.Defaults(y);
        var readsAll = await MayAsync(formulation, BudgetRoundRule.ReadCity);
        // The person's own units' lines are those they may enter requests for.
        List<int> mine = [];
        if (Actor.UnitId is int u && await MayAsync(new BudgetRequest { FiscalYear = y, OrgUnitId = u }, RecordOperations.Edit)) mine = org.SelfAndDescendants(u).ToList();
        // The totals per 部 are the city's, kept as a read model (every line of the city goes into them); the person sees
        // those of the 部 they may read, and their own units' lines.
        var standings = new List<DepartmentStanding>();
        foreach (var s in await cache.GetAsync($"budget-standings:{y}", BudgetFormulationPages.StandingAreas, () => pages.StandingsAsync(y, org)))
        {
            if (await MayAsync(new BudgetDepartment(y, s.DepartmentId), RecordOperations.Read)) standings.Add(s);
        }
        var own = mine.Count > 0 ? await reads.UnitsAsync(y, org, mine) : new UnitRequests([], []);
        // The 予算要求書 goes out and comes back through the import pipeline, which asks the sheet kind who may (ImportsController).
        var offer = BudgetRequestImport.Sheet.Access.OfferTo(Actor);
        return View(new FormulationIndexModel(y, round, standings, own.Lines, own.Unrequested, commits, org, await MayAsync(formulation, RecordOperations.Edit), readsAll, Clock.Today)
        {
            SheetLinks = new BudgetSheetLinks(BudgetSheetPage.Requests, y) { ImportsRequests = offer.Imports, ExportsRequests = offer.Exports },
        });
    }

    [HttpGet("{year:int}/Department/{departmentId:int}")]
    public async Task<IActionResult> Department(int year, int departmentId)
    {
        var org = await orgTree.GetAsync();
        if (org.Find(departmentId) is not { Level: OrgUnitLevel.Department }) return NotFound();
        var department = new BudgetDepartment(year, departmentId);
        if (await RefusalAsync(department, RecordOperation.Read) is { } refused) return Forbidden(refused);
        var (round, yearCommits) = await reads.YearAsync(year);
        var all = await reads.DepartmentAsync(year, org, departmentId);
        var lines = await ReadableAsync(all);
        var commits = yearCommits.Where(c => c.DepartmentId == departmentId).ToList();
        var next = BudgetFormulationPages.NextStage(round, commits);
        var canCommit = next is BudgetStage n && await RefusalAsync(department, BudgetDepartmentRule.Commit(n)) is null;
        // 復活要求 are answered between the close of 復活要求 and 復活査定, by whoever may assess the line for 復活査定 (never
        // their own 課's): the line's rule decides each, as AnswerAsync will.
        var answerable = new HashSet<int>();
        if (next == BudgetStage.RestorationAssessment && canCommit)
        {
            foreach (var line in lines.Where(l => l.Request.Restorations.Count > 0))
            {
                if (await RefusalAsync(line.Request, BudgetRequestRule.Assess(BudgetStage.RestorationAssessment)) is null) answerable.Add(line.Request.Id);
            }
        }
        return View(new DepartmentModel(year, departmentId, round, lines, BudgetFormulationPages.Standings(all, commits, round, org).FirstOrDefault(), commits, org, next, canCommit, answerable));
    }

    [HttpGet("{year:int}/Policy")]
    [Authorize(Policy = Policies.Finance)]
    public async Task<IActionResult> Policy(int year)
    {
        var org = await orgTree.GetAsync();
        // The round as every page of the year reads it (kept until the next write to the budget): its Version goes into
        // the form, so a save after someone else's is refused as with a round read afresh.
        var round = (await reads.YearAsync(year)).Round ?? BudgetRound.Defaults(year);
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
