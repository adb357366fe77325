using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Cycle;

/// What a work item asks for; each kind has one form where it is done (WorkLinks in the web app).
public enum WorkKind
{
    PlanLine = 1,
    BudgetRequest = 2,
    IndicatorActual = 3,
    Evaluation = 4,
    ExecutionProgress = 5,
    Goal = 6,
    /// A drafted evaluation waiting for the head's 一次評価: opens that step's form, not the sheet.
    EvaluationReview = 7,
    /// A published year's actuals a 課 never entered, counted per 課 for planning: opens the list of that 課's.
    UnenteredActuals = 8,
}

/// One thing one person has to do: what, for which record, by when. Year: the fiscal year of the record the form
/// edits (the plan edition's year for a plan line, the actual's year for an indicator). DueOn is null for a goal
/// step the calendar sets no date for.
public sealed record WorkItem(WorkKind Kind, CycleStage? Stage, string Task, string Code, string Name, int UnitId, DateOnly? DueOn, int RecordId, int Year)
{
    public int? DaysLeft(DateOnly today) => DueOn is DateOnly d ? d.DayNumber - today.DayNumber : null;

    public bool Overdue(DateOnly today) => DueOn < today;
}

/// 対応待ち, one row per record: for a unit's head and staff, the projects, indicators, evaluations and 主要事業 of
/// their unit (and the units under it) that a stage due from half a year ago to a month ahead still lacks, and the
/// goals waiting for them; the overdue first. Planning's and the executives' city-wide stages stay counted per stage
/// (DueWork), and a published year's missing actuals per 課 — listing hundreds of records would hide the few that matter.
public static class WorkList
{
    /// What a person's list reads, apart from the indicator actuals: the goals they act on, and for a unit's staff
    /// their unit's plan lines, budgets, evaluations and progress. Indicator values are saved all through the busy
    /// season: they make only the actuals' part (ActualsAreasFor) be read again.
    public static IReadOnlyList<string> StepAreasFor(Actor actor) =>
        DoesUnitWork(actor)
            ? [DataArea.Goals, DataArea.Cycle, DataArea.Organization, DataArea.Plan, DataArea.Do, DataArea.Check]
            : [DataArea.Goals, DataArea.Cycle, DataArea.Organization];

    /// What the indicator actuals' part reads: the unit's missing actuals until the year is published, then the
    /// count per 課 for planning.
    public static IReadOnlyList<string> ActualsAreasFor(Actor actor) =>
        DoesUnitWork(actor) || actor.IsPlanMasterEditor ? [DataArea.Cycle, DataArea.Organization, DataArea.Plan, DataArea.Indicators, DataArea.Publishing] : [];

    /// The person's steps but the indicator actuals (ActualsAsync), overdue first.
    public static async Task<IReadOnlyList<WorkItem>> StepsAsync(AppDbContext db, Actor actor, OrgTree org, int fiscalYear, DateOnly today, CancellationToken ct = default)
    {
        var items = new List<WorkItem>();
        var around = DeadlinesAround(db, fiscalYear);
        items.AddRange(await GoalsAsync(db, actor, org, fiscalYear, around, ct));
        if (DoesUnitWork(actor))
        {
            var units = org.SelfAndDescendants(actor.UnitId!.Value).ToList();
            var head = actor.IsIn(Roles.DepartmentHead);
            foreach (var year in DueWork.YearsAround(fiscalYear))
            {
                var deadlines = (await around())[year];
                bool Due(CycleStage s) => deadlines[s] >= today.AddDays(-DueWork.LookBackDays) && deadlines[s] <= today.AddDays(DueWork.LookAheadDays);
                if (head && Due(CycleStage.PlanEntry)) items.AddRange(await PlanLinesAsync(db, units, year, deadlines[CycleStage.PlanEntry], ct));
                if (head && Due(CycleStage.BudgetRequest)) items.AddRange(await BudgetRequestsAsync(db, units, year, deadlines[CycleStage.BudgetRequest], ct));
                if (head && Due(CycleStage.EvaluationFirstReview)) items.AddRange(await EvaluationsAsync(db, units, year - 1, deadlines[CycleStage.EvaluationFirstReview], ct));
                if (Due(CycleStage.ExecutionMidYear)) items.AddRange(await ExecutionAsync(db, units, year, deadlines[CycleStage.ExecutionMidYear], ct));
            }
        }
        return Ordered(items);
    }

