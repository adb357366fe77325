namespace Komaki.Management.Web.Features.Board;

/// PDCAボード: per division, how far the year's cycle has come at each stage against its due date — plan entries,
/// budget request/adoption/settlement, execution-plan progress, goals, last year's indicators and evaluations, and
/// improvements still open. Each figure links to the list of what is behind it.
[Authorize(Policy = Policies.Staff)]
[Route("Board")]
public sealed partial class BoardController(AppDbContext db, OrgTreeProvider orgTree, JudgmentBands bands, ReadCache cache, CycleSnapshots cycles,
    JudgmentBandCommands bandCommands, PersonnelPages personnel, OtherWork other)
    : AppController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        if (!Display.IsFiscalYear(y)) return NotFound();
        ViewData["Personnel"] = await personnel.StagesAsync(y);
        ViewData["Other"] = await other.StagesAsync(y);
        return View(await cycles.GetAsync(y));
    }
}
