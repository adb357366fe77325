using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Reports;

/// The report without its indicators: the plan's policies, measures and active projects in code order, with each
/// project's settled cost and the sentences from its execution plan and evaluation (or what is missing for them).
public sealed record ResultsFrame(int FiscalYear, string PlanName, IReadOnlyList<ResultsFrame.Policy> Policies)
{
    public sealed record Policy(string Code, string Name, IReadOnlyList<Measure> Measures);

    public sealed record Measure(int Id, string Code, string Name, IReadOnlyList<Project> Projects);

    public sealed record Project(int Id, string Code, string Name, string Unit, long? Settled, string? Execution, string? ExecutionMissing, string? Evaluation, string? EvaluationMissing);

    public static async Task<ResultsFrame> LoadAsync(AppDbContext db, int fiscalYear, Func<int, string> unitName, CancellationToken ct = default)
    {
        var basic = await db.BasicPlans.AsNoTracking().Include(b => b.ComprehensivePlan)
            .Where(b => b.StartYear <= fiscalYear && b.EndYear >= fiscalYear).OrderByDescending(b => b.ComprehensivePlan!.IsCurrent).FirstOrDefaultAsync(ct);
        if (basic is null) return new ResultsFrame(fiscalYear, "", []);
        var policies = await db.Policies.AsNoTracking().Where(p => p.BasicPlanId == basic.Id && p.RetiredAt == null).ToListAsync(ct);
        var policyIds = policies.Select(p => p.Id).ToList();
        var measures = await db.Measures.AsNoTracking().Where(m => policyIds.Contains(m.PolicyId) && m.RetiredAt == null).ToListAsync(ct);
        var measureIds = measures.Select(m => m.Id).ToList();
        var projects = (await db.Projects.AsNoTracking().Where(p => measureIds.Contains(p.MeasureId)).ToListAsync(ct)).Where(p => p.IsActiveIn(fiscalYear)).ToList();
        // The year's rows are read whole (each table has an index on the year) and matched to the plan's projects
        // here: a list of thousands of project ids sent as a parameter costs SQLite more than the rows themselves.
        var projectIds = projects.Select(p => p.Id).ToHashSet();
        var settled = (await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == fiscalYear).Select(b => new { b.ProjectId, b.Settled }).ToListAsync(ct))
            .Where(b => projectIds.Contains(b.ProjectId)).ToDictionary(b => b.ProjectId, b => b.Settled);
        var executions = (await db.ExecutionPlans.AsNoTracking().Where(e => e.FiscalYear == fiscalYear)
            .Select(e => new { e.ProjectId, e.YearEndStatus, e.YearEndProgress }).ToListAsync(ct)).Where(e => projectIds.Contains(e.ProjectId)).ToDictionary(e => e.ProjectId);
        var evaluations = (await db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == fiscalYear)
            .Select(e => new ProjectEvaluation
            {
                ProjectId = e.ProjectId, State = e.State, Effectiveness = e.Effectiveness, EffectivenessReason = e.EffectivenessReason,
                FirstDirection = e.FirstDirection, SecondDirection = e.SecondDirection,
            })
            .ToListAsync(ct)).Where(e => projectIds.Contains(e.ProjectId)).ToDictionary(e => e.ProjectId);
        var directions = await DirectionCatalog.LoadAsync(db, ct);
        var projectsByMeasure = projects.ToLookup(x => x.MeasureId);

        Project Line(Plans.Project x)
        {
            string? execution = null, executionMissing = null, evaluation = null, evaluationMissing = null;
            if (executions.TryGetValue(x.Id, out var e))
            {
                if (!string.IsNullOrWhiteSpace(e.YearEndProgress))
                    execution = $"【実施結果】{(e.YearEndStatus is ProgressStatus st ? st.Label() + "。" : "")}{e.YearEndProgress.Trim()}";
                else executionMissing = "主要事業実行計画の年度末の実施結果";
            }
            if (evaluations.TryGetValue(x.Id, out var ev) && ev.State >= EvaluationState.FirstReviewed)
                evaluation = $"【評価】有効性 {ev.Effectiveness?.Label() ?? "－"}{(string.IsNullOrWhiteSpace(ev.EffectivenessReason) ? "" : "：" + ev.EffectivenessReason.Trim().TrimEnd('。'))}"
                    + (ev.FinalDirection is Direction d ? $"。今後の方向性 {directions.Label(d)}" : "");
            else evaluationMissing = ev is null ? "事務事業評価" : "事務事業評価の一次評価の確定";
            return new Project(x.Id, x.Code, x.Name, unitName(x.OwnerUnitId), settled.GetValueOrDefault(x.Id), execution, executionMissing, evaluation, evaluationMissing);
        }

        static IEnumerable<T> ByCode<T>(IEnumerable<T> items, Func<T, string> code) => items.OrderBy(x => code(x), CodeOrder.Instance);
        return new ResultsFrame(fiscalYear, $"{basic.ComprehensivePlan!.Name}（{basic.Name}）", ByCode(policies, p => p.Code).Select(p => new Policy(p.Code, p.Name,
            ByCode(measures.Where(m => m.PolicyId == p.Id), m => m.Code).Select(m => new Measure(m.Id, m.Code, m.Name,
                ByCode(projectsByMeasure[m.Id], x => x.Code).Select(Line).ToList())).ToList())).ToList());
    }
}

