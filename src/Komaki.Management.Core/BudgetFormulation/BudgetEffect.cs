using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.BudgetFormulation;

/// What one column of N+1 is compared with, like with like: the N 当初 (or N 一般財源) of the projects that have the
/// column's figure, plus those decided to end (終了年度 before N+1 or 廃止) that have none — a real decision, counted as 0;
/// a project still active in N+1 without the figure is Missing (with its N amount in MissingBase), never a cut.
public sealed record EffectBase(long Base, int Missing, long MissingBase)
{
    public static readonly EffectBase Zero = new(0, 0, 0);

    public EffectBase Add(EffectBase o) => new(Base + o.Base, Missing + o.Missing, MissingBase + o.MissingBase);

    public static EffectBase? Sum(EffectBase? a, EffectBase? b) => a is null && b is null ? null : (a ?? Zero).Add(b ?? Zero);

    /// One project's part: its N amount, and whether it has the N+1 figure or has ended.
    public static EffectBase Of(long before, bool has, bool ended) => has || ended ? new(before, 0, 0) : new(0, 1, before);
}

/// Sums of one group of projects in the 評価の効き目 report of evaluation year N: N's 当初予算, N+1's 要求・査定・当初・決算
/// (the budget table's figures), 一般財源 where the formulation or the settlement knows it, and 人工 in the evaluations
/// given in N and N+1 (FiscalYear N−1 and N). Each N+1 column has its comparable base (EffectBase); null bases are an
/// edition published before bases were kept (its change was against the whole Base) — for 一般財源, or a year N whose
/// budget was not formulated here (BaseGeneral null).
public sealed record EffectFigures(int Projects, long Base, long? Requested, long? Assessed, long? Initial, long? Settled,
    long? RequestedGeneral, long? AssessedGeneral, long? SettledGeneral, decimal PersonYears, decimal? NextPersonYears)
{
    public static readonly EffectFigures Zero = new(0, 0, null, null, null, null, null, null, null, 0, null);

    public EffectBase? RequestedBase { get; init; }
    public EffectBase? AssessedBase { get; init; }
    public EffectBase? InitialBase { get; init; }
    public EffectBase? SettledBase { get; init; }
    /// N's 一般財源 of every project: its committed 予算案 entries (null: N's budget was not formulated here).
    public long? BaseGeneral { get; init; }
    public EffectBase? RequestedGeneralBase { get; init; }
    public EffectBase? AssessedGeneralBase { get; init; }
    public EffectBase? SettledGeneralBase { get; init; }
    /// Whether the figures were compared like with like (false: an edition published before, against the whole base).
    public bool LikeWithLike { get; init; }

    public EffectFigures Add(EffectFigures o) => new(Projects + o.Projects, Base + o.Base, Sum(Requested, o.Requested), Sum(Assessed, o.Assessed),
        Sum(Initial, o.Initial), Sum(Settled, o.Settled), Sum(RequestedGeneral, o.RequestedGeneral), Sum(AssessedGeneral, o.AssessedGeneral),
        Sum(SettledGeneral, o.SettledGeneral), PersonYears + o.PersonYears, o.NextPersonYears is null && NextPersonYears is null ? null : (NextPersonYears ?? 0) + (o.NextPersonYears ?? 0))
    {
        RequestedBase = EffectBase.Sum(RequestedBase, o.RequestedBase), AssessedBase = EffectBase.Sum(AssessedBase, o.AssessedBase),
        InitialBase = EffectBase.Sum(InitialBase, o.InitialBase), SettledBase = EffectBase.Sum(SettledBase, o.SettledBase),
        BaseGeneral = Sum(BaseGeneral, o.BaseGeneral), RequestedGeneralBase = EffectBase.Sum(RequestedGeneralBase, o.RequestedGeneralBase),
        AssessedGeneralBase = EffectBase.Sum(AssessedGeneralBase, o.AssessedGeneralBase), SettledGeneralBase = EffectBase.Sum(SettledGeneralBase, o.SettledGeneralBase),
        LikeWithLike = LikeWithLike || o.LikeWithLike,
    };

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    public static long? Change(long? to, long from) => to is long t ? t - from : null;

    /// The report's columns as every place shows them (screen, Excel, public page, open data): one computation.
    public IReadOnlyList<EffectColumn> Columns =>
    [
        EffectColumn.Of(EffectColumnKind.Requested, Requested, RequestedBase, Base, LikeWithLike),
        EffectColumn.Of(EffectColumnKind.Assessed, Assessed, AssessedBase, Base, LikeWithLike),
        EffectColumn.Of(EffectColumnKind.Initial, Initial, InitialBase, Base, LikeWithLike),
        EffectColumn.Of(EffectColumnKind.Settled, Settled, SettledBase, Base, LikeWithLike),
        EffectColumn.Of(EffectColumnKind.RequestedGeneral, RequestedGeneral, RequestedGeneralBase, null, LikeWithLike),
        EffectColumn.Of(EffectColumnKind.AssessedGeneral, AssessedGeneral, AssessedGeneralBase, null, LikeWithLike),
        EffectColumn.Of(EffectColumnKind.SettledGeneral, SettledGeneral, SettledGeneralBase, null, LikeWithLike),
    ];

    public EffectColumn Column(EffectColumnKind kind) => Columns[(int)kind];
}

