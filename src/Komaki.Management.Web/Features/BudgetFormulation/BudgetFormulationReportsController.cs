using Komaki.Management.Core;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// What 予算編成 reads out: two stages compared, a 部's 査定調書, and 評価の効き目.
[Authorize(Policy = Policies.Staff)]
[Route("BudgetFormulation")]
public sealed class BudgetFormulationReportsController(OrgTreeProvider orgTree, BudgetFormulationPages pages, BudgetReads reads, BudgetEffect effect, DirectionCatalog directions, ReadCache cache, BudgetDecisions decisions,
    IAuthorizationService authorization) : BudgetDoorController()
{
    /// Two stages side by side: totals per 部 and city, and with a 部 chosen, line by line.
    [HttpGet("{year:int}/Compare")]
    public async Task<IActionResult> Compare(int year, BudgetStage from = BudgetStage.Request, BudgetStage to = BudgetStage.FinanceAssessment, int? departmentId = null)
    {
        var org = await orgTree.GetAsync();
        var department = Actor.UnitId is int du ? org.DepartmentOf(du)?.Id : null;
        if (departmentId is int d && await RefusalAsync(new BudgetDepartment(year, d), RecordOperation.Read) is { } refused) return Forbidden(refused);
        var readsAll = await MayAsync((await reads.YearAsync(year)).Round ?? BudgetRound.Defaults(year), BudgetRoundRule.ReadCity);
        var units = departmentId is int dd ? org.SelfAndDescendants(dd).ToList() : readsAll ? null : department is int own ? org.SelfAndDescendants(own).ToList() : [];
        // The city's comparison (every line, with its totals per 部) is the same for all who read the whole city: kept as a read model.
        var comparison = units is null
            ? await cache.GetAsync($"budget-compare:{year}:{from}:{to}", BudgetFormulationPages.StandingAreas, async () => BudgetFormulationPages.Comparison(await pages.LinesAsync(year, org, details: false), from, to))
            : BudgetFormulationPages.Comparison(departmentId is null ? await pages.LinesAsync(year, org, units, details: false) : await ReadableAsync(await pages.LinesAsync(year, org, units, details: false)), from, to);
        var departments = new List<OrgUnit>();
        foreach (var x in BudgetFormulationController.Departments(org, year))
        {
            if (await MayAsync(new BudgetDepartment(year, x.Id), RecordOperations.Read)) departments.Add(x);
        }
        return View(new CompareModel(year, from, to, departmentId, comparison, departments, org, WholeCity: units is null));
    }

    /// 査定調書 of a 部: per line 要求額, 査定額, 差額 and 査定理由, with the reasons given against the evaluation.
    [HttpGet("{year:int}/Chousho/{departmentId:int}")]
    public async Task<IActionResult> Chousho(int year, int departmentId, BudgetStage assessment = BudgetStage.FinanceAssessment)
    {
        var org = await orgTree.GetAsync();
        if (org.Find(departmentId) is not { Level: OrgUnitLevel.Department }) return NotFound();
        if (await RefusalAsync(new BudgetDepartment(year, departmentId), RecordOperation.Read) is { } refused) return Forbidden(refused);
        var lines = await ReadableAsync(await reads.DepartmentAsync(year, org, departmentId));
        var names = await pages.NamesAsync(lines.SelectMany(l => l.Request.Entries.Select(e => e.RecordedBy)));
        return View(new ChoushoModel(year, departmentId, assessment, lines, names, org)
        {
            ExportsChousho = await MayAsync(new BudgetDepartment(year, departmentId), BudgetDepartmentRule.ExportChousho),
            Proposal = (await reads.YearAsync(year)).Commits.FirstOrDefault(c => c.Stage == BudgetStage.Proposal && c.DepartmentId == departmentId),
        });
    }

    /// 評価の効き目: what each verdict given in year N changed from N's budget to N+1's (EvaluationYears).
    [HttpGet("Effect")]
    public async Task<IActionResult> Effect(int? year)
    {
        var y = year ?? Clock.FiscalYear - 1;
        var org = await orgTree.GetAsync();
        // The next year's amounts under 予算編成 are read only by who may read every 部's requests (UndecidedBudgets).
        if ((await cache.GetAsync($"budget-undecided:{y + 1}", BudgetDecisions.Areas, () => decisions.ForYearsAsync([y + 1]))).HidesAny(Actor, y + 1, org))
            return Forbidden(UndecidedBudgets.EffectWaits(y + 1));
        // The same report for every reader, from every verdict and budget line of two years: kept as a read model.
        var report = await cache.GetAsync($"budget-effect:{y}", BudgetEffect.Areas, () => effect.ReportAsync(y, org));
        return View(new EffectModel(y, report, directions, org) { MayPublish = (await authorization.AuthorizeAsync(User, Policies.Finance)).Succeeded });
    }
}