    /// The indicator actuals waiting for the person: their unit's, until the year is published; after it, planning's
    /// count per 課.
    public static async Task<IReadOnlyList<WorkItem>> ActualsAsync(AppDbContext db, Actor actor, OrgTree org, int fiscalYear, DateOnly today, CancellationToken ct = default)
    {
        var unitWork = DoesUnitWork(actor);
        if (!unitWork && !actor.IsPlanMasterEditor) return [];
        var items = new List<WorkItem>();
        // A year's actuals once published are planning's to enter: the divisions cannot type them any more.
        var published = (await db.Publications.AsNoTracking().Where(p => p.Kind == Publishing.PublicationKind.IndicatorActuals).Select(p => p.FiscalYear).ToListAsync(ct)).ToHashSet();
        var around = DeadlinesAround(db, fiscalYear);
        if (actor.IsPlanMasterEditor)
        {
            foreach (var year in DueWork.YearsAround(fiscalYear).Select(y => y - 1).Where(published.Contains))
                items.AddRange(await UnenteredAsync(db, year, (await around())[year + 1][CycleStage.IndicatorActuals], ct));
        }
        if (unitWork)
        {
            var units = org.SelfAndDescendants(actor.UnitId!.Value).ToList();
            foreach (var year in DueWork.YearsAround(fiscalYear))
            {
                var due = (await around())[year][CycleStage.IndicatorActuals];
                if (due >= today.AddDays(-DueWork.LookBackDays) && due <= today.AddDays(DueWork.LookAheadDays) && !published.Contains(year - 1))
                    items.AddRange(await ActualsAsync(db, units, year - 1, due, ct));
            }
        }
        return Ordered(items);
    }

    /// The due dates of the years the list looks at (DueWork.YearsAround): read once, when first asked for.
    private static Func<Task<IReadOnlyDictionary<int, IReadOnlyDictionary<CycleStage, DateOnly>>>> DeadlinesAround(AppDbContext db, int fiscalYear)
    {
        Task<IReadOnlyDictionary<int, IReadOnlyDictionary<CycleStage, DateOnly>>>? read = null;
        return () => read ??= CycleSnapshot.DeadlinesAsync(db, DueWork.YearsAround(fiscalYear).Min(), DueWork.YearsAround(fiscalYear).Max());
    }

    private static List<WorkItem> Ordered(IEnumerable<WorkItem> items) =>
        items.OrderBy(i => i.DueOn is null).ThenBy(i => i.DueOn).ThenBy(i => i.Code, CodeOrder.Instance).ThenBy(i => i.Task).ToList();

    /// A unit's head and staff answer for their unit's plan lines, budgets, actuals, evaluations and progress.
    private static bool DoesUnitWork(Actor actor) =>
        actor.UnitId is not null && (actor.IsIn(Roles.DepartmentHead) || actor.IsIn(Roles.DepartmentStaff));

    private static async Task<IEnumerable<WorkItem>> PlanLinesAsync(AppDbContext db, List<int> units, int year, DateOnly due, CancellationToken ct)
    {
        var edition = await db.ImplementationPlans.AsNoTracking().Where(p => p.FiscalYear <= year).OrderByDescending(p => p.FiscalYear)
            .Select(p => new { p.Id, p.FiscalYear }).FirstOrDefaultAsync(ct);
        if (edition is null) return [];
        var projects = await ActiveProjectsAsync(db, units, year, ct);
        var planned = (await db.ImplementationPlanLines.AsNoTracking().Where(l => l.ImplementationPlanId == edition.Id && l.FiscalYear == year)
            .Select(l => l.ProjectId).ToListAsync(ct)).ToHashSet();
        return projects.Where(p => !planned.Contains(p.Id))
            .Select(p => new WorkItem(WorkKind.PlanLine, CycleStage.PlanEntry, $"実施計画の事業内容（{Common.Wareki.FiscalYear(year)}）", p.Code, p.Name, p.OwnerUnitId, due, p.Id, edition.FiscalYear));
    }

