namespace Komaki.Management.Core.Identity;

/// Leaving ends access: a person marked 退職 in the staff register (from the day they leave) or disabled in the
/// directory loses their account and every session. Run every minute or less by each app server; sessions live in the
/// database, so the one run that ends them ends them for every server.
public sealed class Leavers(AppDbContext db) : IUseCase
{
    public sealed record Ended(string UserId, string UserName, string Reason);

    public async Task<IReadOnlyList<Ended>> EndAccessAsync(DateOnly today, string provider, IReadOnlyCollection<string> disabledKeys, CancellationToken ct = default)
    {
        var left = await db.StaffMembers.AsNoTracking().Where(s => s.LeftOn != null && s.LeftOn <= today && s.UserId != null).Select(s => s.UserId!).ToListAsync(ct);
        var disabled = disabledKeys.Count == 0 ? []
            : await db.UserLogins.AsNoTracking().Where(l => l.LoginProvider == provider && disabledKeys.Contains(l.ProviderKey)).Select(l => l.UserId).ToListAsync(ct);
        var ids = left.Concat(disabled).Distinct().ToList();
        if (ids.Count == 0) return [];
        var people = await db.Users.Where(u => ids.Contains(u.Id) && u.IsActive).ToListAsync(ct);
        var ended = new List<Ended>();
        foreach (var user in people)
        {
            user.IsActive = false;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            ended.Add(new(user.Id, user.UserName ?? user.Id, left.Contains(user.Id) ? "退職" : "ディレクトリで無効"));
        }
        if (people.Count > 0) await db.SaveChangesAsync(ct);
        // Sessions of anyone the run found, deactivated now or before by an administrator on another server.
        await db.UserSessions.Where(s => ids.Contains(s.UserId)).ExecuteDeleteAsync(ct);
        return ended;
    }
}
