using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Execution;

/// A project of the year's list with its plan (none yet when the department has not written it).
public sealed record ExecutionRow(int ProjectId, string Code, string Name, int OwnerUnitId, ExecutionPlan? Plan);

/// An indicator of the project with its target and actual of the plan's year.
public sealed record IndicatorTarget(int Id, string Name, string Unit, decimal? Target, decimal? Actual);

/// Reads of the 主要事業実行計画 pages: the year's list, one project's plan with its schedule and indicators.
public sealed class ExecutionPlanPages(AppDbContext db) : IUseCase
{
    /// What the year's list reads: the major projects and their execution plans with schedules.
    public static readonly IReadOnlyList<string> ListAreas = [DataArea.Plan, DataArea.Do];

    /// The year's major projects (and any other project with a plan for it) with their plans, the same for everyone.
    public async Task<List<ExecutionRow>> YearAsync(int year)
    {
        var plans = await db.ExecutionPlans.AsNoTracking().Include(e => e.Schedule).Where(e => e.FiscalYear == year).ToDictionaryAsync(e => e.ProjectId);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.RetiredAt == null && p.IsMajor && p.StartYear <= year && (p.EndYear == null || p.EndYear >= year)
                || db.ExecutionPlans.Any(e => e.ProjectId == p.Id && e.FiscalYear == year))
            .OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name, p.OwnerUnitId }).ToListAsync();
        return projects.Select(p =>
        {
            var plan = plans.GetValueOrDefault(p.Id);
            return new ExecutionRow(p.Id, p.Code, p.Name, plan?.OwnerUnitId ?? p.OwnerUnitId, plan);
        }).ToList();
    }

    /// The project and its plan of the year with the schedule (either null when missing); the plan tracked when a
    /// command is to change it.
    public async Task<(Project? Project, ExecutionPlan? Plan)> PlanAsync(int year, int projectId, bool tracking = false)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId);
        var plans = tracking ? db.ExecutionPlans : db.ExecutionPlans.AsNoTracking();
        var plan = await plans.Include(e => e.Schedule).FirstOrDefaultAsync(e => e.FiscalYear == year && e.ProjectId == projectId);
        return (project, plan);
    }

    /// The project's active indicators with the year's target and actual.
    public Task<List<IndicatorTarget>> IndicatorsAsync(int projectId, int year) =>
        db.Indicators.AsNoTracking().Where(i => i.ProjectId == projectId && i.RetiredAt == null).OrderBy(i => i.SortOrder)
            .Select(i => new IndicatorTarget(i.Id, i.Name, i.Unit,
                i.Values.Where(v => v.FiscalYear == year).Select(v => v.Target).FirstOrDefault(),
                i.Values.Where(v => v.FiscalYear == year).Select(v => v.Actual).FirstOrDefault()))
            .ToListAsync();

    public static ExecutionPlanForm FormOf(Project project, ExecutionPlan? plan) => new()
    {
        Version = plan?.Version ?? 0,
        OwnerUnitId = plan?.OwnerUnitId ?? project.OwnerUnitId,
        Goal = plan?.Goal,
        Content = plan?.Content,
        Months = [.. ExecutionPlan.Months.Select(m => new MonthWork { Month = m, Work = plan?.WorkIn(m) })],
    };

    public static ProgressForm ProgressFormOf(ExecutionPlan plan) => new()
    {
        Version = plan.Version, MidYearStatus = plan.MidYearStatus, MidYearProgress = plan.MidYearProgress,
        YearEndStatus = plan.YearEndStatus, YearEndProgress = plan.YearEndProgress,
    };
}
