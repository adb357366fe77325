using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Cycle;

/// The reminders written to one user, newest first, a page at a time.
public sealed class ReminderPages(AppDbContext db) : IUseCase
{
    public async Task<ReminderPage> PageAsync(string userId, int page, int pageSize)
    {
        var mine = db.Reminders.AsNoTracking().Where(r => r.UserId == userId);
        var total = await mine.CountAsync();
        page = Math.Clamp(page, 1, Math.Max(1, (int)(((long)total + pageSize - 1) / pageSize)));
        var items = await mine.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return new ReminderPage(items, page, pageSize, total, await mine.CountAsync(r => r.ReadAt == null));
    }
}

public sealed record ReminderPage(IReadOnlyList<Reminder> Items, int Page, int PageSize, int Total, int Unread);