    private static async Task<IEnumerable<WorkItem>> BudgetRequestsAsync(AppDbContext db, List<int> units, int year, DateOnly due, CancellationToken ct)
    {
        var projects = await ActiveProjectsAsync(db, units, year, ct);
        var requested = (await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == year && b.Requested != null).Select(b => b.ProjectId).ToListAsync(ct)).ToHashSet();
        return projects.Where(p => !requested.Contains(p.Id))
            .Select(p => new WorkItem(WorkKind.BudgetRequest, CycleStage.BudgetRequest, $"予算要求額（{Common.Wareki.FiscalYear(year)}）", p.Code, p.Name, p.OwnerUnitId, due, p.Id, year));
    }

    private static async Task<IEnumerable<WorkItem>> ActualsAsync(AppDbContext db, List<int> units, int year, DateOnly due, CancellationToken ct)
    {
        var missing = await Publishing.UnenteredActuals.Missing(db, year, units)
            .Select(i => new { i.Id, i.Name, i.Project!.Code, ProjectName = i.Project.Name, i.Project.OwnerUnitId }).ToListAsync(ct);
        return missing.Select(i => new WorkItem(WorkKind.IndicatorActual, CycleStage.IndicatorActuals, $"指標「{i.Name}」の実績（{Common.Wareki.FiscalYear(year)}）", i.Code, i.ProjectName, i.OwnerUnitId, due, i.Id, year));
    }

    /// After the year was published: one row per 課 for planning, which enters them as 未入力.
    private static async Task<IEnumerable<WorkItem>> UnenteredAsync(AppDbContext db, int year, DateOnly due, CancellationToken ct) =>
        (await Publishing.UnenteredActuals.CountByUnitAsync(db, year, ct))
            .Select(u => new WorkItem(WorkKind.UnenteredActuals, CycleStage.IndicatorActuals, $"指標の実績（{Common.Wareki.FiscalYear(year)}・公表後の未入力）", "", $"未入力の指標 {u.Count:#,##0}件", u.UnitId, due, u.UnitId, year));

    private static async Task<IEnumerable<WorkItem>> EvaluationsAsync(AppDbContext db, List<int> units, int year, DateOnly due, CancellationToken ct)
    {
        var projects = await ActiveProjectsAsync(db, units, year, ct);
        var states = await db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == year).Select(e => new { e.ProjectId, e.State }).ToDictionaryAsync(e => e.ProjectId, e => e.State, ct);
        return projects.Where(p => !states.TryGetValue(p.Id, out var s) || s == EvaluationState.Draft)
            .Select(p => new WorkItem(states.ContainsKey(p.Id) ? WorkKind.EvaluationReview : WorkKind.Evaluation, CycleStage.EvaluationFirstReview, states.ContainsKey(p.Id) ? $"事務事業評価の一次評価（{Common.Wareki.FiscalYear(year)}）" : $"事務事業評価の入力（{Common.Wareki.FiscalYear(year)}）",
                p.Code, p.Name, p.OwnerUnitId, due, p.Id, year));
    }

    private static async Task<IEnumerable<WorkItem>> ExecutionAsync(AppDbContext db, List<int> units, int year, DateOnly due, CancellationToken ct)
    {
        var plans = await db.ExecutionPlans.AsNoTracking().Where(e => e.FiscalYear == year && units.Contains(e.OwnerUnitId) && e.MidYearStatus == null)
            .Select(e => new { e.ProjectId, e.Project!.Code, e.Project.Name, e.OwnerUnitId }).ToListAsync(ct);
        return plans.Select(e => new WorkItem(WorkKind.ExecutionProgress, CycleStage.ExecutionMidYear, $"主要事業の中間進捗（{Common.Wareki.FiscalYear(year)}）", e.Code, e.Name, e.OwnerUnitId, due, e.ProjectId, year));
    }

    private static async Task<IEnumerable<WorkItem>> GoalsAsync(AppDbContext db, Actor actor, OrgTree org, int fiscalYear,
        Func<Task<IReadOnlyDictionary<int, IReadOnlyDictionary<CycleStage, DateOnly>>>> around, CancellationToken ct)
    {
        var goals = await db.OrganizationalGoals.AsNoTracking().Include(g => g.Indicators)
            .Include(g => g.Events.Where(e => e.Action == GoalAction.Created || e.Action == GoalAction.ContentEdited))
            .Where(g => (g.FiscalYear == fiscalYear || g.FiscalYear == fiscalYear - 1) && g.State != GoalState.Confirmed).ToListAsync(ct);
        var items = new List<WorkItem>();
        foreach (var year in goals.Select(g => g.FiscalYear).Distinct())
        {
            // Goals of this year and the last: within the years read around it.
            var deadlines = (await around())[year];
            foreach (var g in goals.Where(g => g.FiscalYear == year))
            {
                var actions = GoalWorkflow.NextActions(actor, g, org);
                if (actions.Count == 0) continue;
                CycleStage? stage = actions[0] switch
                {
                    GoalAction.Submitted => CycleStage.GoalsSubmitted,
                    GoalAction.Agreed or GoalAction.ChangesRequested => CycleStage.GoalsAgreed,
                    GoalAction.SelfAssessed => CycleStage.GoalsAssessed,
                    _ => null,
                };
                DateOnly? due = stage is CycleStage st ? deadlines[st] : null;
                items.Add(new WorkItem(WorkKind.Goal, stage, $"組織目標の{string.Join("・", actions.Select(a => a.Label()))}", "", g.Title, g.OrgUnitId, due, g.Id, year));
            }
        }
        return items;
    }

    private static async Task<List<(int Id, string Code, string Name, int OwnerUnitId)>> ActiveProjectsAsync(AppDbContext db, List<int> units, int year, CancellationToken ct) =>
        (await db.Projects.AsNoTracking().Where(p => p.RetiredAt == null && units.Contains(p.OwnerUnitId) && p.StartYear <= year && (p.EndYear == null || p.EndYear >= year))
            .Select(p => new { p.Id, p.Code, p.Name, p.OwnerUnitId }).ToListAsync(ct)).Select(p => (p.Id, p.Code, p.Name, p.OwnerUnitId)).ToList();
}
