using System.Collections.Concurrent;
using Komaki.Management.Core.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Komaki.Management.Web.Infrastructure;

/// The versions of the data areas as the database holds them, read once per request (one small query) and again
/// after this request writes. Every app server reads the same rows, so a write on one is seen by the next request
/// on any.
public sealed class DataVersions
{
    private readonly AppDbContext _db;
    private Dictionary<string, long>? _loaded;

    public DataVersions(AppDbContext db)
    {
        _db = db;
        db.VersionsBumped += () => _loaded = null;
    }

    /// "do:3|plan:12": the versions of the given areas.
    public string Stamp(IReadOnlyCollection<string> areas)
    {
        _loaded ??= _db.DataVersions.AsNoTracking().ToDictionary(v => v.Area, v => v.Version);
        return string.Join('|', areas.Order(StringComparer.Ordinal).Select(a => $"{a}:{_loaded.GetValueOrDefault(a)}"));
    }
}

/// Read models that many people open and that take many rows to build (the PDCA board, the plan tree, roll-ups),
/// kept under the versions of the data areas they read (ADR 0008): what users see is never older than the last write
/// to those areas, and a write elsewhere does not empty them.
public sealed class ReadCache(IMemoryCache cache, DataVersions versions, ReadCacheBuilds builds)
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);

    /// areas: every area the build reads (DataArea). Naming too few serves a stale page; DataArea.All is the safe
    /// choice for a read model that shows a bit of everything.
    public async Task<T> GetAsync<T>(string key, IReadOnlyCollection<string> areas, Func<Task<T>> build)
    {
        var versioned = $"{key}@{versions.Stamp(areas)}";
        if (cache.TryGetValue(versioned, out T? hit) && hit is not null) return hit;
        return await builds.RunAsync(versioned, async () =>
        {
            var value = await build();
            cache.Set(versioned, value, new MemoryCacheEntryOptions { SlidingExpiration = Idle });
            return value;
        });
    }

    public T Get<T>(string key, IReadOnlyCollection<string> areas, Func<T> build)
    {
        var versioned = $"{key}@{versions.Stamp(areas)}";
        if (cache.TryGetValue(versioned, out T? hit) && hit is not null) return hit;
        var value = build();
        cache.Set(versioned, value, new MemoryCacheEntryOptions { SlidingExpiration = Idle });
        return value;
    }
}

/// The builds under way, one per versioned key: when a write makes a busy page's read model unreachable, the 32
/// requests that arrive next wait for one build instead of making 32 (the first request pays, the rest share it).
/// One per application (a singleton), so two apps in one process never share a build.
public sealed class ReadCacheBuilds
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> _running = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string key, Func<Task<T>> build)
    {
        var mine = new Lazy<Task<object?>>(async () => await build());
        var running = _running.GetOrAdd(key, mine);
        try
        {
            return (T)(await running.Value)!;
        }
        finally
        {
            // Whoever finishes first removes the entry: a failed build is tried afresh by the next request.
            _running.TryRemove(new KeyValuePair<string, Lazy<Task<object?>>>(key, running));
        }
    }
}
