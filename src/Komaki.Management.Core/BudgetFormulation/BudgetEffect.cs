using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.BudgetFormulation;

/// Sums of one group of projects in the 評価の効き目 report: year N's 当初予算, year N+1's 要求・査定・当初・決算 (the budget
/// table's figures), 一般財源 where the formulation or the settlement knows it, and 人工 in the evaluations of N and N+1.
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

/// One row: a 部 (null for the city) and a verdict (null for projects without a published verdict of year N).
public sealed record EffectRow(int? DepartmentId, Direction? Verdict, EffectFigures Figures);

public sealed record EffectReport(int Year, IReadOnlyList<EffectRow> Rows, IReadOnlyList<EffectRow> CityByVerdict, EffectFigures Total);

/// 評価の効き目: for every verdict (今後の方向性) of year N's published evaluations, what happened between year N's budget
/// and year N+1's request, assessment, initial budget and settlement. Every project with a budget line in N or N+1 is in
/// exactly one row (those without a published verdict under 「評価なし」), so each column's total is the budget table's
/// total for its year, to the yen.
public sealed class BudgetEffect(AppDbContext db) : IUseCase
{
    /// What the report reads: budget lines and requests (Do), evaluations (Check), the projects' 課 (Plan), the 部 (Organization).
    public static readonly IReadOnlyCollection<string> Areas = [DataArea.Plan, DataArea.Do, DataArea.Check, DataArea.Organization];

    public async Task<EffectReport> ReportAsync(int year, OrgTree org)
    {
        var next = year + 1;
        var lines = await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == year || b.FiscalYear == next)
            .Select(b => new { b.ProjectId, b.FiscalYear, b.Initial, b.Requested, b.Assessed, b.Settled, b.SettledGeneral }).ToListAsync();
        var evaluations = await db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == year || e.FiscalYear == next)
            .Select(e => new { e.ProjectId, e.FiscalYear, e.State, e.FirstDirection, e.SecondDirection, e.StaffPersonYears }).ToListAsync();
        var owners = await db.Projects.AsNoTracking().Select(p => new { p.Id, p.OwnerUnitId }).ToDictionaryAsync(p => p.Id, p => p.OwnerUnitId);
        var requests = await db.BudgetRequests.AsNoTracking().Where(r => r.FiscalYear == next)
            .Select(r => new { r.ProjectId, Entries = r.Entries.Where(e => e.Committed).Select(e => new { e.Stage, e.General }).ToList() }).ToListAsync();
        var requestOf = requests.ToDictionary(r => r.ProjectId);
        var before = lines.Where(l => l.FiscalYear == year).ToDictionary(l => l.ProjectId);
        var after = lines.Where(l => l.FiscalYear == next).ToDictionary(l => l.ProjectId);
        var verdictOf = evaluations.Where(e => e.FiscalYear == year && e.State == EvaluationState.Published).ToDictionary(e => e.ProjectId);
        // 人工 of N+1 as of year N's: only what is published counts — a draft's figure is nobody's answer yet.
        var nextStaff = evaluations.Where(e => e.FiscalYear == next && e.State == EvaluationState.Published).ToDictionary(e => e.ProjectId, e => e.StaffPersonYears);
        var projects = before.Keys.Union(after.Keys).ToList();
        var perProject = projects.Select(id =>
        {
            before.TryGetValue(id, out var b);
            after.TryGetValue(id, out var a);
            var v = verdictOf.GetValueOrDefault(id);
            var entries = requestOf.GetValueOrDefault(id)?.Entries;
            long? requestedGeneral = entries?.FirstOrDefault(e => e.Stage == BudgetStage.Request)?.General;
            long? assessedGeneral = entries?.Where(e => e.Stage is BudgetStage.FinanceAssessment or BudgetStage.MayorAssessment or BudgetStage.RestorationAssessment or BudgetStage.Proposal)
                .OrderByDescending(e => e.Stage).Select(e => (long?)e.General).FirstOrDefault();
            var figures = new EffectFigures(1, b?.Initial ?? 0, a?.Requested, a?.Assessed, a?.Initial, a?.Settled, requestedGeneral, assessedGeneral, a?.SettledGeneral,
                v?.StaffPersonYears ?? 0, nextStaff.TryGetValue(id, out var s) ? s : null);
            return (Department: org.DepartmentOf(owners.GetValueOrDefault(id))?.Id, Verdict: v?.SecondDirection ?? v?.FirstDirection, Figures: figures);
        }).ToList();
        EffectFigures Sum(IEnumerable<EffectFigures> f) => f.Aggregate(EffectFigures.Zero, (x, y) => x.Add(y));
        var rows = perProject.GroupBy(p => (p.Department, p.Verdict))
            .Select(g => new EffectRow(g.Key.Department, g.Key.Verdict, Sum(g.Select(x => x.Figures))))
            .OrderBy(r => org.Find(r.DepartmentId)?.SortOrder ?? int.MaxValue).ThenBy(r => r.DepartmentId).ThenBy(r => r.Verdict is null).ThenBy(r => r.Verdict).ToList();
        var city = perProject.GroupBy(p => p.Verdict).Select(g => new EffectRow(null, g.Key, Sum(g.Select(x => x.Figures))))
            .OrderBy(r => r.Verdict is null).ThenBy(r => r.Verdict).ToList();
        return new EffectReport(year, rows, city, Sum(perProject.Select(p => p.Figures)));
    }
}