public enum EffectColumnKind { Requested, Assessed, Initial, Settled, RequestedGeneral, AssessedGeneral, SettledGeneral }

/// One N+1 column of a row: its figure, the change from what it is compared with, and the projects without the figure
/// that are not counted (「未要求 n件（当初 x千円）」). Change is null when there is nothing to compare: no figure, or
/// 一般財源 without N's 一般財源.
public sealed record EffectColumn(EffectColumnKind Kind, long? Figure, long? Compared, long? Change, int Missing, long MissingBase, bool WholeBase)
{
    public static EffectColumn Of(EffectColumnKind kind, long? figure, EffectBase? @base, long? wholeBase, bool likeWithLike)
    {
        // An edition published before bases were kept compared its figure with the whole base, and says so.
        if (!likeWithLike) return new(kind, figure, wholeBase, wholeBase is long w ? EffectFigures.Change(figure, w) : null, 0, 0, wholeBase is not null);
        if (@base is null) return new(kind, figure, null, null, 0, 0, false);
        return new(kind, figure, @base.Base, figure is null && @base.Base == 0 ? null : (figure ?? 0) - @base.Base, @base.Missing, @base.MissingBase, false);
    }

    public bool General => Kind >= EffectColumnKind.RequestedGeneral;

    /// 「未要求」「未査定」「未決算」… : the word for a project without this figure.
    public string MissingWord => Kind switch
    {
        EffectColumnKind.Requested or EffectColumnKind.RequestedGeneral => "未要求",
        EffectColumnKind.Assessed or EffectColumnKind.AssessedGeneral => "未査定",
        EffectColumnKind.Initial => "当初予算なし",
        _ => "未決算",
    };

    /// The change in 千円 with its sign (「+1,234」「▲567」), or 「－」.
    public string ChangeText => Change is long c ? (c > 0 ? "+" : "") + Amounts.Thousands(c) : "－";

    /// 「未要求 3件（当初 1,234千円）」: who is not counted in the change, or empty.
    public string MissingText => Missing == 0 ? "" : $"{MissingWord} {Missing}件（{(General ? "一般財源" : "当初")} {Amounts.Thousands(MissingBase)}千円）";

    /// The whole note beside a change in words: what it compared.
    public string Note => WholeBase ? "当初予算全体と比較（この版の公表時の計算）"
        : General && Compared is null && Figure is not null ? "比べる元の一般財源なし" : MissingText;
}

/// One row: a 部 (null for the city) and a verdict (null for projects without a published verdict given in year N).
public sealed record EffectRow(int? DepartmentId, Direction? Verdict, EffectFigures Figures);

/// Where one project is counted: its 部 and the verdict given in year N (null: 評価なし).
public sealed record EffectPlace(int? DepartmentId, Direction? Verdict);

