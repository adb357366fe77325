using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Cycle;

public sealed record Progress(int Done, int Of)
{
    public decimal? Percent => Of == 0 ? null : Math.Round(Done * 100m / Of, 0);
    public int Missing => Of - Done;
}

/// One stage for one division: how much is done and whether its due date has passed with work left. Planning: what
/// is left is no longer the division's to do — a published year's missing actuals, which planning enters as 未入力 —
/// so it is never overdue against the division.
public sealed record StageCell(CycleStage Stage, Progress Progress, DateOnly DueOn, bool Overdue, bool Planning = false);

public sealed record DivisionCycle(int UnitId, string Department, string Unit, IReadOnlyDictionary<CycleStage, StageCell> Stages, int OpenImprovements);

/// A division's progress at every stage but the indicator actuals (CycleSnapshot.CountsAsync).
public sealed record DivisionCounts(int UnitId, string Department, string Unit, IReadOnlyDictionary<CycleStage, Progress> Stages, int OpenImprovements);

/// Every stage but the indicator actuals, per division, with the year's due dates.
public sealed record CycleCounts(int Year, IReadOnlyDictionary<CycleStage, DateOnly> Deadlines, IReadOnlyList<DivisionCounts> Divisions);

/// 前年度の指標の実績 per division; Published: planning has published that year's actuals (what is missing of them is
/// then planning's).
public sealed record CycleActuals(IReadOnlyDictionary<int, Progress> ByDivision, bool Published);

/// Where every division stands in one fiscal year's cycle. A few queries over the whole city, then counted in
/// memory per division (a division's figures include its 係), so the cost does not grow with the number of units.
public sealed record CycleSnapshot(int Year, DateOnly Today, IReadOnlyDictionary<CycleStage, DateOnly> Deadlines, IReadOnlyList<DivisionCycle> Divisions)
{
    /// The year before's actuals are published: what is missing of them is planning's (StageCell.Planning), and the
    /// stage is due for planning, not for the divisions (StageOwnerIn).
    public bool ActualsPublished { get; init; }

    /// Who answers for a stage's remaining work in this snapshot's year.
    public StageOwner OwnerOf(CycleStage stage) => stage == CycleStage.IndicatorActuals && ActualsPublished ? StageOwner.Planning : stage.Owner();

    public static async Task<IReadOnlyDictionary<CycleStage, DateOnly>> DeadlinesAsync(AppDbContext db, int year)
    {
        var set = await db.CycleDeadlines.AsNoTracking().Where(d => d.FiscalYear == year).ToDictionaryAsync(d => d.Stage, d => d.DueOn);
        return CycleStages.All.ToDictionary(s => s, s => set.TryGetValue(s, out var d) ? d : s.DefaultDue(year));
    }

    /// The due dates of the years from one to another, in one query (対応待ち reads the years around the current one).
    public static async Task<IReadOnlyDictionary<int, IReadOnlyDictionary<CycleStage, DateOnly>>> DeadlinesAsync(AppDbContext db, int fromYear, int toYear)
    {
        var set = (await db.CycleDeadlines.AsNoTracking().Where(d => d.FiscalYear >= fromYear && d.FiscalYear <= toYear)
            .Select(d => new { d.FiscalYear, d.Stage, d.DueOn }).ToListAsync()).ToDictionary(d => (d.FiscalYear, d.Stage), d => d.DueOn);
        return Enumerable.Range(fromYear, toYear - fromYear + 1).ToDictionary(y => y,
            y => (IReadOnlyDictionary<CycleStage, DateOnly>)CycleStages.All.ToDictionary(s => s, s => set.TryGetValue((y, s), out var d) ? d : s.DefaultDue(y)));
    }

    /// The whole snapshot in one go (the reminders); pages keep its two parts apart (CycleSnapshots in the web app).
    public static async Task<CycleSnapshot> LoadAsync(AppDbContext db, OrgTree org, int y, DateOnly today) =>
        Compose(await CountsAsync(db, org, y), await ActualsAsync(db, org, y), today);

    /// The divisions valid in a year, and for each unit the nearest division it is, or is under: every row is then
    /// looked at once.
    private static (List<OrgUnit> Divisions, Dictionary<int, int> DivisionOf) DivisionsIn(OrgTree org, int y)
    {
        var divisions = org.Flatten(u => u.IsValidIn(y)).Where(x => x.Unit.Level == OrgUnitLevel.Division).Select(x => x.Unit).ToList();
        var divisionOf = new Dictionary<int, int>();
        foreach (var unit in divisions)
            foreach (var id in org.SelfAndDescendants(unit.Id)) divisionOf[id] = unit.Id;  // a division inside another counts for itself
        return (divisions, divisionOf);
    }

