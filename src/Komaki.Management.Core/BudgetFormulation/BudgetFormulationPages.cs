using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.BudgetFormulation;

/// One line as the pages show it: the request with its project, its entries by stage and its 復活要求.
public sealed record FormulationLine(BudgetRequest Request, string Code, string Name, int DepartmentId)
{
    public BudgetStageEntry? Committed(BudgetStage stage) => Request.Entries.FirstOrDefault(e => e.Stage == stage && e.Committed);

    public BudgetStageEntry? Draft(BudgetStage stage) => Request.Entries.FirstOrDefault(e => e.Stage == stage && !e.Committed);

    /// The latest committed amounts: the line where it stands now (the request as entered before it is submitted).
    public IFunded Latest => (IFunded?)Request.Entries.Where(e => e.Committed).OrderByDescending(e => e.Stage).FirstOrDefault() ?? Request;
}

/// A 部 in the year's formulation: its lines' totals at the latest stage committed for it, its request, its frame.
public sealed record DepartmentStanding(int DepartmentId, int Lines, int Submitted, long Requested, long RequestedGeneral, long Current, long CurrentGeneral,
    BudgetStage? Reached, long? Frame)
{
    public bool OverFrame => Frame is long f && RequestedGeneral > f;
}

/// The evaluation beside a request: the latest the reader may read, with ratings, 改善内容, indicators with trend,
/// 人工 and full cost.
public sealed record EvaluationBeside(ProjectEvaluation Evaluation, IReadOnlyList<(Indicator Indicator, IndicatorJudgment Judgment)> Indicators);

/// One row of a stage comparison.
public sealed record StageCompareRow(FormulationLine Line, IFunded? From, IFunded? To)
{
    public long Difference => (To?.Expenditure ?? 0) - (From?.Expenditure ?? 0);
    public long GeneralDifference => (To?.Funding.General ?? 0) - (From?.Funding.General ?? 0);

    /// The totals of some lines. A stage no line has reached yet is no figure (null), not 0 — and a difference counts
    /// only lines that have both stages, so a 部 whose 市長査定 is still to come does not show as cut to nothing.
    public static StageTotals Total(IEnumerable<StageCompareRow> rows)
    {
        var list = rows as IReadOnlyCollection<StageCompareRow> ?? rows.ToList();
        var both = list.Where(r => r.From is not null && r.To is not null).ToList();
        return new(list.Any(r => r.From is not null) ? list.Sum(r => r.From?.Expenditure ?? 0) : null,
            list.Any(r => r.To is not null) ? list.Sum(r => r.To?.Expenditure ?? 0) : null,
            both.Count > 0 ? both.Sum(r => r.Difference) : null,
            both.Count > 0 ? both.Sum(r => r.GeneralDifference) : null);
    }
}

/// 歳出 of the earlier and the later stage and the differences, each null while no line has the figure.
public sealed record StageTotals(long? From, long? To, long? Difference, long? GeneralDifference);

/// Two stages compared over some lines, with the totals per 部 (in the lines' order) and of all made once: the city's
/// comparison is kept for every reader, and adding up its thousands of lines again was most of each request.
public sealed class StageComparison
{
    public StageComparison(IReadOnlyList<StageCompareRow> rows)
    {
        Rows = rows;
        Departments = rows.GroupBy(r => r.Line.DepartmentId).Select(g => new DepartmentComparison(g.Key, g.Count(), StageCompareRow.Total(g))).ToList();
        Total = StageCompareRow.Total(rows);
    }

    public IReadOnlyList<StageCompareRow> Rows { get; }
    public IReadOnlyList<DepartmentComparison> Departments { get; }
    public StageTotals Total { get; }
}

/// A 部's lines in a stage comparison: how many, and their totals.
public sealed record DepartmentComparison(int DepartmentId, int Lines, StageTotals Totals);

/// Reads of 予算編成: the year's round, its lines, where each 部 stands, the evaluation beside a line, the checks.
public sealed class BudgetFormulationPages(AppDbContext db) : IUseCase
{
    /// The next stage to commit for a 部: the first stage in use after 要求 that is not committed for it yet.
    public static BudgetStage? NextStage(BudgetRound? round, IReadOnlyCollection<BudgetStageCommit> departmentCommits) =>
        round?.InUse.Select(s => s.Stage).Where(s => s != BudgetStage.Request && !departmentCommits.Any(c => c.Stage == s)).Select(s => (BudgetStage?)s).FirstOrDefault();

