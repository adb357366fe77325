using Komaki.Management.Core.Identity;

namespace Komaki.Management.Web.Infrastructure.Directory;

/// A change to who may sign in and as what — an account made or changed, a role granted, a password or second factor
/// reset, sessions ended, a group mapping, a 退職日 — kept in the サインイン記録 under the actor's name and written as
/// event 3207 for the log server. Every POST of the account-managing controllers calls it (PrivilegedActionsTests).
public sealed class PrivilegedLog(SignInHistory history, ILogger<PrivilegedLog> log)
{
    public async Task RecordAsync(HttpContext http, string? targetUserId, string what)
    {
        var actor = http.User.Identity?.Name;
        var address = http.Connection.RemoteIpAddress?.ToString();
        log.LogInformation(SignInEvents.PrivilegedAction, "{What}: by {Actor} from {Address}, user {UserId}", what, actor, address, targetUserId);
        await history.RecordAsync(SignInKinds.Privileged, actor, targetUserId, true, what, address);
    }
}
