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
        var indicators = (await db.Indicators.AsNoTracking().Include(i => i.Values.Where(v => v.FiscalYear <= fiscalYear))
            .Where(i => i.RetiredAt == null && (i.MeasureId != null || i.ProjectId != null)).ToListAsync(ct)).OrderBy(i => i.SortOrder).ToList();
        var byMeasure = indicators.Where(i => i.MeasureId != null).GroupBy(i => i.MeasureId!.Value).ToDictionary(g => g.Key, g => g.Select(i =>
        {
            var v = i.Values.FirstOrDefault(x => x.FiscalYear == fiscalYear);
            return new ResultsReport.IndicatorLine(i.Name, i.Unit, v?.Target, v?.Actual, IndicatorJudgment.Of(i, fiscalYear));
        }).ToList());
        var byProject = indicators.Where(i => i.ProjectId != null).GroupBy(i => i.ProjectId!.Value).ToDictionary(g => g.Key, g => g.Select(i =>
        {
            var v = i.Values.FirstOrDefault(y => y.FiscalYear == fiscalYear);
            return v?.Actual is decimal actual
                ? ($"【指標】{i.Name} {ResultsReport.Describe(i.Unit, v.Target, actual, IndicatorJudgment.Of(i, fiscalYear))}", (string?)null)
                : ((string?)null, $"指標「{i.Name}」の実績");
        }).ToList());
        return new ResultsIndicators(byMeasure, byProject);
    }
}
