using Komaki.Management.Core.Data;

namespace Komaki.Management.Web.Infrastructure;

/// The unread-reminder count in the menu bar.
public sealed class ReminderBadgeViewComponent(AppDbContext db, CurrentUser user, ReadCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await cache.GetAsync($"unread:{user.UserId}", [DataArea.Cycle], () => db.Reminders.CountAsync(r => r.UserId == user.UserId && r.ReadAt == null)));
}
