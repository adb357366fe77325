using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Manifesto;

public sealed record MatrixColumn(int PolicyId, string Code, string Name);

/// Measures and Projects: "code name", as staff read them in the cell.
public sealed record MatrixCell(bool Policy, IReadOnlyList<string> Measures, IReadOnlyList<string> Projects)
{
    public bool Any => Policy || Measures.Count > 0 || Projects.Count > 0;
}

public sealed record MatrixRow(ManifestoItem Item, ItemCoverage Coverage, IReadOnlyDictionary<int, MatrixCell> Cells, ManifestoStatus? Status);

public sealed record ManifestoIndexModel(
    IReadOnlyList<MayorTerm> Terms, MayorTerm? Term, IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRow> Rows,
    IReadOnlyDictionary<Coverage, int> CoverageCounts, IReadOnlyDictionary<ManifestoStatus, int> StatusCounts, int Year,
    Coverage? Filter, string? Area, IReadOnlyList<string> Areas, bool CanEdit, string? EditionName,
    IReadOnlyDictionary<int, Landing>? Landings = null, string? PreviousEditionName = null);

public sealed record LinkedElement(int LinkId, PlanLevel Level, int ElementId, string Code, string Name, bool Retired);

public sealed record EvidenceIndicator(int Id, string Owner, string Name, string Unit, int? Year, decimal? Target, decimal? Actual, IndicatorJudgment? Judgment);

public sealed record ItemDetailsModel(
    ManifestoItem Item, ItemCoverage Coverage, IReadOnlyList<LinkedElement> Links, IReadOnlyList<(int Id, string Code, string Name, bool Funded)> Projects,
    IReadOnlyList<EvidenceIndicator> Indicators, IReadOnlyList<ManifestoProgress> Progress, bool CanEdit, int Year, IReadOnlyCollection<int> PublishedYears);

/// Reads of the マニフェスト pages: the traceability matrix of a term and one promise with its evidence.
public sealed class ManifestoPages(AppDbContext db) : IUseCase
{
    public async Task<ManifestoIndexModel> MatrixAsync(int? termId, Coverage? coverage, string? area, int year, bool canEdit)
    {
        var terms = await db.MayorTerms.AsNoTracking().OrderByDescending(t => t.StartDate).ToListAsync();
        var term = terms.FirstOrDefault(t => t.Id == termId) ?? terms.FirstOrDefault();
        if (term is null) return new ManifestoIndexModel(terms, null, [], [], new Dictionary<Coverage, int>(), new Dictionary<ManifestoStatus, int>(), year, coverage, area, [], canEdit, null);

        var basicPlan = await CurrentBasicPlanAsync(year);
        var items = await db.ManifestoItems.AsNoTracking().Where(i => i.MayorTermId == term.Id)
            .Include(i => i.Links).ThenInclude(l => l.Measure)
            .Include(i => i.Links).ThenInclude(l => l.Project).ThenInclude(p => p!.Measure)
            .Include(i => i.Links).ThenInclude(l => l.Policy)
            .Include(i => i.Progress)
            .ToListAsync();
        items = items.OrderBy(i => i.SortOrder).ThenBy(i => i.Number, StringComparer.Ordinal).ToList();
        var coverageOf = await ManifestoCoverage.ForTermAsync(db, term.Id, year);
        var columns = basicPlan is null ? [] : await db.Policies.AsNoTracking().Where(p => p.BasicPlanId == basicPlan.Id && p.RetiredAt == null)
            .OrderBy(p => p.SortOrder).Select(p => new MatrixColumn(p.Id, p.Code, p.Name)).ToListAsync();

        var rows = items.Select(i => new MatrixRow(i, coverageOf[i.Id],
            columns.ToDictionary(c => c.PolicyId, c => new MatrixCell(
                i.Links.Any(l => l.PolicyId == c.PolicyId),
                i.Links.Where(l => l.Measure?.PolicyId == c.PolicyId).Select(l => $"{l.Measure!.Code} {l.Measure.Name}").ToList(),
                i.Links.Where(l => l.Project?.Measure?.PolicyId == c.PolicyId).Select(l => $"{l.Project!.Code} {l.Project.Name}").ToList())),
            i.Progress.Where(p => p.FiscalYear <= year).OrderByDescending(p => p.FiscalYear).FirstOrDefault()?.Status)).ToList();
        var coverageCounts = rows.GroupBy(r => r.Coverage.Coverage).ToDictionary(g => g.Key, g => g.Count());
        var statusCounts = rows.Where(r => r.Status is not null).GroupBy(r => r.Status!.Value).ToDictionary(g => g.Key, g => g.Count());
        var areas = items.Select(i => i.Area).Distinct().ToList();
        if (coverage is Coverage c) rows = rows.Where(r => r.Coverage.Coverage == c).ToList();
        if (!string.IsNullOrEmpty(area)) rows = rows.Where(r => r.Item.Area == area).ToList();
        // When the plan has been redrawn, how each promise landed in the new edition.
        IReadOnlyDictionary<int, Landing>? landings = null;
        string? previousName = null;
        if (basicPlan?.CopiedFromId is int previousId)
        {
            landings = await ManifestoLanding.OfTermAsync(db, term.Id, previousId, basicPlan.Id);
            previousName = await db.BasicPlans.Where(b => b.Id == previousId).Select(b => b.Name).FirstAsync();
        }
        return new ManifestoIndexModel(terms, term, columns, rows, coverageCounts, statusCounts, year, coverage, area, areas, canEdit, basicPlan?.Name, landings, previousName);
    }

