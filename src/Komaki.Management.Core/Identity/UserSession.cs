using System.Security.Cryptography;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

/// One signed-in session, kept on the server: the browser's cookie holds only its key. Signing out, a password
/// change, deactivation or an administrator's "sign out everywhere" deletes the rows, and the next request with a
/// copied cookie finds nothing — on every app server.
[DataArea(DataArea.None)]
public sealed class UserSession
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    /// When the session ends unless used again (sliding).
    public DateTime ExpiresAt { get; set; }
    /// The browser and address it was signed in from, so the person can tell their sessions apart.
    public string? Device { get; set; }
    public string? Address { get; set; }

    public const int DeviceMaxLength = 200;
    public const int AddressMaxLength = 64;

    /// A handle is this many characters of its key's hash.
    public const int HandleLength = 16;

    /// What identifies a session on screen and in forms: the key itself is the cookie's secret and never leaves the server.
    public static string HandleOf(string key) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(key)))[..HandleLength];
}

public static class UserSessions
{
    /// Ends every session of the user (all devices, all servers) at their next request.
    public static Task<int> EndAllAsync(this AppDbContext db, string userId, CancellationToken ct = default) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    /// Ends the user's sessions whose handles are given, never another user's.
    public static async Task<int> EndAsync(this AppDbContext db, string userId, IReadOnlyCollection<string> handles, CancellationToken ct = default)
    {
        var keys = (await db.UserSessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(ct)).Where(k => handles.Contains(UserSession.HandleOf(k))).ToList();
        return await db.UserSessions.Where(s => s.UserId == userId && keys.Contains(s.Id)).ExecuteDeleteAsync(ct);
    }

    public static Task<int> CountActiveAsync(this AppDbContext db, string userId, DateTime now, CancellationToken ct = default) =>
        db.UserSessions.CountAsync(s => s.UserId == userId && s.ExpiresAt > now, ct);
}
