using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Cycle;

/// Marking reminders read: only the owner's, one or all of them.
public sealed class ReminderCommands(AppDbContext db) : IUseCase
{
    public async Task MarkReadAsync(string userId, int? id, DateTime now)
    {
        var query = db.Reminders.Where(r => r.UserId == userId && r.ReadAt == null);
        if (id is int one) query = query.Where(r => r.Id == one);
        await query.ExecuteUpdateAsync(s => s.SetProperty(r => r.ReadAt, now));
        await db.RaiseVersionsAsync([DataArea.Cycle]);
    }
}
