using Komaki.Management.Core;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// 予算編成 in Excel: the 財政課's 査定調書 of a 部, the comparison of two stages and 評価の効き目, each the screen's lines
/// and totals (BudgetSheets, Core). A 課's 予算要求書 goes out and comes back through the import pipeline
/// (Imports/budget-request); this controller only links to it.
[Authorize(Policy = Policies.Staff)]
[Route("BudgetFormulation")]
public sealed class BudgetSheetsController(OrgTreeProvider orgTree, BudgetFormulationPages pages, BudgetReads reads, BudgetEffect effect, DirectionCatalog directions, ReadCache cache, BudgetDecisions decisions) : BudgetDoorController()
{
    /// The 査定調書 of a 部 is the 財政課's working paper: only 財政担当 export it.
    [HttpGet("{year:int}/Chousho/{departmentId:int}/Excel")]
    public async Task<IActionResult> Chousho(int year, int departmentId, BudgetStage assessment = BudgetStage.FinanceAssessment)
    {
        var org = await orgTree.GetAsync();
        if (org.Find(departmentId) is not { Level: OrgUnitLevel.Department } department) return NotFound();
        if (await RefusalAsync(new BudgetDepartment(year, departmentId), BudgetDepartmentRule.ExportChousho) is { } refused) return Forbidden(refused);
        // The same workbook for everyone who may export it (every line of the 部), written once per data version: it
        // shows the 部's lines (Do), their 事業 (Plan), the units' names and who assessed (Organization, users included).
        var bytes = await cache.FileAsync($"budget-chousho-xlsx:{year}:{departmentId}:{assessment}", BudgetFormulationPages.StandingAreas, async () =>
        {
            var lines = await reads.DepartmentAsync(year, org, departmentId);
            var names = await pages.NamesAsync(lines.SelectMany(l => l.Request.Entries.Select(e => e.RecordedBy)));
            var proposal = (await pages.CommitsAsync(year)).FirstOrDefault(c => c.Stage == BudgetStage.Proposal && c.DepartmentId == departmentId);
            return Written(output => BudgetSheets.WriteChousho(output, year, department.Name, assessment, lines, org, names, proposal));
        });
        return File(bytes, BudgetSheets.ContentType, BudgetSheets.ChoushoFileName(year, department.Name, assessment));
    }

    /// The comparison as the screen shows it to the same person: a 部's lines to those who may read that 部, the city's
    /// totals to those who read all (others get their own 部's).
    [HttpGet("{year:int}/Compare/Excel")]
    public async Task<IActionResult> Compare(int year, BudgetStage from = BudgetStage.Request, BudgetStage to = BudgetStage.FinanceAssessment, int? departmentId = null)
    {
        var org = await orgTree.GetAsync();
        if (departmentId is int d && (org.Find(d) is not { Level: OrgUnitLevel.Department })) return NotFound();
        if (departmentId is int dd && await RefusalAsync(new BudgetDepartment(year, dd), RecordOperation.Read) is { } refused) return Forbidden(refused);
        var own = Actor.UnitId is int du ? org.DepartmentOf(du)?.Id : null;
        var readsAll = await MayAsync((await reads.YearAsync(year)).Round ?? BudgetRound.Defaults(year), BudgetRoundRule.ReadCity);
        var units = departmentId is int x ? org.SelfAndDescendants(x).ToList() : readsAll ? null : own is int o ? org.SelfAndDescendants(o).ToList() : [];
        if (units is not null)
        {
            var lines = BudgetFormulationPages.Compare(departmentId is null ? await pages.LinesAsync(year, org, units, details: false) : await ReadableAsync(await pages.LinesAsync(year, org, units, details: false)), from, to);
            return File(Written(output => BudgetSheets.WriteCompare(output, year, from, to, departmentId is int n ? org.Find(n)!.Name : null, lines, org, wholeCity: false)),
                BudgetSheets.ContentType, BudgetSheets.CompareFileName(year, from, to));
        }
        // The city's comparison is the screen's kept read model (the same key), so the file and the screen are one figure;
        // the file is written once per data version, since writing the workbook costs more than reading the lines.
        var bytes = await cache.FileAsync($"budget-compare-xlsx:{year}:{from}:{to}", BudgetFormulationPages.StandingAreas, async () =>
        {
            var city = await cache.GetAsync($"budget-compare:{year}:{from}:{to}", BudgetFormulationPages.StandingAreas,
                async () => BudgetFormulationPages.Compare(await pages.LinesAsync(year, org, details: false), from, to));
            return Written(output => BudgetSheets.WriteCompare(output, year, from, to, null, city, org, wholeCity: true));
        });
        return File(bytes, BudgetSheets.ContentType, BudgetSheets.CompareFileName(year, from, to));
    }

    [HttpGet("Effect/Excel")]
    public async Task<IActionResult> Effect(int? year)
    {
        var y = year ?? Clock.FiscalYear - 1;
        var org = await orgTree.GetAsync();
        // The next year's amounts under 予算編成 are read only by who may read every 部's requests (UndecidedBudgets).
        if ((await cache.GetAsync($"budget-undecided:{y + 1}", BudgetDecisions.Areas, () => decisions.ForYearsAsync([y + 1]))).HidesAny(Actor, y + 1, org))
            return Forbidden(UndecidedBudgets.EffectWaits(y + 1));
        // The directions' labels are Settings, read into the file: its version is part of the key.
        var bytes = await cache.FileAsync($"budget-effect-xlsx:{y}", [.. BudgetEffect.Areas, DataArea.Settings], async () =>
        {
            var report = await cache.GetAsync($"budget-effect:{y}", BudgetEffect.Areas, () => effect.ReportAsync(y, org));
            return Written(output => BudgetSheets.WriteEffect(output, report, directions, org));
        });
        return File(bytes, BudgetSheets.ContentType, BudgetSheets.EffectFileName(y));
    }

    private static byte[] Written(Action<Stream> write)
    {
        using var output = new MemoryStream();
        write(output);
        return output.ToArray();
    }
}
