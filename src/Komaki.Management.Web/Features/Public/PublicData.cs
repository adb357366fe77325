namespace Komaki.Management.Web.Features.Public;

/// The one place that decides what citizens may see: the current plan, published evaluations, the years of
/// indicator actuals and manifesto progress planning has published, answered citizen inputs marked public,
/// and closed forum sessions. The public pages and the open-data API both read through it.
public sealed class PublicData(AppDbContext db, CityClock clock)
{
    private readonly Dictionary<PublicationKind, IReadOnlyList<int>> _years = [];

    public AppDbContext Db => db;

    public async Task<IReadOnlyList<int>> YearsAsync(PublicationKind kind)
    {
        if (_years.TryGetValue(kind, out var cached)) return cached;
        var years = await db.Publications.AsNoTracking().Where(p => p.Kind == kind).OrderBy(p => p.FiscalYear).Select(p => p.FiscalYear).ToListAsync();
        return _years[kind] = years;
    }

    public Task<BasicPlan?> PlanAsync() => PlanRollUp.CurrentBasicPlanAsync(db, clock.FiscalYear);

    public IQueryable<Measure> Measures(int basicPlanId) =>
        db.Measures.AsNoTracking().Where(m => m.RetiredAt == null && m.Policy!.RetiredAt == null && m.Policy.BasicPlanId == basicPlanId);

    public IQueryable<ProjectEvaluation> Evaluations => db.ProjectEvaluations.AsNoTracking().Where(e => e.State == EvaluationState.Published);

    public IQueryable<CitizenInput> Voices => db.CitizenInputs.AsNoTracking().Where(c => c.IsPublished && c.Answer != null && c.Answer != "");

    public IQueryable<ForumSession> ClosedSessions => db.ForumSessions.AsNoTracking().Where(s => s.IsClosed);

    /// A measure's indicators with every target (targets are part of the published plan) and only the actuals of
    /// published years; the copies are detached, so clearing an actual never reaches the database.
    public async Task<List<Indicator>> IndicatorsAsync(IReadOnlyCollection<int> measureIds)
    {
        var published = (await YearsAsync(PublicationKind.IndicatorActuals)).ToHashSet();
        var list = await db.Indicators.AsNoTracking().Include(i => i.Values)
            .Where(i => i.MeasureId != null && measureIds.Contains(i.MeasureId.Value) && i.RetiredAt == null)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync();
        foreach (var v in list.SelectMany(i => i.Values).Where(v => !published.Contains(v.FiscalYear))) v.Actual = null;
        return list;
    }
}
