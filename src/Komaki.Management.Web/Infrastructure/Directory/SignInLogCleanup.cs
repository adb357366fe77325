using Komaki.Management.Core.Identity;

namespace Komaki.Management.Web.Infrastructure.Directory;

/// Removes sign-in records older than SignInLog:RetentionDays (default 1,095 days, about 3 years) every
/// SignInLog:CleanupHours; every server may run it, deleting by age is the same whoever does it.
public sealed class SignInLogCleanup(IServiceScopeFactory scopes, IConfiguration config, TimeProvider time, ILogger<SignInLogCleanup> log) : BackgroundService
{
    public int RetentionDays => config.GetValue<int?>("SignInLog:RetentionDays") ?? SignInHistory.DefaultRetentionDays;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(Math.Max(1, config.GetValue<int?>("SignInLog:CleanupHours") ?? 6)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again.
                log.LogError(e, "Removing old sign-in records failed");
            }
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var removed = await scope.ServiceProvider.GetRequiredService<SignInHistory>().PurgeAsync(RetentionDays, ct);
        if (removed > 0) log.LogInformation("Removed {Count} sign-in records older than {Days} days", removed, RetentionDays);
        return removed;
    }
}
