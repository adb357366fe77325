using Komaki.Management.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.Core.Identity;

/// One signed-in session, kept on the server: the browser's cookie holds only its key. Signing out, a password
/// change, deactivation or an administrator's "sign out everywhere" deletes the rows, and the next request with a
/// copied cookie finds nothing — on every app server.
public sealed class UserSession
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    /// When the session ends unless used again (sliding).
    public DateTime ExpiresAt { get; set; }
}

public static class UserSessions
{
    /// Ends every session of the user (all devices, all servers) at their next request.
    public static Task<int> EndAllAsync(this AppDbContext db, string userId, CancellationToken ct = default) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    public static Task<int> CountActiveAsync(this AppDbContext db, string userId, DateTime now, CancellationToken ct = default) =>
        db.UserSessions.CountAsync(s => s.UserId == userId && s.ExpiresAt > now, ct);
}