    /// The assessing stages the person may enter for a line now: in use, not committed, the stage before it committed
    /// (for 財政課査定, the request submitted), and not a line of the person's own 課.
    public static IReadOnlyList<BudgetStage> Assessable(FormulationLine line, BudgetRound? round, IReadOnlyCollection<BudgetStageCommit> departmentCommits, Actor actor, OrgTree org) =>
        round?.InUse.Select(s => s.Stage)
            .Where(s => s is BudgetStage.FinanceAssessment or BudgetStage.MayorAssessment or BudgetStage.RestorationAssessment or BudgetStage.Proposal)
            .Where(s => !departmentCommits.Any(c => c.Stage == s) && round.Previous(s) is BudgetStage p
                && (p == BudgetStage.Request ? line.Request.SubmittedAt is not null : departmentCommits.Any(c => c.Stage == p)))
            .Where(s => BudgetAccess.CheckAssessLine(actor, s, line.Request, org) is null).ToList() ?? [];

    // Split: in one query each stage is repeated for every 部's frame.
    public Task<BudgetRound?> RoundAsync(int year) =>
        db.BudgetRounds.AsNoTracking().Include(r => r.Stages).Include(r => r.Frames).AsSplitQuery().FirstOrDefaultAsync(r => r.FiscalYear == year);

    /// The lines of the year, of the given units only when given, with their entries and — unless details is false, for
    /// the lists of amounts by stage, which show neither — their 復活要求 and 節 breakdown.
    public async Task<List<FormulationLine>> LinesAsync(int year, OrgTree org, IReadOnlyCollection<int>? units = null, bool details = true)
    {
        var query = db.BudgetRequests.AsNoTracking().Include(r => r.Entries).Include(r => r.Project)
            .Where(r => r.FiscalYear == year && (units == null || units.Contains(r.OrgUnitId)));
        if (details) query = query.Include(r => r.Restorations).Include(r => r.Breakdown);
        var requests = await query.AsSplitQuery().ToListAsync();
        return requests.Select(r => new FormulationLine(r, r.Project!.Code, r.Project.Name, org.DepartmentOf(r.OrgUnitId)?.Id ?? r.OrgUnitId))
            .OrderBy(l => org.PathName(l.Request.OrgUnitId), StringComparer.Ordinal).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<FormulationLine?> LineAsync(int requestId, OrgTree org)
    {
        // One query: a line has a few stages, one 復活要求 at most and a few 節, so their product stays small.
        var r = await db.BudgetRequests.AsNoTracking().Include(x => x.Entries).Include(x => x.Restorations).Include(x => x.Breakdown).Include(x => x.Project).AsSingleQuery().FirstOrDefaultAsync(x => x.Id == requestId);
        return r is null ? null : new FormulationLine(r, r.Project!.Code, r.Project.Name, org.DepartmentOf(r.OrgUnitId)?.Id ?? r.OrgUnitId);
    }

    public Task<Project?> ProjectAsync(int projectId) => db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId);

    public Task<BudgetRequest?> RequestAsync(int year, int projectId) => db.BudgetRequests.AsNoTracking().Include(r => r.Breakdown).FirstOrDefaultAsync(r => r.FiscalYear == year && r.ProjectId == projectId);

    public Task<int?> RequestOfRestorationAsync(int restorationId) =>
        db.BudgetRestorations.AsNoTracking().Where(r => r.Id == restorationId).Select(r => (int?)r.BudgetRequestId).FirstOrDefaultAsync();

