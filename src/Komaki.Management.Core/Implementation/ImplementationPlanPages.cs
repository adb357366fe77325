using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Implementation;

public sealed record EditionSummary(int Id, int FiscalYear, string Title, int? CopiedFromYear, DateTime CreatedAt, int ProjectCount, IReadOnlyDictionary<int, long> CostByYear);

/// One project of an edition as its page lists it.
public sealed record EditionProject(int Id, string Code, string Name, int OwnerUnitId, int MeasureId);

/// One edition with every line and the projects they belong to, read once per change to the plan or the Do area and
/// filtered and paged in memory for every reader (a large city's edition has about 10,000 lines); with the year of
/// the newest edition (the one still open to division heads) and of the edition copied from this one.
public sealed record EditionData(ImplementationPlan Edition, IReadOnlyDictionary<int, EditionProject> Projects, IReadOnlyList<ImplementationPlanLine> Lines,
    int LatestYear, int? NewerYear);

public sealed record CompareRow(string Code, string Name, ComparedLine Line);

/// Two editions compared line by line, with how many lines changed in each way.
public sealed record EditionComparisonPage(ImplementationPlan Older, ImplementationPlan Newer, IReadOnlyList<CompareRow> Rows, IReadOnlyDictionary<LineChange, int> Counts)
{
    public bool HasOlder { get; init; } = true;

    /// The rows of one kind of change, or every changed row (changesOnly), or all.
    public IReadOnlyList<CompareRow> Of(LineChange? change, bool changesOnly) =>
        change is LineChange c ? Rows.Where(r => r.Line.Change == c).ToList()
        : changesOnly ? Rows.Where(r => r.Line.Change != LineChange.Unchanged).ToList()
        : Rows;
}

/// Reads of the 実施計画 pages: the editions with their yearly costs, and two editions compared.
public sealed class ImplementationPlanPages(AppDbContext db) : IUseCase
{
    /// What the editions list and the comparison read: editions and their lines, and the projects' codes and names.
    public static readonly IReadOnlyList<string> Areas = [DataArea.Do, DataArea.Plan];

    public async Task<List<EditionSummary>> EditionsAsync()
    {
        var editions = await db.ImplementationPlans.AsNoTracking().OrderByDescending(p => p.FiscalYear)
            .Select(p => new { p.Id, p.FiscalYear, p.Title, CopiedFromYear = (int?)p.CopiedFrom!.FiscalYear, p.CreatedAt, Projects = p.Lines.Select(l => l.ProjectId).Distinct().Count() })
            .ToListAsync();
        var costs = await db.ImplementationPlanLines.AsNoTracking()
            .GroupBy(l => new { l.ImplementationPlanId, l.FiscalYear })
            .Select(g => new { g.Key.ImplementationPlanId, g.Key.FiscalYear, Cost = g.Sum(l => l.Cost) })
            .ToListAsync();
        return editions.Select(e => new EditionSummary(e.Id, e.FiscalYear, e.Title, e.CopiedFromYear, e.CreatedAt, e.Projects,
            costs.Where(c => c.ImplementationPlanId == e.Id).ToDictionary(c => c.FiscalYear, c => c.Cost))).ToList();
    }

    /// The edition of a year with its lines (null when there is none); kept under Areas by the page.
    public async Task<EditionData?> EditionAsync(int year)
    {
        var edition = await db.ImplementationPlans.AsNoTracking().FirstOrDefaultAsync(p => p.FiscalYear == year);
        if (edition is null) return null;
        var lines = await db.ImplementationPlanLines.AsNoTracking().Where(l => l.ImplementationPlanId == edition.Id).ToListAsync();
        var projects = await db.ImplementationPlanLines.AsNoTracking().Where(l => l.ImplementationPlanId == edition.Id).Select(l => l.Project!).Distinct()
            .Select(p => new EditionProject(p.Id, p.Code, p.Name, p.OwnerUnitId, p.MeasureId)).ToDictionaryAsync(p => p.Id);
        var newer = await db.ImplementationPlans.AsNoTracking().Where(p => p.CopiedFromId == edition.Id).Select(p => (int?)p.FiscalYear).FirstOrDefaultAsync();
        return new EditionData(edition, projects, lines, await LatestEditionYearAsync(), newer);
    }

    /// The edition of a year and a project, for one project's three years (either null when missing).
    public async Task<(ImplementationPlan? Edition, Project? Project)> EditionAndProjectAsync(int year, int projectId) =>
        (await db.ImplementationPlans.AsNoTracking().FirstOrDefaultAsync(p => p.FiscalYear == year),
         await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId));

    /// The project with the code (an active one before a retired one), to add it to an edition.
    public Task<int?> ProjectIdByCodeAsync(string code) =>
        db.Projects.AsNoTracking().Where(p => p.Code == code).OrderBy(p => p.RetiredAt != null).Select(p => (int?)p.Id).FirstOrDefaultAsync();

    public async Task<int> LatestEditionYearAsync() => await db.ImplementationPlans.MaxAsync(p => (int?)p.FiscalYear) ?? 0;

    /// The edition of a year against the one it was copied from (or the one before it, or the year asked for);
    /// null when either is missing.
    public async Task<EditionComparisonPage?> CompareAsync(int year, int? with)
    {
        var newer = await db.ImplementationPlans.AsNoTracking().Include(p => p.Lines).FirstOrDefaultAsync(p => p.FiscalYear == year);
        if (newer is null) return null;
        var olderYear = with ?? await db.ImplementationPlans.Where(p => p.Id == newer.CopiedFromId).Select(p => (int?)p.FiscalYear).FirstOrDefaultAsync()
            ?? await db.ImplementationPlans.Where(p => p.FiscalYear < year).OrderByDescending(p => p.FiscalYear).Select(p => (int?)p.FiscalYear).FirstOrDefaultAsync();
        var older = olderYear is int oy ? await db.ImplementationPlans.AsNoTracking().Include(p => p.Lines).FirstOrDefaultAsync(p => p.FiscalYear == oy) : null;
        if (older is null) return new EditionComparisonPage(newer, newer, [], new Dictionary<LineChange, int>()) { HasOlder = false };
        var compared = EditionComparison.Compare(older, newer);
        var projects = await db.Projects.AsNoTracking().Select(p => new { p.Id, p.Code, p.Name }).ToDictionaryAsync(p => p.Id);
        var rows = compared
            .Select(c => new CompareRow(projects[c.ProjectId].Code, projects[c.ProjectId].Name, c))
            .OrderBy(r => r.Code).ThenBy(r => r.Line.FiscalYear).ToList();
        return new EditionComparisonPage(older, newer, rows, compared.GroupBy(c => c.Change).ToDictionary(g => g.Key, g => g.Count()));
    }
}
