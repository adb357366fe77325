using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Web.Infrastructure;

/// The judgment bands planning has set, or the defaults (S ≥100, A ≥80, B ≥60, C) until they do. Read once per request.
public sealed class JudgmentBands(AppDbContext db, ReadCache cache)
{
    private IReadOnlyList<JudgmentBand>? _bands;

    public async Task<IReadOnlyList<JudgmentBand>> GetAsync()
    {
        if (_bands is not null) return _bands;
        var stored = await cache.GetAsync("bands", [DataArea.Settings], () => db.JudgmentBands.AsNoTracking().OrderByDescending(b => b.MinPercent).ToListAsync());
        return _bands = stored.Count > 0 ? stored : JudgmentBand.Defaults();
    }
}
