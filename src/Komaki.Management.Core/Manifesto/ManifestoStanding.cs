using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Manifesto;

/// Correction: of the latest published progress; ItemCorrection: of the promise's own wording.
public sealed record ItemStanding(int Id, string Number, string Area, string Title, ManifestoStatus? Status, int? Year, string? Commentary, PublicCorrection? Correction = null,
    PublicCorrection? ItemCorrection = null);

/// Each promise of a term with its latest reported progress: what the mayor's view and the public site count by status.
public sealed record ManifestoStanding(MayorTerm Term, IReadOnlyList<ItemStanding> Items)
{
    public int Count(ManifestoStatus? status) => Items.Count(i => i.Status == status);

    /// The newest term, or null when none has been entered. With `years`, only progress reported for those fiscal
    /// years counts (the public site passes the years planning has published).
    public static async Task<ManifestoStanding?> LoadAsync(AppDbContext db, IReadOnlyCollection<int>? years = null)
    {
        var term = await db.MayorTerms.AsNoTracking().OrderByDescending(t => t.StartDate).FirstOrDefaultAsync();
        if (term is null) return null;
        var items = await db.ManifestoItems.AsNoTracking().Where(i => i.MayorTermId == term.Id)
            .Select(i => new
            {
                i.Id, i.Number, i.Area, i.Title, i.SortOrder, i.CorrectedAt, i.CorrectionReason, i.AsPublished,
                Latest = db.ManifestoProgress.Where(p => p.ManifestoItemId == i.Id && (years == null || years.Contains(p.FiscalYear)))
                    .OrderByDescending(p => p.FiscalYear).Select(p => new { p.Status, p.FiscalYear, p.Commentary, p.CorrectedAt, p.CorrectionReason, p.AsPublished, p.AsPublishedStatus }).FirstOrDefault(),
            }).ToListAsync();
        return new ManifestoStanding(term, items.OrderBy(i => i.SortOrder).ThenBy(i => i.Number, CodeOrder.Instance)
            .Select(i => new ItemStanding(i.Id, i.Number, i.Area, i.Title, i.Latest?.Status, i.Latest?.FiscalYear, i.Latest?.Commentary,
                PublicCorrection.Of(i.Latest?.CorrectedAt, i.Latest?.CorrectionReason, ManifestoProgress.Shown(i.Latest?.AsPublishedStatus, i.Latest?.AsPublished)),
                PublicCorrection.Of(i.CorrectedAt, i.CorrectionReason, i.AsPublished))).ToList());
    }
}
