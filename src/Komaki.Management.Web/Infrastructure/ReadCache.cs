using System.Collections.Concurrent;
using Komaki.Management.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Komaki.Management.Web.Infrastructure;

/// The versions of the data areas as the database holds them, read once per request (one small query) and again
/// after this request writes. Every app server reads the same rows, so a write on one is seen by the next request
/// on any.
public sealed class DataVersions
{
    // Compiled: the one statement every request sends before anything it shows is looked up.
    private static readonly CompiledPerModel<Func<AppDbContext, IEnumerable<DataVersionRow>>> Compiled =
        new(() => EF.CompileQuery((AppDbContext db) => db.DataVersions.AsNoTracking()));

    private static IEnumerable<DataVersionRow> Rows(AppDbContext db) => Compiled.For(db)(db);

    // The versions the last request read, with the stamps already made of them: between writes every request
    // reads the same rows and shares them. Immutable, so shared between requests (and between apps in one
    // process: what a set of versions stamps depends on the versions only).
    private static VersionSet? _last;

    private readonly AppDbContext _db;
    private VersionSet? _loaded;

    public DataVersions(AppDbContext db)
    {
        _db = db;
        db.VersionsBumped += () => _loaded = null;
    }

    /// "do:3|plan:12": the versions of the given areas.
    public string Stamp(IReadOnlyCollection<string> areas)
    {
        var read = _loaded ??= Load();
        if (read.Unmade(areas) is { } area)
        {
            Make(area);
            read = _loaded = Load();
        }
        return read.Stamp(areas);
    }

    /// A year's DataArea.IndicatorsUpTo gets its row the first time a read model names it, before anything is read
    /// under it: every write after that raises it. Two servers making it at once make one.
    private void Make(string area)
    {
        try
        {
            _db.Database.ExecuteSql($"INSERT INTO \"DataVersions\" (\"Area\", \"Version\") SELECT {area}, 0 WHERE NOT EXISTS (SELECT 1 FROM \"DataVersions\" WHERE \"Area\" = {area})");
        }
        catch (System.Data.Common.DbException) when (Rows(_db).Any(r => r.Area == area))
        {
        }
    }

    private VersionSet Load()
    {
        var rows = Rows(_db).ToList();
        var last = Volatile.Read(ref _last);
        if (last is not null && last.Holds(rows)) return last;
        var read = new VersionSet(rows);
        Volatile.Write(ref _last, read);
        return read;
    }

    /// One reading of the versions and the stamps made of it, one per set of areas.
    private sealed class VersionSet
    {
        // The known areas in stamp order; a set of them is a bit mask into the stamps made so far.
        private static readonly string[] Known = DataArea.All.Order(StringComparer.Ordinal).ToArray();
        private static readonly Dictionary<string, int> Bit = Known.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);

        private readonly List<DataVersionRow> _rows;
        private readonly Dictionary<string, long> _versions;
        private readonly string?[] _stamps = new string?[1 << Known.Length];

        public VersionSet(List<DataVersionRow> rows)
        {
            _rows = rows;
            _versions = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var r in rows) _versions[r.Area] = r.Version;
        }

        public bool Holds(List<DataVersionRow> rows)
        {
            if (rows.Count != _rows.Count) return false;
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Version != _rows[i].Version || !string.Equals(rows[i].Area, _rows[i].Area, StringComparison.Ordinal)) return false;
            }
            return true;
        }

        /// An area of a year (DataArea.IndicatorsUpTo) that has no row yet.
        public string? Unmade(IReadOnlyCollection<string> areas)
        {
            foreach (var a in areas)
            {
                if (!Bit.ContainsKey(a) && !_versions.ContainsKey(a) && a.StartsWith(DataArea.IndicatorsUpToPrefix, StringComparison.Ordinal)) return a;
            }
            return null;
        }

        public string Stamp(IReadOnlyCollection<string> areas)
        {
            var mask = 0;
            foreach (var a in areas)
            {
                if (!Bit.TryGetValue(a, out var bit)) return Made(areas);
                mask |= 1 << bit;
            }
            return _stamps[mask] ??= Made(Known.Where((_, i) => (mask & (1 << i)) != 0));
        }

        private string Made(IEnumerable<string> areas) =>
            string.Join('|', areas.Distinct().Order(StringComparer.Ordinal).Select(a => $"{a}:{_versions.GetValueOrDefault(a)}"));
    }
}

/// Read models that many people open and that take many rows to build (the PDCA board, the plan tree, roll-ups),
/// kept under the versions of the data areas they read (ADR 0008): what users see is never older than the last write
/// to those areas, and a write elsewhere does not empty them.
public sealed class ReadCache(IMemoryCache cache, DataVersions versions, ReadCacheBuilds builds, KeptFiles files)
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

    /// A file written from read models (a workbook costs more to write than its lines to read), kept under the versions of
    /// the areas it shows as a read model is, but in KeptFiles, whose size is bounded: the same bytes for every reader
    /// the key names until a write to those areas. Whoever asks has been authorised for what the key names before.
    public async Task<byte[]> FileAsync(string key, IReadOnlyCollection<string> areas, Func<Task<byte[]>> build)
    {
        var versioned = $"{key}@{versions.Stamp(areas)}";
        if (files.TryGet(versioned) is { } hit) return hit;
        return await builds.RunAsync(versioned, async () =>
        {
            var value = await build();
            files.Keep(versioned, value);
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

/// The files ReadCache keeps (workbooks per 部, per stage, per reader): at most Capacity bytes in all, the least
/// recently used dropped first, and one not read for a while dropped anyway. One per application.
public sealed class KeptFiles(long capacity = KeptFiles.Capacity) : IDisposable
{
    /// Enough for every 部's 査定調書 at every stage and the city's sheets of several years (tens of KB to a few MB each).
    public const long Capacity = 64L * 1024 * 1024;

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _files = new(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.25 });

    public byte[]? TryGet(string key) => _files.TryGetValue(key, out byte[]? file) ? file : null;

    /// A file larger than what is left is not kept (and the store is compacted for the next one).
    public void Keep(string key, byte[] file) =>
        _files.Set(key, file, new MemoryCacheEntryOptions { Size = file.Length + key.Length * sizeof(char), SlidingExpiration = Idle });

    public void Dispose() => _files.Dispose();
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
