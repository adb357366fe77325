using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.BudgetFormulation;

/// Sums of one group of projects in the 評価の効き目 report of evaluation year N: N's 当初予算, N+1's 要求・査定・当初・決算
/// (the budget table's figures), 一般財源 where the formulation or the settlement knows it, and 人工 in the evaluations
/// given in N and N+1 (FiscalYear N−1 and N).
public sealed record EffectFigures(int Projects, long Base, long? Requested, long? Assessed, long? Initial, long? Settled,
    long? RequestedGeneral, long? AssessedGeneral, long? SettledGeneral, decimal PersonYears, decimal? NextPersonYears)
{
    public static readonly EffectFigures Zero = new(0, 0, null, null, null, null, null, null, null, 0, null);

    public EffectFigures Add(EffectFigures o) => new(Projects + o.Projects, Base + o.Base, Sum(Requested, o.Requested), Sum(Assessed, o.Assessed),
        Sum(Initial, o.Initial), Sum(Settled, o.Settled), Sum(RequestedGeneral, o.RequestedGeneral), Sum(AssessedGeneral, o.AssessedGeneral),
        Sum(SettledGeneral, o.SettledGeneral), PersonYears + o.PersonYears, o.NextPersonYears is null && NextPersonYears is null ? null : (NextPersonYears ?? 0) + (o.NextPersonYears ?? 0));

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    public static long? Change(long? to, long from) => to is long t ? t - from : null;
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
        var owners = await db.Projects.AsNoTracking().Select(p => new { p.Id, p.OwnerUnitId }).ToDictionaryAsync(p => p.Id, p => p.OwnerUnitId);
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
            var figures = new EffectFigures(1, b?.Initial ?? 0, a?.Requested, a?.Assessed, a?.Initial, a?.Settled, requestedGeneral, assessedGeneral, a?.SettledGeneral,
                v?.StaffPersonYears ?? 0, nextStaff.TryGetValue(id, out var s) ? s : null);
            var unit = request?.OrgUnitId ?? (evaluatedBy.TryGetValue(id, out var u) ? u : owners.GetValueOrDefault(id));
            return (Id: id, Department: org.DepartmentOf(unit)?.Id, Verdict: v?.SecondDirection ?? v?.FirstDirection, Figures: figures);
        }).ToList();
        EffectFigures Sum(IEnumerable<EffectFigures> f) => f.Aggregate(EffectFigures.Zero, (x, y) => x.Add(y));
        var rows = perProject.GroupBy(p => (p.Department, p.Verdict))
            .Select(g => new EffectRow(g.Key.Department, g.Key.Verdict, Sum(g.Select(x => x.Figures))))
            .OrderBy(r => org.Find(r.DepartmentId)?.SortOrder ?? int.MaxValue).ThenBy(r => r.DepartmentId).ThenBy(r => r.Verdict is null).ThenBy(r => r.Verdict).ToList();
        var city = perProject.GroupBy(p => p.Verdict).Select(g => new EffectRow(null, g.Key, Sum(g.Select(x => x.Figures))))
            .OrderBy(r => r.Verdict is null).ThenBy(r => r.Verdict).ToList();
        return new EffectReport(year, rows, city, Sum(perProject.Select(p => p.Figures)), perProject.ToDictionary(p => p.Id, p => new EffectPlace(p.Department, p.Verdict)));
    }
}
