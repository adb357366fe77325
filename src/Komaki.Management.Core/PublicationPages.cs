using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Publishing;

namespace Komaki.Management.Core;

/// What the publications page counts: the years planning published, and what else is public one by one (published
/// evaluations, citizen input marked public, closed forum sessions). It reads Evaluation and CitizenVoice, so it sits
/// above the features rather than in Publishing.
public sealed class PublicationPages(AppDbContext db) : IUseCase
{
    /// What the page counts: publications, published evaluations, citizen inputs and forum sessions.
    public static readonly IReadOnlyList<string> Areas = [DataArea.Publishing, DataArea.Check, DataArea.Voice];

    /// The years from five before this one (or the first published, if earlier) to this one, newest first.
    public async Task<PublicationOverview> OverviewAsync(int current)
    {
        var published = await db.Publications.AsNoTracking().ToListAsync();
        var from = Math.Min(current - 5, published.Select(p => p.FiscalYear).DefaultIfEmpty(current).Min());
        var evaluations = await db.ProjectEvaluations.Where(e => e.State == EvaluationState.Published).GroupBy(e => e.FiscalYear)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return new PublicationOverview(Enumerable.Range(from, current - from + 1).Reverse().ToList(), published, evaluations,
            await db.CitizenInputs.CountAsync(c => c.IsPublished), await db.CitizenInputs.CountAsync(c => c.Answer != null && c.Answer != ""),
            await db.ExternalReviews.CountAsync(s => s.IsClosed));
    }
}

public sealed record PublicationOverview(IReadOnlyList<int> Years, IReadOnlyList<Publication> Published, IReadOnlyDictionary<int, int> EvaluationsPublished,
    int VoicesPublished, int VoicesAnswered, int ClosedSessions);
