using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Manifesto;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Publishing;

namespace Komaki.Management.Web.Features.Public;

/// The one place that decides what citizens may see: the current plan, published evaluations, the years of
/// indicator actuals and manifesto progress planning has published, answered citizen inputs marked public,
/// and closed forum sessions. The public pages and the open-data API both read through it.
public sealed class PublicData(AppDbContext db, CityClock clock)
{
    /// Rows per page of a public list.
    public const int PageSize = 50;

    private readonly Dictionary<PublicationKind, IReadOnlyList<int>> _years = [];

    public async Task<IReadOnlyList<int>> YearsAsync(PublicationKind kind)
    {
        if (_years.TryGetValue(kind, out var cached)) return cached;
        var years = await db.Publications.AsNoTracking().Where(p => p.Kind == kind).OrderBy(p => p.FiscalYear).Select(p => p.FiscalYear).ToListAsync();
        return _years[kind] = years;
    }

    /// The evaluation years whose 評価の効き目 the 財政課 has published (each edition is its own snapshot: EffectPublications).
    public Task<List<int>> BudgetEffectYearsAsync() => db.EffectPublications.AsNoTracking().Select(p => p.FiscalYear).Distinct().OrderBy(y => y).ToListAsync();

    public Task<BasicPlan?> PlanAsync() => PlanRollUp.CurrentBasicPlanAsync(db, clock.FiscalYear);

    public IQueryable<Measure> Measures(int basicPlanId) =>
        db.Measures.AsNoTracking().Where(m => m.RetiredAt == null && m.Policy!.RetiredAt == null && m.Policy.BasicPlanId == basicPlanId);

    public IQueryable<ProjectEvaluation> Evaluations => db.ProjectEvaluations.AsNoTracking().Where(e => e.State == EvaluationState.Published);

    public IQueryable<CitizenInput> Voices => db.CitizenInputs.AsNoTracking().Where(c => c.IsPublished && c.Answer != null && c.Answer != "");

    public IQueryable<ExternalReview> ClosedSessions => db.ExternalReviews.AsNoTracking().Where(s => s.IsClosed);

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

    /// A published evaluation's sheet: its costs and indicators as published (or, for one published before sheets were
    /// kept, as they read now, said so), actuals only of published years, and the corrections made since beside them.
    public async Task<PublicEvaluationSheet> EvaluationSheetAsync(ProjectEvaluation e)
    {
        var (sheet, kept) = (await SheetsAsync([e]))[e.Id];
        var published = (await YearsAsync(PublicationKind.IndicatorActuals)).ToHashSet();
        var ids = sheet.Indicators.Select(i => i.Id).ToList();
        var now = await db.IndicatorValues.AsNoTracking().Where(v => ids.Contains(v.IndicatorId)).ToListAsync();
        var corrections = new List<Evaluations.SheetCorrection>();
        foreach (var i in sheet.Indicators)
            foreach (var v in i.Values.Where(v => published.Contains(v.Year)))
                if (now.FirstOrDefault(x => x.IndicatorId == i.Id && x.FiscalYear == v.Year) is { } current && current.Actual != v.Actual)
                    corrections.Add(new(i.Name, i.Unit, v.Year, v.Actual, current.Actual, current.CorrectedAt, current.CorrectionReason));
        return new PublicEvaluationSheet(sheet, kept, published, corrections);
    }

