using Komaki.Management.Core.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Komaki.Management.Web.Infrastructure;

/// Read models that many people open and that take many rows to build (the PDCA board, the plan tree, roll-ups),
/// kept until anything in the database changes (DataVersion). What users see is never older than the last write.
public sealed class ReadCache(IMemoryCache cache)
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> build)
    {
        var versioned = $"{key}@{DataVersion.Current}";
        if (cache.TryGetValue(versioned, out T? hit) && hit is not null) return hit;
        var value = await build();
        cache.Set(versioned, value, new MemoryCacheEntryOptions { SlidingExpiration = Idle });
        return value;
    }

    public T Get<T>(string key, Func<T> build)
    {
        var versioned = $"{key}@{DataVersion.Current}";
        if (cache.TryGetValue(versioned, out T? hit) && hit is not null) return hit;
        var value = build();
        cache.Set(versioned, value, new MemoryCacheEntryOptions { SlidingExpiration = Idle });
        return value;
    }
}
