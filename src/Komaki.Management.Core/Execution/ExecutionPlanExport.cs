using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Execution;

public static class ExecutionPlanExport
{
    /// Every major project active in the year, with its plan where one exists, so departments can fill in the rest.
    /// units: a department's own sheet — only the 主要事業 those units own; null for the whole city.
    public static async Task WriteAsync(AppDbContext db, int fiscalYear, Stream output, IReadOnlySet<int>? units = null, CancellationToken ct = default)
    {
        var rows = await LoadAsync(db, fiscalYear, units, ct);
        ExecutionPlanSheet.Write(output, fiscalYear, rows);
    }

    public static async Task<List<ExecutionPlanSheet.Row>> LoadAsync(AppDbContext db, int fiscalYear, IReadOnlySet<int>? ownUnits = null, CancellationToken ct = default)
    {
        var own = ownUnits;
        var unitNames = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var plans = await db.ExecutionPlans.AsNoTracking().Include(e => e.Schedule)
            .Where(e => e.FiscalYear == fiscalYear).ToDictionaryAsync(e => e.ProjectId, ct);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.RetiredAt == null && p.IsMajor && p.StartYear <= fiscalYear && (p.EndYear == null || p.EndYear >= fiscalYear)
                        || plans.Keys.Contains(p.Id))
            .OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Name, p.OwnerUnitId })
            .ToListAsync(ct);
        // A department's sheet holds the 主要事業 it answers for this year (the plan's unit, else the project's).
        if (own is not null) projects = projects.Where(p => own.Contains(plans.TryGetValue(p.Id, out var e) ? e.OwnerUnitId : p.OwnerUnitId)).ToList();
        var ids = projects.Select(p => p.Id).ToList();
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.ProjectId != null && ids.Contains(i.ProjectId.Value) && i.RetiredAt == null)
            .Select(i => new { ProjectId = i.ProjectId!.Value, i.Name, i.Unit, Target = i.Values.Where(v => v.FiscalYear == fiscalYear).Select(v => v.Target).FirstOrDefault() })
            .ToListAsync(ct);
        var indicatorText = indicators.GroupBy(i => i.ProjectId).ToDictionary(
            g => g.Key,
            g => string.Join("\n", g.Select(i => $"{i.Name}：{(i.Target is decimal t ? t.ToString("#,##0.##", CultureInfo.InvariantCulture) + i.Unit : "目標未設定")}")));
        return projects.Select(p =>
        {
            plans.TryGetValue(p.Id, out var plan);
            return new ExecutionPlanSheet.Row(
                p.Code, p.Name, unitNames.GetValueOrDefault(plan?.OwnerUnitId ?? p.OwnerUnitId), plan?.Goal, plan?.Content,
                plan?.Schedule.ToDictionary(m => m.Month, m => m.Work) ?? new Dictionary<int, string>(),
                indicatorText.GetValueOrDefault(p.Id), plan?.MidYearStatus, plan?.MidYearProgress, plan?.YearEndStatus, plan?.YearEndProgress);
        }).ToList();
    }
}
