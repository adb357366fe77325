using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Publishing;

/// One project indicator whose actual for a published year was never entered.
public sealed record UnenteredActual(int IndicatorId, string IndicatorName, string Unit, decimal? Target, string ProjectCode, string ProjectName, int UnitId);

/// The actuals of a published year still missing: after publication the divisions can no longer type them and
/// planning enters them as 未入力 (not 訂正). 対応待ち counts them per 課; this lists one 課's.
public sealed class UnenteredActuals(AppDbContext db) : IUseCase
{
    public async Task<bool> IsPublishedAsync(int year, CancellationToken ct = default) =>
        await db.PublishedActualYears.AnyAsync(y => y == year, ct);

    /// Units null: every unit's.
    public static IQueryable<Indicator> Missing(AppDbContext db, int year, IReadOnlyCollection<int>? units) =>
        db.Indicators.AsNoTracking()
            .Where(i => i.RetiredAt == null && i.ProjectId != null && (units == null || units.Contains(i.Project!.OwnerUnitId))
                && i.Values.Any(v => v.FiscalYear == year && v.Target != null && v.Actual == null));

    public static async Task<IReadOnlyList<(int UnitId, int Count)>> CountByUnitAsync(AppDbContext db, int year, CancellationToken ct = default) =>
        (await Missing(db, year, null).GroupBy(i => i.Project!.OwnerUnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => (g.Key, g.Count)).ToList();

    public async Task<IReadOnlyList<UnenteredActual>> OfUnitAsync(int year, IReadOnlyCollection<int> units, CancellationToken ct = default) =>
        (await Missing(db, year, units)
            .Select(i => new UnenteredActual(i.Id, i.Name, i.Unit, i.Values.Where(v => v.FiscalYear == year).Select(v => v.Target).FirstOrDefault(),
                i.Project!.Code, i.Project.Name, i.Project.OwnerUnitId))
            .ToListAsync(ct))
        .OrderBy(a => a.ProjectCode, CodeOrder.Instance).ThenBy(a => a.IndicatorName, StringComparer.Ordinal).ToList();
}