    /// The sheets of published evaluations as citizens see them (the public sheet and open data alike): as published
    /// (Kept), or as they read now for those published before sheets were kept; actuals of unpublished years left out.
    public async Task<Dictionary<int, (PublishedSheet Sheet, bool Kept)>> SheetsAsync(IReadOnlyList<ProjectEvaluation> evaluations)
    {
        var older = evaluations.Where(e => string.IsNullOrEmpty(e.PublishedSheet)).ToList();
        // Taken even when every sheet was kept, so a list sends the same queries whatever mix of years it holds.
        var taken = await PublishedSheet.TakeAsync(db, older, clock.UtcNow);
        var keptSheets = evaluations.ToDictionary(e => e.Id, e => PublishedSheet.Read(e.PublishedSheet));
        // Sheets kept before the project was kept with them name it as it reads now.
        var unnamed = await PublishedSheet.ProjectsAsync(db, evaluations.Where(e => keptSheets[e.Id] is { Project: null }).ToList());
        var published = (await YearsAsync(PublicationKind.IndicatorActuals)).ToHashSet();
        return evaluations.ToDictionary(e => e.Id, e =>
        {
            var kept = keptSheets[e.Id];
            var sheet = kept ?? taken[e.Id] with { TakenAt = e.PublishedAt ?? clock.UtcNow };
            return (sheet with
            {
                Project = sheet.Project ?? unnamed[e.Id],
                Indicators = sheet.Indicators.Select(i => i with { Values = i.Values.Select(v => published.Contains(v.Year) ? v : v with { Actual = null }).ToList() }).ToList(),
            }, kept is not null);
        });
    }

    public Task<string?> PlanNameAsync(BasicPlan plan) =>
        db.ComprehensivePlans.Where(c => c.Id == plan.ComprehensivePlanId).Select(c => (string?)c.Name).FirstOrDefaultAsync();

    /// The plan's policies rolled up with only the actuals of published years.
    public async Task<IReadOnlyList<PolicyRollUp>> PoliciesAsync(BasicPlan plan, int? year) =>
        await PlanRollUp.LoadAsync(db, plan.Id, year ?? 0, (await YearsAsync(PublicationKind.IndicatorActuals)).ToHashSet());

    public Task<string?> UnitNameAsync(int? unitId) => db.OrgUnits.Where(u => u.Id == unitId).Select(u => (string?)u.Name).FirstOrDefaultAsync();

    /// A measure's current projects, each with its latest published evaluation.
    public async Task<List<(int Id, string Code, string Name, int? EvaluationId, int? Year, Direction? Direction)>> ProjectsOfAsync(int measureId) =>
        (await db.Projects.AsNoTracking().Where(p => p.MeasureId == measureId && p.RetiredAt == null).OrderBy(p => p.SortOrder).ThenBy(p => p.Code)
            .Select(p => new
            {
                p.Id, p.Code, p.Name,
                Latest = Evaluations.Where(e => e.ProjectId == p.Id).OrderByDescending(e => e.FiscalYear).Select(e => new { e.Id, e.FiscalYear, e.SecondDirection, e.FirstDirection }).FirstOrDefault(),
            }).ToListAsync())
        .Select(p => (p.Id, p.Code, p.Name, p.Latest?.Id, p.Latest?.FiscalYear, p.Latest is null ? null : p.Latest.SecondDirection ?? p.Latest.FirstDirection)).ToList();

    /// The measure's assessments of published years.
    public async Task<List<(int Year, string Assessment, Direction? Direction, (DateTime At, string Reason, string Assessment, Direction? Direction)? Correction)>> AssessmentsAsync(int measureId)
    {
        var years = await YearsAsync(PublicationKind.MeasureEvaluations);
        return (await db.MeasureEvaluations.AsNoTracking().Where(e => e.MeasureId == measureId && years.Contains(e.FiscalYear) && e.Assessment != "")
            .OrderByDescending(e => e.FiscalYear).Select(e => new { e.FiscalYear, e.Assessment, e.Direction, e.CorrectedAt, e.CorrectionReason, e.AsPublished, e.AsPublishedDirection }).ToListAsync())
            .Select(e => (e.FiscalYear, e.Assessment, e.Direction,
                e.CorrectedAt is DateTime at ? (at, e.CorrectionReason ?? "", e.AsPublished ?? "", e.AsPublishedDirection) : ((DateTime, string, string, Direction?)?)null)).ToList();
    }

    /// The manifesto with the progress of published years only.
    public async Task<ManifestoStanding?> ManifestoAsync() => await ManifestoStanding.LoadAsync(db, await YearsAsync(PublicationKind.ManifestoProgress));
}
