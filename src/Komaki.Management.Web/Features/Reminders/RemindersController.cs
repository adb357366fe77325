using Komaki.Management.Core.Common;
using Komaki.Management.Core.Cycle;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.Reminders;

/// 通知: the reminders written to the signed-in user; only the owner can see or mark them.
[Authorize]
[Route("Reminders")]
public sealed class RemindersController(ReminderPages pages, ReminderCommands commands, CurrentUser me) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1)
    {
        var mine = await pages.PageAsync(me.UserId, HttpContext.PageFor(page), HttpContext.PageSizeFor(50));
        return View(new RemindersModel(new Paged<Reminder>(mine.Items, mine.Page, mine.PageSize, mine.Total), mine.Unread));
    }

    [HttpPost("Read")]
    public async Task<IActionResult> Read(int? id)
    {
        await commands.MarkReadAsync(me.UserId, id, Clock.UtcNow);
        return RedirectToAction(nameof(Index));
    }
}
