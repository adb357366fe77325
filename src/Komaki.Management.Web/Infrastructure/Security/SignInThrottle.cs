using System.Threading.RateLimiting;

namespace Komaki.Management.Web.Infrastructure.Security;

/// At most a few sign-in and password-change attempts per minute for one account name, whoever sends them and
/// whether or not the account exists (the per-address limit is the rate limiter's "sign-in" policy).
public sealed class SignInThrottle(IOptions<SecurityOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInsPerAccountPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// False when the account name has had too many attempts this minute.
    public bool TryAttempt(string? account)
    {
        using var lease = _limiter.AttemptAcquire((account ?? "").Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
