using System.Diagnostics;

namespace Komaki.Management.IntegrationTests.Support;

/// For what the system promises "within" a time (a session ended within a minute): ask again every tenth of a second
/// until it holds, so the test waits only as long as the system takes, and fail at the promised limit.
public static class Eventually
{
    public static async Task<bool> HoldsWithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (clock.Elapsed < limit)
        {
            if (await condition()) return true;
            await tick.WaitForNextTickAsync();
        }
        return await condition();
    }
}
