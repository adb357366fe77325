using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Board;

/// PDCAボード: per division, how far the year's cycle has come at each stage against its due date — plan entries,
/// budget request/adoption/settlement, execution-plan progress, goals, last year's indicators and evaluations, and
/// improvements still open. Each figure links to the list of what is behind it.
[Authorize(Policy = Policies.Staff)]
[Route("Board")]
public sealed partial class BoardController(OrgTreeProvider orgTree, JudgmentBands bands, CycleSnapshots cycles,
    JudgmentBandCommands bandCommands, BoardStages stages, MayorPages mayor)
    : AppController()
{
    /// Above this many divisions (a large city) the board shows each department's totals, and the divisions of the
    /// department opened (open=its id): a row per division would be some 270 KB of HTML for 130 divisions.
    public const int FoldAboveDivisions = 60;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, int? open)
    {
        var y = year ?? Clock.FiscalYear;
        if (!Display.IsFiscalYear(y)) return NotFound();
        ViewData["Stages"] = await stages.ForAsync(y);
        var snapshot = await cycles.GetAsync(y);
        if (snapshot.Divisions.Count > FoldAboveDivisions)
        {
            var org = await orgTree.GetAsync();
            ViewData["Departments"] = snapshot.Divisions.GroupBy(d => org.DepartmentOf(d.UnitId)?.Id ?? d.UnitId)
                .Select(g => new BoardDepartment(g.Key, g.First().Department, g.ToList())).ToList();
            ViewData["Open"] = open;
        }
        return View(snapshot);
    }
}

/// The board's counts of the areas beyond the plan's stages, each feature's own (IBoardContribution, found by scan):
/// kept until the data they read changes, or counted per request when it is in no area (人事評価).
public sealed class BoardStages(IEnumerable<IBoardContribution> contributions, ReadCache cache) : IUseCase
{
    public async Task<IReadOnlyList<BoardStage>> ForAsync(int year)
    {
        var stages = new List<BoardStage>();
        foreach (var c in contributions.OrderBy(c => c.GetType().FullName, StringComparer.Ordinal))
            stages.AddRange(c.Areas is { } areas ? await cache.GetAsync($"board-stages:{c.GetType().Name}:{year}", areas, () => c.StagesAsync(year)) : await c.StagesAsync(year));
        return stages;
    }
}

/// A department's row on the folded board: its divisions' figures added up, overdue where any of them is.
public sealed record BoardDepartment(int Id, string Name, IReadOnlyList<DivisionCycle> Divisions)
{
    public StageCell Cell(CycleStage stage) => new(stage,
        new Progress(Divisions.Sum(d => d.Stages[stage].Progress.Done), Divisions.Sum(d => d.Stages[stage].Progress.Of)),
        Divisions[0].Stages[stage].DueOn, Divisions.Any(d => d.Stages[stage].Overdue), Divisions.Any(d => d.Stages[stage].Planning));

    public int OpenImprovements => Divisions.Sum(d => d.OpenImprovements);
}