/// The report's indicators for a year: each measure's indicator lines, and for each project one sentence per
/// indicator — its result judged as ADR 0004 judges it, or the missing actual.
public sealed class ResultsIndicators(
    IReadOnlyDictionary<int, List<ResultsReport.IndicatorLine>> byMeasure, IReadOnlyDictionary<int, List<(string? Result, string? Missing)>> byProject)
{
    public IReadOnlyList<ResultsReport.IndicatorLine> OfMeasure(int measureId) => byMeasure.GetValueOrDefault(measureId) ?? [];

    public IReadOnlyList<(string? Result, string? Missing)> OfProject(int projectId) => byProject.GetValueOrDefault(projectId) ?? [];

    public static async Task<ResultsIndicators> LoadAsync(AppDbContext db, int fiscalYear, CancellationToken ct = default)
    {
        // Two flat reads, the columns a line needs: an Include would repeat every indicator's columns (its long
        // description among them) on each of its yearly values.
        var indicators = (await db.Indicators.AsNoTracking().Where(i => i.RetiredAt == null && (i.MeasureId != null || i.ProjectId != null))
            .Select(i => new { i.Id, i.MeasureId, i.ProjectId, i.Name, i.Unit, i.SortOrder, i.Direction, i.BaselineValue, i.BaselineYear, i.Weight })
            .ToListAsync(ct)).OrderBy(i => i.SortOrder).ToList();
        var values = (await db.IndicatorValues.AsNoTracking().Where(v => v.FiscalYear <= fiscalYear)
            .Select(v => new { v.IndicatorId, v.FiscalYear, v.Target, v.Actual }).ToListAsync(ct)).ToLookup(v => v.IndicatorId);
        var judged = indicators.Select(i =>
        {
            var own = values[i.Id].Select(v => (v.FiscalYear, v.Target, v.Actual)).ToList();
            var year = own.FirstOrDefault(v => v.FiscalYear == fiscalYear);
            var (target, actual) = year.FiscalYear == fiscalYear ? (year.Target, year.Actual) : (null, null);
            return (i.MeasureId, i.ProjectId, i.Name, i.Unit, i.Weight, Target: target, Actual: actual,
                Judgment: IndicatorJudgment.Of(i.Direction, i.BaselineValue, i.BaselineYear, own, fiscalYear));
        }).ToList();
        var byMeasure = judged.Where(i => i.MeasureId != null).GroupBy(i => i.MeasureId!.Value).ToDictionary(g => g.Key,
            g => g.Select(i => new ResultsReport.IndicatorLine(i.Name, i.Unit, i.Target, i.Actual, i.Judgment, i.Weight)).ToList());
        var byProject = judged.Where(i => i.ProjectId != null).GroupBy(i => i.ProjectId!.Value).ToDictionary(g => g.Key, g => g.Select(i =>
            i.Actual is decimal actual
                ? ($"【指標】{i.Name} {ResultsReport.Describe(i.Unit, i.Target, actual, i.Judgment)}", (string?)null)
                : ((string?)null, $"指標「{i.Name}」の実績")).ToList());
        return new ResultsIndicators(byMeasure, byProject);
    }
}