    /// The people named on lines (who entered, submitted, assessed, answered) by their names.
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> userNames)
    {
        var wanted = userNames.OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!)).Select(u => new { u.UserName, u.DisplayName }).ToListAsync();
        return users.Where(u => u.UserName is not null).ToDictionary(u => u.UserName!, u => string.IsNullOrEmpty(u.DisplayName) ? u.UserName! : u.DisplayName);
    }

    public Task<List<BudgetStageCommit>> CommitsAsync(int year) => db.BudgetStageCommits.AsNoTracking().Where(c => c.FiscalYear == year).ToListAsync();

    /// What the year's round and its commits read: the budget's own rows (Do).
    public static readonly IReadOnlyCollection<string> YearAreas = [DataArea.Do];

    /// What the city's standings read: requests, stages and frames (Do), the projects' codes (Plan), the 部 (Organization).
    public static readonly IReadOnlyCollection<string> StandingAreas = [DataArea.Plan, DataArea.Do, DataArea.Organization];

    /// Where every 部 of the city stands in the year, from every line.
    public async Task<List<DepartmentStanding>> StandingsAsync(int year, OrgTree org) =>
        Standings(await LinesAsync(year, org, details: false), await CommitsAsync(year), await RoundAsync(year), org);

    /// Where every 部 with lines stands: the latest stage committed for it, its totals there and at request, its frame.
    public static List<DepartmentStanding> Standings(IReadOnlyList<FormulationLine> lines, IReadOnlyList<BudgetStageCommit> commits, BudgetRound? round, OrgTree org) =>
        lines.GroupBy(l => l.DepartmentId).Select(g =>
        {
            var reached = commits.Where(c => c.DepartmentId == g.Key).Select(c => (BudgetStage?)c.Stage).Max();
            var requested = g.Select(l => (IFunded?)l.Committed(BudgetStage.Request) ?? l.Request).ToList();
            var current = g.Select(l => l.Latest).ToList();
            return new DepartmentStanding(g.Key, g.Count(), g.Count(l => l.Request.SubmittedAt is not null), requested.Sum(x => x.Expenditure), requested.Sum(x => x.Funding.General),
                current.Sum(x => x.Expenditure), current.Sum(x => x.Funding.General), reached, round?.Frames.FirstOrDefault(f => f.DepartmentId == g.Key)?.GeneralFund);
        }).OrderBy(s => org.Find(s.DepartmentId)?.SortOrder ?? 0).ThenBy(s => s.DepartmentId).ToList();

    /// The projects a 課 may request for in the year (active that year), without a request yet.
    public async Task<List<(int Id, string Code, string Name, int OwnerUnitId)>> UnrequestedAsync(int year, IReadOnlyCollection<int> units)
    {
        var rows = await db.Projects.AsNoTracking()
            .Where(p => units.Contains(p.OwnerUnitId) && p.RetiredAt == null && p.StartYear <= year && (p.EndYear == null || p.EndYear >= year)
                && !db.BudgetRequests.Any(r => r.FiscalYear == year && r.ProjectId == p.Id))
            .Select(p => new { p.Id, p.Code, p.Name, p.OwnerUnitId }).ToListAsync();
        return rows.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => (p.Id, p.Code, p.Name, p.OwnerUnitId)).ToList();
    }

    private const int NamedIdsAtMost = 200;

    /// What each line is checked against, for the given projects, in a fixed number of reads.
    public async Task<Dictionary<int, LineContext>> ContextAsync(int year, IReadOnlyCollection<int> projectIds)
    {
        // SQLite binds one parameter per id named: for a 部's or the city's lines the year's rows are read whole and
        // kept here to the ids.
        var named = projectIds.Count <= NamedIdsAtMost;
        var ids = projectIds.ToHashSet();
        var amounts = await AmountsBesideAsync(year, projectIds);
        var evaluated = EvaluationYears.Informing(year).Evaluated;
        var evaluations = db.ProjectEvaluations.AsNoTracking().Where(v => v.FiscalYear == evaluated && v.State == EvaluationState.Published);
        if (named) evaluations = evaluations.Where(v => projectIds.Contains(v.ProjectId));
        var verdicts = (await evaluations.Select(v => new { v.ProjectId, v.FirstDirection, v.SecondDirection }).ToListAsync()).Where(v => ids.Contains(v.ProjectId));
        var verdictOf = verdicts.ToDictionary(v => v.ProjectId);
        var indicatorRows = db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.ProjectId != null && i.RetiredAt == null);
        if (named) indicatorRows = indicatorRows.Where(i => projectIds.Contains(i.ProjectId!.Value));
        var indicators = (await indicatorRows.ToListAsync()).Where(i => ids.Contains(i.ProjectId!.Value)).ToList();
        var byProject = indicators.ToLookup(i => i.ProjectId!.Value);
        return projectIds.Distinct().ToDictionary(id => id, id =>
        {
            var v = verdictOf.GetValueOrDefault(id);
            return Context(id, amounts[id], v?.SecondDirection ?? v?.FirstDirection, year, byProject[id]);
        });
    }

    /// A line's context: the verdict is the published one given in the year the request is made (EvaluationYears —
    /// the same verdict 評価の効き目 counts for this budget), the indicators judged in the year it evaluated.
    private static LineContext Context(int projectId, (long? PreviousBudget, long? PlanAmount) amounts, Direction? verdict, int year, IEnumerable<Indicator> indicators)
    {
        var years = EvaluationYears.Informing(year);
        var worsening = indicators.Count(i => IndicatorJudgment.Of(i, years.Evaluated).Trend == Trend.Worsening);
        return new LineContext(projectId, amounts.PreviousBudget, amounts.PlanAmount, verdict, years, worsening);
    }

    /// The amounts a line is read beside: the year before's budget (当初, else 査定) and the 実施計画's amount for the
    /// year — budget and plan rows only, so a sheet showing just these is kept while evaluations and indicators change.
    public async Task<Dictionary<int, (long? PreviousBudget, long? PlanAmount)>> AmountsBesideAsync(int year, IReadOnlyCollection<int> projectIds)
    {
        var named = projectIds.Count <= NamedIdsAtMost;
        var ids = projectIds.ToHashSet();
        var previousLines = db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == year - 1);
        if (named) previousLines = previousLines.Where(b => projectIds.Contains(b.ProjectId));
        var previous = (await previousLines.Select(b => new { b.ProjectId, b.Initial, b.Assessed }).ToListAsync()).Where(b => ids.Contains(b.ProjectId)).ToList();
        // The edition that plans the year (PlanEditionIdAsync) asked inside the lines' query: one statement, not two.
        var edition = db.ImplementationPlans.Where(p => p.FiscalYear <= year && p.FiscalYear + ImplementationPlan.YearsCovered - 1 >= year)
            .OrderByDescending(p => p.FiscalYear).Select(p => (int?)p.Id);
        var planLines = db.ImplementationPlanLines.AsNoTracking().Where(l => l.FiscalYear == year && l.ImplementationPlanId == edition.FirstOrDefault());
        if (named) planLines = planLines.Where(l => projectIds.Contains(l.ProjectId));
        var plan = (await planLines.Select(l => new { l.ProjectId, l.Cost }).ToListAsync()).Where(l => ids.Contains(l.ProjectId)).ToList();
        var previousOf = previous.ToDictionary(p => p.ProjectId, p => p.Initial ?? p.Assessed);
        var planOf = plan.GroupBy(p => p.ProjectId).ToDictionary(g => g.Key, g => g.Sum(x => x.Cost));
        return projectIds.Distinct().ToDictionary(id => id, id => (previousOf.GetValueOrDefault(id), planOf.TryGetValue(id, out var c) ? (long?)c : null));
    }

    /// The 実施計画 edition that plans the year: the one starting that year, else the latest earlier one covering it.
    public Task<int?> PlanEditionIdAsync(int year) =>
        db.ImplementationPlans.AsNoTracking().Where(p => p.FiscalYear <= year && p.FiscalYear + ImplementationPlan.YearsCovered - 1 >= year)
            .OrderByDescending(p => p.FiscalYear).Select(p => (int?)p.Id).FirstOrDefaultAsync();

    /// One line's project read beside it: what it is checked against (ContextAsync for one project) and the verdict
    /// itself — the published evaluation given in the year the request is made (EvaluationYears), the one 評価の効き目
    /// counts for this budget — with its indicators judged in the year it evaluated, where the reader may read it
    /// (EvaluationAccess); read without the published sheet and the reasons, which nothing beside a line shows.
    public async Task<(LineContext Context, EvaluationBeside? Evaluation)> BesideAsync(int year, int projectId, Actor actor, OrgTree org)
    {
        var amounts = (await AmountsBesideAsync(year, [projectId]))[projectId];
        var evaluated = EvaluationYears.Informing(year).Evaluated;
        var evaluations = await db.ProjectEvaluations.AsNoTracking().Where(e => e.ProjectId == projectId && e.FiscalYear == evaluated && e.State == EvaluationState.Published)
            .Select(e => new ProjectEvaluation
            {
                Id = e.Id, ProjectId = e.ProjectId, FiscalYear = e.FiscalYear, OwnerUnitId = e.OwnerUnitId, State = e.State,
                FirstDirection = e.FirstDirection, SecondDirection = e.SecondDirection,
                Necessity = e.Necessity, Effectiveness = e.Effectiveness, Efficiency = e.Efficiency, Equity = e.Equity,
                StaffPersonYears = e.StaffPersonYears, StaffCostPerPersonYear = e.StaffCostPerPersonYear, RecordedStaffCost = e.RecordedStaffCost,
                SettledCost = e.SettledCost, Improvement = e.Improvement,
            }).ToListAsync();
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.ProjectId == projectId && i.RetiredAt == null).OrderBy(i => i.SortOrder).ToListAsync();
        var verdict = evaluations.FirstOrDefault();
        var context = Context(projectId, amounts, verdict?.SecondDirection ?? verdict?.FirstDirection, year, indicators);
        var evaluation = verdict is not null && EvaluationAccess.CanRead(actor, verdict, org) ? verdict : null;
        return (context, evaluation is null ? null : new EvaluationBeside(evaluation, indicators.Select(i => (i, IndicatorJudgment.Of(i, evaluation.FiscalYear))).ToList()));
    }

    /// Two stages line by line: each line's committed amounts at either (the request as entered where 要求 is not yet
    /// committed, nothing where a later stage is not).
    public static List<StageCompareRow> Compare(IReadOnlyList<FormulationLine> lines, BudgetStage from, BudgetStage to) =>
        lines.Select(l => new StageCompareRow(l, At(l, from), At(l, to))).ToList();

    /// The comparison a page shows: the rows with their totals per 部 and of all.
    public static StageComparison Comparison(IReadOnlyList<FormulationLine> lines, BudgetStage from, BudgetStage to) => new(Compare(lines, from, to));

    public static IFunded? At(FormulationLine l, BudgetStage stage) =>
        (IFunded?)l.Committed(stage) ?? (stage == BudgetStage.Request ? l.Request : null);
}