public sealed record EffectReport(int Year, IReadOnlyList<EffectRow> Rows, IReadOnlyList<EffectRow> CityByVerdict, EffectFigures Total,
    IReadOnlyDictionary<int, EffectPlace> Places)
{
    public EvaluationYears Years => new(Year);
}

/// 評価の効き目 of evaluation year N (EvaluationYears): for every verdict (今後の方向性) given in N — the published
/// evaluations of FiscalYear N−1 — what happened between N's 当初予算, in force when the verdict was given, and N+1's
/// request, assessment, initial budget and settlement. Every project with a budget line in N or N+1 is in exactly one
/// row (those without a published verdict under 「評価なし」), so each column's total is the budget table's total for
/// its year, to the yen. A project is counted in the 部 of the 課 that made its N+1 request — where 予算編成 counts it —
/// else of the 課 that carried out its evaluation in N, else of its owner now.
public sealed class BudgetEffect(AppDbContext db) : IUseCase
{
    /// What the report reads: budget lines and requests (Do), evaluations (Check), the projects' 課 (Plan), the 部 (Organization).
    public static readonly IReadOnlyCollection<string> Areas = [DataArea.Plan, DataArea.Do, DataArea.Check, DataArea.Organization];

    public async Task<EffectReport> ReportAsync(int year, OrgTree org)
    {
        var years = new EvaluationYears(year);
        var (baseYear, next) = (years.BaseBudget, years.InformedBudget);
        var (judged, nextJudged) = (years.Evaluated, new EvaluationYears(next).Evaluated);
        var lines = await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == baseYear || b.FiscalYear == next)
            .Select(b => new { b.ProjectId, b.FiscalYear, b.Initial, b.Requested, b.Assessed, b.Settled, b.SettledGeneral }).ToListAsync();
        var evaluations = await db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == judged || e.FiscalYear == nextJudged)
            .Select(e => new { e.ProjectId, e.FiscalYear, e.OwnerUnitId, e.State, e.FirstDirection, e.SecondDirection, e.StaffPersonYears }).ToListAsync();
        var projectRows = await db.Projects.AsNoTracking().Select(p => new { p.Id, p.OwnerUnitId, p.EndYear, p.RetiredAt }).ToListAsync();
        var owners = projectRows.ToDictionary(p => p.Id, p => p.OwnerUnitId);
        // Decided to end before N+1 (終了年度 or 廃止): no figure in N+1 is the decision, counted as 0.
        var ended = projectRows.Where(p => p.EndYear < next || p.RetiredAt != null).Select(p => p.Id).ToHashSet();
        // N's 一般財源, where N's budget was formulated here: each line's committed 予算案.
        var formulatedBefore = await db.BudgetRounds.AsNoTracking().AnyAsync(r => r.FiscalYear == baseYear);
        var generalBefore = formulatedBefore
            ? await (from r in db.BudgetRequests.AsNoTracking().Where(r => r.FiscalYear == baseYear)
                     join e in db.BudgetStageEntries.AsNoTracking().Where(e => e.Committed && e.Stage == BudgetStage.Proposal) on r.Id equals e.BudgetRequestId
                     select new { r.ProjectId, e.Funding.General })
                .ToDictionaryAsync(x => x.ProjectId, x => x.General)
            : new Dictionary<int, long>();
        var requests = await db.BudgetRequests.AsNoTracking().Where(r => r.FiscalYear == next)
            .Select(r => new { r.ProjectId, r.OrgUnitId, Entries = r.Entries.Where(e => e.Committed).Select(e => new { e.Stage, e.Funding.General }).ToList() }).ToListAsync();
        var requestOf = requests.ToDictionary(r => r.ProjectId);
        var before = lines.Where(l => l.FiscalYear == baseYear).ToDictionary(l => l.ProjectId);
        var after = lines.Where(l => l.FiscalYear == next).ToDictionary(l => l.ProjectId);
        var verdictOf = evaluations.Where(e => e.FiscalYear == judged && e.State == EvaluationState.Published).ToDictionary(e => e.ProjectId);
        // The 課 that carried out the evaluation in N, published or not: who owned the project then.
        var evaluatedBy = evaluations.Where(e => e.FiscalYear == judged).ToDictionary(e => e.ProjectId, e => e.OwnerUnitId);
        // 人工 given in N+1 beside N's: only what is published counts — a draft's figure is nobody's answer yet.
        var nextStaff = evaluations.Where(e => e.FiscalYear == nextJudged && e.State == EvaluationState.Published).ToDictionary(e => e.ProjectId, e => e.StaffPersonYears);
        var projects = before.Keys.Union(after.Keys).ToList();
        var perProject = projects.Select(id =>
        {
            before.TryGetValue(id, out var b);
            after.TryGetValue(id, out var a);
            var v = verdictOf.GetValueOrDefault(id);
            var request = requestOf.GetValueOrDefault(id);
            var entries = request?.Entries;
            long? requestedGeneral = entries?.FirstOrDefault(e => e.Stage == BudgetStage.Request)?.General;
            long? assessedGeneral = entries?.Where(e => e.Stage is BudgetStage.FinanceAssessment or BudgetStage.MayorAssessment or BudgetStage.RestorationAssessment or BudgetStage.Proposal)
                .OrderByDescending(e => e.Stage).Select(e => (long?)e.General).FirstOrDefault();
            var end = ended.Contains(id);
            var baseInitial = b?.Initial ?? 0;
            long? baseGeneral = formulatedBefore ? generalBefore.GetValueOrDefault(id) : null;
            EffectBase? GeneralBase(long? figure) => baseGeneral is long g ? EffectBase.Of(g, figure is not null, end) : null;
            var figures = new EffectFigures(1, baseInitial, a?.Requested, a?.Assessed, a?.Initial, a?.Settled, requestedGeneral, assessedGeneral, a?.SettledGeneral,
                v?.StaffPersonYears ?? 0, nextStaff.TryGetValue(id, out var s) ? s : null)
            {
                RequestedBase = EffectBase.Of(baseInitial, a?.Requested is not null, end), AssessedBase = EffectBase.Of(baseInitial, a?.Assessed is not null, end),
                InitialBase = EffectBase.Of(baseInitial, a?.Initial is not null, end), SettledBase = EffectBase.Of(baseInitial, a?.Settled is not null, end),
                BaseGeneral = baseGeneral, RequestedGeneralBase = GeneralBase(requestedGeneral), AssessedGeneralBase = GeneralBase(assessedGeneral),
                SettledGeneralBase = GeneralBase(a?.SettledGeneral), LikeWithLike = true,
            };
            var unit = request?.OrgUnitId ?? (evaluatedBy.TryGetValue(id, out var u) ? u : owners.GetValueOrDefault(id));
            return (Id: id, Department: org.DepartmentOf(unit)?.Id, Verdict: v?.SecondDirection ?? v?.FirstDirection, Figures: figures);
        }).ToList();
        EffectFigures Sum(IEnumerable<EffectFigures> f) => f.Aggregate(EffectFigures.Zero with { LikeWithLike = true }, (x, y) => x.Add(y));
        var rows = perProject.GroupBy(p => (p.Department, p.Verdict))
            .Select(g => new EffectRow(g.Key.Department, g.Key.Verdict, Sum(g.Select(x => x.Figures))))
            .OrderBy(r => org.Find(r.DepartmentId)?.SortOrder ?? int.MaxValue).ThenBy(r => r.DepartmentId).ThenBy(r => r.Verdict is null).ThenBy(r => r.Verdict).ToList();
        var city = perProject.GroupBy(p => p.Verdict).Select(g => new EffectRow(null, g.Key, Sum(g.Select(x => x.Figures))))
            .OrderBy(r => r.Verdict is null).ThenBy(r => r.Verdict).ToList();
        return new EffectReport(year, rows, city, Sum(perProject.Select(p => p.Figures)), perProject.ToDictionary(p => p.Id, p => new EffectPlace(p.Department, p.Verdict)));
    }
}
