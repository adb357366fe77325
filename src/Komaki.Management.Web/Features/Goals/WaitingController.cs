namespace Komaki.Management.Web.Features.Goals;

/// 対応待ち: the person's own work, one row per record, and the city-wide stages planning and the executives answer for.
[Authorize(Policy = Policies.Staff)]
[Route("Goals/Waiting")]
public sealed class WaitingController(AppDbContext db, OrgTreeProvider orgTree, CycleSnapshots cycles, WorkLists workLists, PersonnelPages personnel, CurrentUser me, OtherWork other) : AppController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var y = Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var today = Clock.Today;
        var work = WorkRows.Of(await workLists.GetAsync(Actor), org, Url);
        var snapshots = new List<CycleSnapshot>();
        foreach (var year in DueWork.YearsAround(y)) snapshots.Add(await cycles.GetAsync(year));
        var cityWide = DueWork.For(Actor, org, snapshots).Where(d => d.Stage.Owner() is StageOwner.Planning or StageOwner.Executive).ToList();
        var appraisal = await personnel.WaitingAsync(Actor, await personnel.StaffIdsOfAsync(me.UserId), y, today);
        return View("Waiting", new WaitingModel(new WorkListModel(work, today), cityWide, today) { Personnel = appraisal, Other = await other.ForAsync(Actor, org, y, today) });
    }
}
