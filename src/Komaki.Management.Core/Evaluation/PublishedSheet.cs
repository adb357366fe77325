using System.Text.Json;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Evaluation;

/// What a 事務事業評価シート showed when it was published: the project as named then (its code, name, 手段, 施策 and
/// 担当), the three years of cost and of each indicator. The evaluation's own fields cannot change after publication;
/// these are read from other records (the project, its measure, budgets, indicators, earlier evaluations) that can, so
/// they are kept with the evaluation (ProjectEvaluation.PublishedSheet) and every later reading — screen, print, public
/// site, open data — shows them with the date. A later correction of an actual is shown beside the published figure as
/// 訂正, never in its place. Sheets kept before the project was kept have no Project (null) and show the current one.
public sealed record PublishedSheet(DateTime TakenAt, IReadOnlyList<CostYear> Costs, IReadOnlyList<PublishedIndicator> Indicators, PublishedProject? Project = null)
{
    public const int YearsShown = 3;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PublishedSheet? Read(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<PublishedSheet>(json, Json);

    /// The sheets of the given evaluations as they read now, in a fixed number of queries.
    public static async Task<Dictionary<int, PublishedSheet>> TakeAsync(AppDbContext db, IReadOnlyList<ProjectEvaluation> evaluations, DateTime now, CancellationToken ct = default)
    {
        var projectIds = evaluations.Select(e => e.ProjectId).Distinct().ToList();
        var from = evaluations.Count == 0 ? 0 : evaluations.Min(e => e.FiscalYear) - YearsShown + 1;
        var to = evaluations.Count == 0 ? 0 : evaluations.Max(e => e.FiscalYear);
        var budgets = (await db.BudgetLines.AsNoTracking().Where(b => projectIds.Contains(b.ProjectId) && b.FiscalYear >= from && b.FiscalYear <= to)
            .Select(b => new { b.ProjectId, b.FiscalYear, b.Settled }).ToListAsync(ct)).ToLookup(b => (b.ProjectId, b.FiscalYear));
        var earlier = (await db.ProjectEvaluations.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId) && e.FiscalYear >= from && e.FiscalYear <= to).ToListAsync(ct))
            .ToDictionary(e => (e.ProjectId, e.FiscalYear));
        var indicators = (await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.ProjectId != null && projectIds.Contains(i.ProjectId.Value) && i.RetiredAt == null)
            .OrderBy(i => i.Kind).ThenBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct)).ToLookup(i => i.ProjectId!.Value);
        var projects = await ProjectsAsync(db, evaluations, ct);
        var sheets = new Dictionary<int, PublishedSheet>();
        foreach (var e in evaluations)
        {
            var years = Enumerable.Range(e.FiscalYear - YearsShown + 1, YearsShown).ToList();
            var list = indicators[e.ProjectId].Select(i => new PublishedIndicator(i.Id, i.Name, i.Unit, i.Kind == IndicatorKind.Activity,
                years.Select(y => i.Values.FirstOrDefault(v => v.FiscalYear == y) is { } v ? new PublishedValue(y, v.Target, v.Actual) : new PublishedValue(y, null, null)).ToList())).ToList();
            var output = list.FirstOrDefault(i => i.IsActivity && i.Values[^1].Actual is > 0);
            var costs = years.Select(y =>
            {
                var ev = y == e.FiscalYear ? e : earlier.GetValueOrDefault((e.ProjectId, y));
                return new CostYear(y, ev?.SettledCost ?? budgets[(e.ProjectId, y)].FirstOrDefault()?.Settled, ev?.StaffCost, output?.Values.First(v => v.Year == y).Actual);
            }).ToList();
            sheets[e.Id] = new PublishedSheet(now, costs, list, projects[e.Id]);
        }
        return sheets;
    }

    /// The project part of the given evaluations' sheets as it reads now, in two queries.
    public static async Task<Dictionary<int, PublishedProject>> ProjectsAsync(AppDbContext db, IReadOnlyList<ProjectEvaluation> evaluations, CancellationToken ct = default)
    {
        var projectIds = evaluations.Select(e => e.ProjectId).Distinct().ToList();
        var unitIds = evaluations.Select(e => e.OwnerUnitId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Code, p.Name, p.Description, p.MeasureId, MeasureCode = p.Measure!.Code, MeasureName = p.Measure.Name }).ToDictionaryAsync(p => p.Id, ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return evaluations.ToDictionary(e => e.Id, e =>
        {
            var p = projects[e.ProjectId];
            return new PublishedProject(p.Code, p.Name, p.Description, p.MeasureId, p.MeasureCode, p.MeasureName, units.GetValueOrDefault(e.OwnerUnitId) ?? "");
        });
    }
}

/// The project as the published sheet named it: Description is the 手段 shown when the evaluation wrote none, Unit the
/// 担当 (the evaluation's owner unit) by its name of that day.
public sealed record PublishedProject(string Code, string Name, string? Description, int MeasureId, string MeasureCode, string MeasureName, string Unit);

public sealed record PublishedIndicator(int Id, string Name, string Unit, bool IsActivity, IReadOnlyList<PublishedValue> Values);

public sealed record PublishedValue(int Year, decimal? Target, decimal? Actual);
