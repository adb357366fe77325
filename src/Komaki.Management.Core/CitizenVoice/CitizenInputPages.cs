using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.CitizenVoice;

/// Reads of the 市民の声 pages: the list by channel, status, measure and words, and one input with its links.
public sealed class CitizenInputPages(AppDbContext db) : IUseCase
{
    private IQueryable<CitizenInput> WithLinks() =>
        db.CitizenInputs.AsNoTracking().Include(c => c.Links).ThenInclude(l => l.Measure).Include(c => c.Links).ThenInclude(l => l.Project);

    public Task<CitizenInput?> FindAsync(int id) => WithLinks().FirstOrDefaultAsync(c => c.Id == id);

    /// Newest first; words are looked for in the summary and the city's answer.
    public Task<Paged<CitizenInput>> PageAsync(string? words, CitizenChannel? channel, CitizenInputStatus? status, int? measureId, int page, int pageSize)
    {
        var query = WithLinks();
        if (!string.IsNullOrWhiteSpace(words))
        {
            var q = words.Trim();
            query = query.Where(c => c.Summary.Contains(q) || (c.Answer != null && c.Answer.Contains(q)));
        }
        if (channel is CitizenChannel ch) query = query.Where(c => c.Channel == ch);
        if (status is CitizenInputStatus st) query = query.Where(c => c.Status == st);
        if (measureId is int m) query = query.Where(c => c.Links.Any(l => l.MeasureId == m || l.Project!.MeasureId == m));
        return query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).ToPagedAsync(page, pageSize);
    }
}
