using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

/// The fiscal years any page, form or file may be about: ten years before the first plan period this city keeps, to
/// five after the last one (or after the current year). 2147483647 is not a year a city plans for.
public sealed record FiscalYearRange(int First, int Last)
{
    public bool Contains(int year) => year >= First && year <= Last;

    public static async Task<FiscalYearRange> LoadAsync(AppDbContext db, int currentFiscalYear, CancellationToken ct = default)
    {
        var plans = await db.ComprehensivePlans.AsNoTracking().Select(p => new { p.StartYear, p.EndYear }).ToListAsync(ct);
        var first = plans.Count == 0 ? currentFiscalYear : Math.Min(plans.Min(p => p.StartYear), currentFiscalYear);
        var last = plans.Count == 0 ? currentFiscalYear : Math.Max(plans.Max(p => p.EndYear), currentFiscalYear);
        return new FiscalYearRange(first - 10, last + 5);
    }

    public string Describe() => $"{Common.Wareki.FiscalYear(First)}〜{Common.Wareki.FiscalYear(Last)}";
}