    /// 前年度の指標の実績: per division, the project indicators with a target for last year and how many have an
    /// actual. Kept apart from the other stages because values are saved all through the busy season.
    public static async Task<CycleActuals> ActualsAsync(AppDbContext db, OrgTree org, int y)
    {
        var (_, divisionOf) = DivisionsIn(org, y);
        // Whether the year is published rides on the same query: without an indicator due there is nothing to attribute.
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ProjectId != null && i.RetiredAt == null)
            .Select(i => new
            {
                i.Project!.OwnerUnitId, Due = i.Values.Any(v => v.FiscalYear == y - 1 && v.Target != null), Entered = i.Values.Any(v => v.FiscalYear == y - 1 && v.Actual != null),
                Published = db.Publications.Any(p => p.Kind == Publishing.PublicationKind.IndicatorActuals && p.FiscalYear == y - 1),
            })
            .Where(i => i.Due).ToListAsync();
        return new CycleActuals(indicators.Where(i => divisionOf.ContainsKey(i.OwnerUnitId)).GroupBy(i => divisionOf[i.OwnerUnitId])
            .ToDictionary(g => g.Key, g => new Progress(g.Count(i => i.Entered), g.Count())), indicators.Count > 0 && indicators[0].Published);
    }

    /// Every other stage per division, with the year's due dates.
    public static async Task<CycleCounts> CountsAsync(AppDbContext db, OrgTree org, int y)
    {
        var deadlines = await DeadlinesAsync(db, y);
        var projects = await db.Projects.AsNoTracking().Where(p => p.RetiredAt == null && p.StartYear <= y && (p.EndYear == null || p.EndYear >= y))
            .Select(p => new { p.Id, p.OwnerUnitId }).ToListAsync();
        var lastYearProjects = await db.Projects.AsNoTracking().Where(p => p.StartYear <= y - 1 && (p.EndYear == null || p.EndYear >= y - 1))
            .Select(p => new { p.Id, p.OwnerUnitId }).ToListAsync();
        var edition = await db.ImplementationPlans.AsNoTracking().Where(p => p.FiscalYear <= y).OrderByDescending(p => p.FiscalYear).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        var planned = (await db.ImplementationPlanLines.AsNoTracking().Where(l => l.ImplementationPlanId == edition && l.FiscalYear == y).Select(l => l.ProjectId).ToListAsync()).ToHashSet();
        var budgets = await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == y || b.FiscalYear == y - 1)
            .Select(b => new { b.ProjectId, b.FiscalYear, Requested = b.Requested != null, Initial = b.Initial != null, Settled = b.Settled != null }).ToListAsync();
        var requested = budgets.Where(b => b.FiscalYear == y && b.Requested).Select(b => b.ProjectId).ToHashSet();
        var adopted = budgets.Where(b => b.FiscalYear == y && b.Initial).Select(b => b.ProjectId).ToHashSet();
        var settled = budgets.Where(b => b.FiscalYear == y - 1 && b.Settled).Select(b => b.ProjectId).ToHashSet();
        // What the stages count is grouped by unit in the database: a hundred rows each instead of thousands.
        var execution = await db.ExecutionPlans.AsNoTracking().Where(e => e.FiscalYear == y)
            .GroupBy(e => e.OwnerUnitId).Select(g => new { Unit = g.Key, Of = g.Count(), Filed = g.Count(e => e.MidYearStatus != null) }).ToListAsync();
        var goals = await db.OrganizationalGoals.AsNoTracking().Where(g => g.FiscalYear == y)
            .GroupBy(g => new { g.OrgUnitId, g.State }).Select(g => new { Unit = g.Key.OrgUnitId, g.Key.State, N = g.Count() }).ToListAsync();
        var evaluations = await db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == y - 1)
            .GroupBy(e => new { e.OwnerUnitId, e.State }).Select(g => new { Unit = g.Key.OwnerUnitId, g.Key.State, N = g.Count() }).ToListAsync();
        var open = await db.ImprovementActions.AsNoTracking().Where(a => a.State == ImprovementState.Open || a.State == ImprovementState.Proposed)
            .GroupBy(a => a.OwnerUnitId).Select(g => new { Unit = g.Key, N = g.Count() }).ToListAsync();

        var (valid, divisionOf) = DivisionsIn(org, y);
        ILookup<int, T> ByDivision<T>(IEnumerable<T> rows, Func<T, int> unitOf) =>
            rows.Where(r => divisionOf.ContainsKey(unitOf(r))).ToLookup(r => divisionOf[unitOf(r)]);
        var projectsBy = ByDivision(projects, p => p.OwnerUnitId);
        var lastYearBy = ByDivision(lastYearProjects, p => p.OwnerUnitId);
        var goalsBy = ByDivision(goals, g => g.Unit);
        var evaluationsBy = ByDivision(evaluations, e => e.Unit);
        var executionBy = ByDivision(execution, e => e.Unit);
        var openBy = ByDivision(open, a => a.Unit);

        var divisions = new List<DivisionCounts>();
        foreach (var unit in valid)
        {
            var mine = projectsBy[unit.Id].Select(p => p.Id).ToList();
            var mineLastYear = lastYearBy[unit.Id].Select(p => p.Id).ToList();
            var myGoals = goalsBy[unit.Id].ToList();
            var myEvaluations = evaluationsBy[unit.Id].ToList();
            var myExecution = executionBy[unit.Id].ToList();
            int Goals(Func<GoalState, bool> counted) => myGoals.Where(g => counted(g.State)).Sum(g => g.N);
            int Evaluations(Func<EvaluationState, bool> counted) => myEvaluations.Where(e => counted(e.State)).Sum(e => e.N);
            var goalCount = myGoals.Sum(g => g.N);
            var openCount = openBy[unit.Id].Sum(a => a.N);
            if (mine.Count + mineLastYear.Count + goalCount + openCount == 0) continue;
            divisions.Add(new DivisionCounts(unit.Id, org.DepartmentOf(unit.Id)?.Name ?? "", unit.Name, new Dictionary<CycleStage, Progress>
            {
                [CycleStage.PlanEntry] = new(mine.Count(planned.Contains), mine.Count),
                [CycleStage.BudgetRequest] = new(mine.Count(requested.Contains), mine.Count),
                [CycleStage.BudgetAdopted] = new(mine.Count(adopted.Contains), mine.Count),
                [CycleStage.GoalsSubmitted] = new(Goals(s => s >= GoalState.Submitted && s != GoalState.ChangesRequested), goalCount),
                [CycleStage.GoalsAgreed] = new(Goals(s => s >= GoalState.Agreed), goalCount),
                [CycleStage.Settlement] = new(mineLastYear.Count(settled.Contains), mineLastYear.Count),
                [CycleStage.EvaluationFirstReview] = new(Evaluations(s => s >= EvaluationState.FirstReviewed), mineLastYear.Count),
                [CycleStage.EvaluationSecondReview] = new(Evaluations(s => s >= EvaluationState.SecondReviewed), mineLastYear.Count),
                [CycleStage.EvaluationPublished] = new(Evaluations(s => s == EvaluationState.Published), mineLastYear.Count),
                [CycleStage.ExecutionMidYear] = new(myExecution.Sum(e => e.Filed), myExecution.Sum(e => e.Of)),
                [CycleStage.GoalsAssessed] = new(Goals(s => s >= GoalState.SelfAssessed), goalCount),
            }, openCount));
        }
        return new CycleCounts(y, deadlines, divisions);
    }

    /// The two parts put together on the day asked for (a stage is overdue once its date has passed with work left).
    public static CycleSnapshot Compose(CycleCounts counts, CycleActuals actuals, DateOnly today) =>
        new(counts.Year, today, counts.Deadlines, counts.Divisions.Select(d => new DivisionCycle(d.UnitId, d.Department, d.Unit,
            CycleStages.All.ToDictionary(s => s, s =>
            {
                var progress = s == CycleStage.IndicatorActuals ? actuals.ByDivision.GetValueOrDefault(d.UnitId) ?? new Progress(0, 0) : d.Stages[s];
                var planning = s == CycleStage.IndicatorActuals && actuals.Published && progress.Missing > 0;
                return new StageCell(s, progress, counts.Deadlines[s], !planning && today > counts.Deadlines[s] && progress.Missing > 0, planning);
            }),
            d.OpenImprovements)).ToList()) { ActualsPublished = actuals.Published };

    public Progress Total(CycleStage stage) =>
        new(Divisions.Sum(d => d.Stages[stage].Progress.Done), Divisions.Sum(d => d.Stages[stage].Progress.Of));
}
