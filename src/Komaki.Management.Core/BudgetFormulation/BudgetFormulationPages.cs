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

/// A project as a line is read beside it, for every reader (kept and shared: read only): what its line is checked
/// against, and its verdict with its indicators judged, which only those who may read the evaluation are shown.
public sealed record ProjectBeside(LineContext Context, ProjectEvaluation? Verdict, IReadOnlyList<(Indicator Indicator, IndicatorJudgment Judgment)> Indicators)
{
    public EvaluationBeside? For(Actor actor, OrgTree org) =>
        Verdict is not null && EvaluationAccess.CanRead(actor, Verdict, org) ? new EvaluationBeside(Verdict, Indicators) : null;
}

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
        return Ordered(requests.Select(r => new FormulationLine(r, r.Project!.Code, r.Project.Name, org.DepartmentOf(r.OrgUnitId)?.Id ?? r.OrgUnitId)), org);
    }

    /// The lines of some units as a stage's confirmation checks them, read afresh in one statement: each request with its
    /// entries and its 復活要求 (a few rows a line, so their product stays small) and its project's code and name — no
    /// 節 and no project record, which it does not show (five statements until round 12).
    public async Task<List<FormulationLine>> LinesToCheckAsync(int year, OrgTree org, IReadOnlyCollection<int> units)
    {
        var rows = await db.BudgetRequests.AsNoTracking().Where(r => r.FiscalYear == year && units.Contains(r.OrgUnitId))
            .Select(r => new { Request = r, Entries = r.Entries.ToList(), Restorations = r.Restorations.ToList(), r.Project!.Code, r.Project.Name })
            .AsSingleQuery().ToListAsync();
        return Ordered(rows.Select(x =>
        {
            x.Request.Entries = x.Entries;
            x.Request.Restorations = x.Restorations;
            return new FormulationLine(x.Request, x.Code, x.Name, org.DepartmentOf(x.Request.OrgUnitId)?.Id ?? x.Request.OrgUnitId);
        }), org);
    }

    private static List<FormulationLine> Ordered(IEnumerable<FormulationLine> lines, OrgTree org) =>
        lines.OrderBy(l => org.PathName(l.Request.OrgUnitId), StringComparer.Ordinal).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();

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

    /// The people named on lines (who entered, submitted, assessed, answered) by their names; everyone's when null.
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?>? userNames)
    {
        var wanted = userNames?.OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => wanted == null || wanted.Contains(u.UserName!)).Select(u => new { u.UserName, u.DisplayName }).ToListAsync();
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

    /// What each line is checked against, for the given projects, in three statements: the amounts beside them, the
    /// verdicts, and the actuals of their indicators up to the year evaluated (projected: the trend is all a check reads).
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
        var actuals = db.IndicatorValues.AsNoTracking()
            .Where(v => v.FiscalYear <= evaluated && v.Actual != null && v.Indicator!.ProjectId != null && v.Indicator!.RetiredAt == null);
        if (named) actuals = actuals.Where(v => projectIds.Contains(v.Indicator!.ProjectId!.Value));
        var rows = (await actuals.Select(v => new { ProjectId = v.Indicator!.ProjectId!.Value, v.IndicatorId, v.Indicator!.Direction, v.Indicator!.BaselineValue, v.Indicator!.BaselineYear, v.FiscalYear, v.Target, v.Actual })
            .ToListAsync()).Where(v => ids.Contains(v.ProjectId)).ToList();
        var worsening = rows.GroupBy(v => (v.ProjectId, v.IndicatorId))
            .Where(g => IndicatorJudgment.Of(g.First().Direction, g.First().BaselineValue, g.First().BaselineYear, g.Select(v => (v.FiscalYear, v.Target, v.Actual)), evaluated).Trend == Trend.Worsening)
            .GroupBy(g => g.Key.ProjectId).ToDictionary(g => g.Key, g => g.Count());
        return projectIds.Distinct().ToDictionary(id => id, id =>
        {
            var v = verdictOf.GetValueOrDefault(id);
            return Context(id, amounts[id], v?.SecondDirection ?? v?.FirstDirection, year, worsening.GetValueOrDefault(id));
        });
    }

    /// A line's context: the verdict is the published one given in the year the request is made (EvaluationYears —
    /// the same verdict 評価の効き目 counts for this budget), the indicators judged in the year it evaluated.
    private static LineContext Context(int projectId, (long? PreviousBudget, long? PlanAmount) amounts, Direction? verdict, int year, int worseningIndicators) =>
        new(projectId, amounts.PreviousBudget, amounts.PlanAmount, verdict, EvaluationYears.Informing(year), worseningIndicators);

    /// The amounts a line is read beside: the year before's budget (当初, else 査定) and the 実施計画's amount for the
    /// year — budget and plan rows only, so a sheet showing just these is kept while evaluations and indicators change.
    /// One statement: the budget's rows (the year before) and the plan's (the year itself) told apart by their year.
    public async Task<Dictionary<int, (long? PreviousBudget, long? PlanAmount)>> AmountsBesideAsync(int year, IReadOnlyCollection<int> projectIds)
    {
        var named = projectIds.Count <= NamedIdsAtMost;
        var ids = projectIds.ToHashSet();
        var previousLines = db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == year - 1);
        if (named) previousLines = previousLines.Where(b => projectIds.Contains(b.ProjectId));
        // The edition that plans the year (PlanEditionIdAsync) asked inside the lines' query: one statement, not two.
        var edition = db.ImplementationPlans.Where(p => p.FiscalYear <= year && p.FiscalYear + ImplementationPlan.YearsCovered - 1 >= year)
            .OrderByDescending(p => p.FiscalYear).Select(p => (int?)p.Id);
        var planLines = db.ImplementationPlanLines.AsNoTracking().Where(l => l.FiscalYear == year && l.ImplementationPlanId == edition.FirstOrDefault());
        if (named) planLines = planLines.Where(l => projectIds.Contains(l.ProjectId));
        var rows = (await previousLines.Select(b => new { b.FiscalYear, b.ProjectId, Amount = b.Initial ?? b.Assessed })
            .Concat(planLines.Select(l => new { l.FiscalYear, l.ProjectId, Amount = (long?)l.Cost })).ToListAsync()).Where(r => ids.Contains(r.ProjectId)).ToList();
        var previousOf = rows.Where(r => r.FiscalYear == year - 1).ToDictionary(p => p.ProjectId, p => p.Amount);
        var planOf = rows.Where(r => r.FiscalYear == year).GroupBy(p => p.ProjectId).ToDictionary(g => g.Key, g => g.Sum(x => x.Amount ?? 0));
        return projectIds.Distinct().ToDictionary(id => id, id => (previousOf.GetValueOrDefault(id), planOf.TryGetValue(id, out var c) ? (long?)c : null));
    }

    /// The 実施計画 edition that plans the year: the one starting that year, else the latest earlier one covering it.
    public Task<int?> PlanEditionIdAsync(int year) =>
        db.ImplementationPlans.AsNoTracking().Where(p => p.FiscalYear <= year && p.FiscalYear + ImplementationPlan.YearsCovered - 1 >= year)
            .OrderByDescending(p => p.FiscalYear).Select(p => (int?)p.Id).FirstOrDefaultAsync();

    /// One line's project read beside it: what it is checked against (ContextAsync for one project) and the verdict
    /// itself — the published evaluation given in the year the request is made (EvaluationYears), the one 評価の効き目
    /// counts for this budget — with its indicators judged in the year it evaluated, for every reader (ProjectBeside.For
    /// keeps it to who may read it); read without the published sheet and the reasons, which nothing beside a line shows.
    public async Task<ProjectBeside> BesideAsync(int year, int projectId)
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
        var judged = indicators.Select(i => (i, IndicatorJudgment.Of(i, evaluated))).ToList();
        var context = Context(projectId, amounts, verdict?.SecondDirection ?? verdict?.FirstDirection, year, judged.Count(x => x.Item2.Trend == Trend.Worsening));
        return new ProjectBeside(context, verdict, verdict is null ? [] : indicators.Select(i => (i, IndicatorJudgment.Of(i, verdict.FiscalYear))).ToList());
    }

    public async Task<(LineContext Context, EvaluationBeside? Evaluation)> BesideAsync(int year, int projectId, Actor actor, OrgTree org)
    {
        var beside = await BesideAsync(year, projectId);
        return (beside.Context, beside.For(actor, org));
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