    public Task<ManifestoItem?> ItemAsync(int id) =>
        db.ManifestoItems.AsNoTracking().Include(i => i.MayorTerm).Include(i => i.Progress)
            .Include(i => i.Links).ThenInclude(l => l.Policy)
            .Include(i => i.Links).ThenInclude(l => l.Measure)
            .Include(i => i.Links).ThenInclude(l => l.Project)
            .FirstOrDefaultAsync(i => i.Id == id);

    public Task<MayorTerm?> TermAsync(int id) => db.MayorTerms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id);

    public async Task<ItemDetailsModel> DetailsAsync(ManifestoItem item, int year, bool canEdit)
    {
        var coverage = (await ManifestoCoverage.ForTermAsync(db, item.MayorTermId, year))[item.Id];
        var links = item.Links.Select(l => l.Level switch
        {
            PlanLevel.Policy => new LinkedElement(l.Id, l.Level, l.ElementId, l.Policy!.Code, l.Policy.Name, l.Policy.IsRetired),
            PlanLevel.Measure => new LinkedElement(l.Id, l.Level, l.ElementId, l.Measure!.Code, l.Measure.Name, l.Measure.IsRetired),
            _ => new LinkedElement(l.Id, l.Level, l.ElementId, l.Project!.Code, l.Project.Name, l.Project.IsRetired),
        }).OrderBy(l => l.Level).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
        var projects = (await db.Projects.AsNoTracking().Where(p => coverage.ProjectIds.Contains(p.Id)).OrderBy(p => p.Code).ToListAsync())
            .Select(p => (p.Id, p.Code, p.Name, coverage.FundedProjectIds.Contains(p.Id))).ToList();
        var measureIds = item.Links.Where(l => l.MeasureId is not null).Select(l => l.MeasureId!.Value).ToList();
        var projectIds = item.Links.Where(l => l.ProjectId is not null).Select(l => l.ProjectId!.Value).ToList();
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values).Include(i => i.Measure).Include(i => i.Project)
            .Where(i => i.RetiredAt == null && (i.MeasureId != null && measureIds.Contains(i.MeasureId.Value) || i.ProjectId != null && projectIds.Contains(i.ProjectId.Value)))
            .ToListAsync();
        var evidence = indicators.Select(i =>
        {
            var latest = i.Values.Where(v => v.Actual is not null).OrderByDescending(v => v.FiscalYear).FirstOrDefault();
            return new EvidenceIndicator(i.Id, i.Measure?.Name ?? i.Project?.Name ?? "", i.Name, i.Unit, latest?.FiscalYear, latest?.Target, latest?.Actual,
                latest is null ? null : IndicatorJudgment.Of(i, latest.FiscalYear));
        }).ToList();
        return new ItemDetailsModel(item, coverage, links, projects, evidence, item.Progress.OrderByDescending(p => p.FiscalYear).ToList(), canEdit, year,
            await PublishedCorrections.PublishedYearsAsync<ManifestoProgress>(db));
    }

    /// Where promises must land: the newest edition of the current plan (the one being drawn after an election).
    public async Task<BasicPlan?> CurrentBasicPlanAsync(int year) =>
        await db.BasicPlans.AsNoTracking().Where(b => b.ComprehensivePlan!.IsCurrent && b.EndYear >= year)
            .OrderByDescending(b => b.StartYear).FirstOrDefaultAsync()
        ?? await db.BasicPlans.AsNoTracking().Where(b => b.ComprehensivePlan!.IsCurrent).OrderByDescending(b => b.StartYear).FirstOrDefaultAsync();
}
