namespace Komaki.Management.Web.Features.Reminders;

/// 通知: the reminders written to the signed-in user; only the owner can see or mark them.
[Authorize]
[Route("Reminders")]
public sealed class RemindersController(AppDbContext db) : AppController(db)
{
    private string UserId => HttpContext.RequestServices.GetRequiredService<CurrentUser>().UserId;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1)
    {
        var mine = Db.Reminders.AsNoTracking().Where(r => r.UserId == UserId);
        var paged = await mine.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToPagedAsync(HttpContext.PageFor(page), HttpContext.PageSizeFor(50));
        return View(new RemindersModel(paged, await mine.CountAsync(r => r.ReadAt == null)));
    }

    [HttpPost("Read")]
    public async Task<IActionResult> Read(int? id)
    {
        var now = Clock.UtcNow;
        var query = Db.Reminders.Where(r => r.UserId == UserId && r.ReadAt == null);
        if (id is int one) query = query.Where(r => r.Id == one);
        await query.ExecuteUpdateAsync(s => s.SetProperty(r => r.ReadAt, now));
        await Db.RaiseVersionsAsync([DataArea.Cycle]);
        return RedirectToAction(nameof(Index));
    }
}
