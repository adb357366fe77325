using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Komaki.Management.Web.Infrastructure.Security;

/// Keeps sign-in tickets in the database (UserSession); the cookie carries only a random key. A session that was
/// signed out or ended for the user is gone for every server at the next request, and none outlives the absolute
/// lifetime, whatever the sliding expiry says.
///
/// Every request still reads its session's row (one keyed query, on the request's own context): a server keeps only
/// the ticket it last unpacked for a key together with the stored bytes it came from, and uses it when the row holds
/// exactly those bytes. A sign-out, a password or role change or 「すべての端末でサインアウト」 on any server deletes or
/// rewrites the row, so the next request on every server sees it — no delay, no sticky sessions; what is saved is the
/// unpacking of the ticket (and a scope and context of its own), about a quarter of a small page's CPU.
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider time, IOptions<SecurityOptions> options, IHttpContextAccessor http) : ITicketStore
{
    /// At most this many unpacked tickets are kept; past it the lot is dropped and unpacked again as used.
    private const int MaxKept = 10_000;

    private static readonly CompiledPerModel<Func<AppDbContext, string, Task<StoredTicket?>>> StoredOf = new(() => EF.CompileAsyncQuery((AppDbContext db, string key) =>
        db.UserSessions.AsNoTracking().Where(s => s.Id == key).Select(s => new StoredTicket(s.Ticket, s.ExpiresAt, s.CreatedAt)).FirstOrDefault()));

    private sealed record StoredTicket(byte[] Bytes, DateTime ExpiresAt, DateTime CreatedAt);

    private sealed record Unpacked(byte[] Bytes, AuthenticationTicket Ticket);

    private readonly ConcurrentDictionary<string, Unpacked> _unpacked = new(StringComparer.Ordinal);

    /// The claim that tells a request which of the person's sessions it belongs to (UserSession.HandleOf its key).
    public const string SessionClaim = "komaki:session";
    private TimeSpan Idle => TimeSpan.FromMinutes(options.Value.IdleMinutes);
    private TimeSpan Absolute => TimeSpan.FromHours(options.Value.AbsoluteHours);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Sessions that ended on their own are cleared as new ones begin.
        await db.UserSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        db.UserSessions.Add(NewRow(key, ticket, now));
        await db.SaveChangesAsync();
        return key;
    }

    private UserSession NewRow(string key, AuthenticationTicket ticket, DateTime now)
    {
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(SessionClaim).ToList()) identity.RemoveClaim(old);
            identity.AddClaim(new Claim(SessionClaim, UserSession.HandleOf(key)));
        }
        var request = http.HttpContext;
        return new UserSession
        {
            Id = key,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            ExpiresAt = Expiry(ticket, now, now),
            Device = Cut(request?.Request.Headers.UserAgent.ToString(), UserSession.DeviceMaxLength),
            Address = Cut(request?.Connection.RemoteIpAddress?.ToString(), UserSession.AddressMaxLength),
        };
    }

    private static string? Cut(string? text, int max) => string.IsNullOrEmpty(text) ? null : text.Length <= max ? text : text[..max];

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var now = time.GetUtcNow().UtcDateTime;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == key);
        // An ended key is never brought back: a sign-in always stores a new one (FreshSession).
        if (session is null) return;
        session.UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? session.UserId;
        session.Ticket = TicketSerializer.Default.Serialize(ticket);
        session.ExpiresAt = Expiry(ticket, session.CreatedAt, now);
        await db.SaveChangesAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // The request's own context when there is one (the authentication runs before anything else uses it).
        var mine = http.HttpContext?.RequestServices.GetService<AppDbContext>();
        using var scope = mine is null ? scopes.CreateScope() : null;
        var db = mine ?? scope!.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await StoredOf.For(db)(db, key);
        if (stored is null || stored.ExpiresAt <= now || stored.CreatedAt + Absolute <= now)
        {
            _unpacked.TryRemove(key, out _);
            if (stored is not null) await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
            return null;
        }
        if (!_unpacked.TryGetValue(key, out var kept) || !kept.Bytes.AsSpan().SequenceEqual(stored.Bytes))
        {
            if (TicketSerializer.Default.Deserialize(stored.Bytes) is not { } ticket) return null;
            if (_unpacked.Count >= MaxKept) _unpacked.Clear();
            _unpacked[key] = kept = new Unpacked(stored.Bytes, ticket);
        }
        // A copy: the handler and the request may change the principal or the properties they are given.
        // (ClaimsPrincipal.Clone shares the identities: each is cloned.)
        return new AuthenticationTicket(new ClaimsPrincipal(kept.Ticket.Principal.Identities.Select(i => i.Clone())), kept.Ticket.Properties.Clone(), kept.Ticket.AuthenticationScheme);
    }

    public async Task RemoveAsync(string key)
    {
        _unpacked.TryRemove(key, out _);
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private DateTime Expiry(AuthenticationTicket ticket, DateTime created, DateTime now)
    {
        var sliding = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + Idle;
        var absolute = created + Absolute;
        return sliding < absolute ? sliding : absolute;
    }
}

/// Points the cookie handler at the ticket store and the app's clock (both need the service provider, so they are set
/// once options are built).
public sealed class TicketStoreSetup(DatabaseTicketStore store, TimeProvider time) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        options.SessionStore = store;
        options.TimeProvider = time;
    }
}
