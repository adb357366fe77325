using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core;

/// The directory's accounts by immutable id, as the leavers' check reads them: those that may sign in and those
/// disabled. A linked id in neither was deleted from the directory.
public sealed record DirectoryAccounts(IReadOnlySet<string> Enabled, IReadOnlySet<string> Disabled);

/// Leaving ends access: a person marked 退職 in the staff register (from the day they leave), disabled in the directory
/// or deleted from it loses their account and every session. Run every minute or less by each app server; sessions
/// live in the database, so the one run that ends them ends them for every server.
public sealed class Leavers(AppDbContext db) : IUseCase
{
    public sealed record Ended(string UserId, string UserName, string Reason);

    public const string LeftReason = "退職";
    public const string DisabledReason = "ディレクトリで無効";
    public const string DeletedReason = "ディレクトリから削除";

    /// directory is null when there is no directory to ask (or it did not answer): only the staff register decides.
    /// A directory that knows none of the linked accounts is taken to be misread (a wrong base DN), not to have lost
    /// everyone: nobody is ended as deleted then, and Unrecognised says so for the log.
    public async Task<LeaversRun> EndAccessAsync(DateOnly today, string provider, DirectoryAccounts? directory, CancellationToken ct = default)
    {
        var left = await db.StaffMembers.AsNoTracking().Where(s => s.LeftOn != null && s.LeftOn <= today && s.UserId != null).Select(s => s.UserId!).ToListAsync(ct);
        var reasons = left.Distinct().ToDictionary(id => id, _ => LeftReason);
        var unrecognised = false;
        if (directory is not null)
        {
            var linked = await db.UserLogins.AsNoTracking().Where(l => l.LoginProvider == provider).Select(l => new { l.UserId, l.ProviderKey }).ToListAsync(ct);
            unrecognised = linked.Count > 0 && !linked.Any(l => directory.Enabled.Contains(l.ProviderKey) || directory.Disabled.Contains(l.ProviderKey));
            foreach (var l in linked)
            {
                if (reasons.ContainsKey(l.UserId) || directory.Enabled.Contains(l.ProviderKey)) continue;
                if (directory.Disabled.Contains(l.ProviderKey)) reasons[l.UserId] = DisabledReason;
                else if (!unrecognised) reasons[l.UserId] = DeletedReason;
            }
        }
        if (reasons.Count == 0) return new([], unrecognised);
        var ids = reasons.Keys.ToList();
        var people = await db.Users.Where(u => ids.Contains(u.Id) && u.IsActive).ToListAsync(ct);
        var ended = new List<Ended>();
        foreach (var user in people)
        {
            user.IsActive = false;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            ended.Add(new(user.Id, user.UserName ?? user.Id, reasons[user.Id]));
        }
        if (people.Count > 0) await db.SaveChangesAsync(ct);
        // Sessions of anyone the run found, deactivated now or before by an administrator on another server.
        await db.UserSessions.Where(s => ids.Contains(s.UserId)).ExecuteDeleteAsync(ct);
        return new(ended, unrecognised);
    }
}

public sealed record LeaversRun(IReadOnlyList<Leavers.Ended> Ended, bool Unrecognised);
