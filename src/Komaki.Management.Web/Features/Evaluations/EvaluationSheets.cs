using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.Evaluations;

/// Builds 事務事業評価シート as Japanese cities lay them out: 目的・手段, the last three years of cost and of each
/// activity and outcome indicator, last year's improvement and what answered it — from the budget, the plan, the
/// indicators and the evaluations the reader may read. One query per kind of record, however many projects.
public sealed class EvaluationSheets(AppDbContext db, CurrentUser me, IConfiguration configuration)
{
    public const int YearsShown = 3;

    /// The staff cost of one person-year (Evaluation:StaffCostPerPersonYear, yen); 8,000,000 unless configured.
    public long StaffCostPerPersonYear => configuration.GetValue<long?>("Evaluation:StaffCostPerPersonYear") ?? 8_000_000;

    public async Task<EvaluationSheet?> OneAsync(int year, int projectId, OrgTree org) => (await ManyAsync(year, [projectId], org)).FirstOrDefault();

    public async Task<List<EvaluationSheet>> ManyAsync(int year, IReadOnlyList<int> projectIds, OrgTree org)
    {
        var actor = me.Actor;
        var first = year - YearsShown + 1;
        var projects = await db.Projects.AsNoTracking().Where(x => projectIds.Contains(x.Id))
            .Select(x => new { x.Id, x.Code, x.Name, x.OwnerUnitId, x.Description, MeasureCode = x.Measure!.Code, MeasureName = x.Measure.Name, PolicyName = x.Measure.Policy!.Name })
            .ToDictionaryAsync(x => x.Id);
        var evaluations = (await db.ProjectEvaluations.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId) && e.FiscalYear >= first && e.FiscalYear <= year).ToListAsync())
            .ToLookup(e => e.ProjectId);
        var budgets = (await db.BudgetLines.AsNoTracking().Where(b => projectIds.Contains(b.ProjectId) && b.FiscalYear >= first && b.FiscalYear <= year).ToListAsync())
            .ToLookup(b => b.ProjectId);
        var edition = await BudgetData.PlanEditionForAsync(db, year);
        var lines = edition is null ? [] : await db.ImplementationPlanLines.AsNoTracking()
            .Where(l => l.ImplementationPlanId == edition.Id && projectIds.Contains(l.ProjectId) && l.FiscalYear == year).ToDictionaryAsync(l => l.ProjectId);
        var indicators = (await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.ProjectId != null && projectIds.Contains(i.ProjectId.Value) && i.RetiredAt == null)
            .OrderBy(i => i.Kind).ThenBy(i => i.SortOrder).ToListAsync()).ToLookup(i => i.ProjectId!.Value);
        var actions = (await db.ImprovementActions.AsNoTracking().Include(a => a.AnswerPlanLine).ThenInclude(l => l!.ImplementationPlan).Include(a => a.AnswerBudgetLine)
            .Where(a => projectIds.Contains(a.ProjectId) && a.FiscalYear == year - 1).ToListAsync()).ToLookup(a => a.ProjectId);

        var sheets = new List<EvaluationSheet>();
        foreach (var projectId in projectIds)
        {
            if (!projects.TryGetValue(projectId, out var p)) continue;
            var evaluation = evaluations[projectId].FirstOrDefault(e => e.FiscalYear == year);
            // Earlier years' evaluations show on this sheet only to those who may read them.
            var readable = evaluations[projectId].Where(e => e.FiscalYear < year && ProjectEvaluationRule.ReadRefusal(actor, e, org) is null).ToDictionary(e => e.FiscalYear);
            var last = readable.GetValueOrDefault(year - 1);
            var budget = budgets[projectId].FirstOrDefault(b => b.FiscalYear == year);
            // A published sheet reads as published: its indicators' values as they were that day, later corrections beside.
            var published = Core.Evaluation.PublishedSheet.Read(evaluation?.PublishedSheet);
            var projectIndicators = indicators[projectId].ToList();
            var corrections = new List<SheetCorrection>();
            if (published is not null) projectIndicators = AsPublished(projectIndicators, published, corrections);
            var settled = evaluation?.SettledCost ?? budget?.Settled;
            var results = projectIndicators.Select(i => new IndicatorResult(i.Name, i.Unit, i.Kind == IndicatorKind.Activity, i.BaselineValue is not null,
                Enumerable.Range(first, YearsShown).Select(y =>
                {
                    var v = i.Values.FirstOrDefault(x => x.FiscalYear == y);
                    return new IndicatorYear(y, v?.Target, v?.Actual, IndicatorJudgment.Of(i, y));
                }).ToList())).ToList();
            // Cost per unit is measured by the output the sheet's year measured (the first activity indicator with an actual).
            var output = results.FirstOrDefault(i => i.IsActivity && i.Actual is > 0);
            var costs = Enumerable.Range(first, YearsShown).Select(y =>
            {
                var e = y == year ? evaluation : readable.GetValueOrDefault(y);
                return new CostYear(y, e?.SettledCost ?? budgets[projectId].FirstOrDefault(b => b.FiscalYear == y)?.Settled, e?.StaffCost,
                    output?.Years.FirstOrDefault(v => v.Year == y)?.Actual);
            }).ToList();
            var owner = evaluation?.OwnerUnitId ?? p.OwnerUnitId;
            sheets.Add(new EvaluationSheet(year, p.Id, p.Code, p.Name, owner, org.PathName(owner), p.MeasureCode, p.MeasureName, p.PolicyName,
                evaluation, settled, budget?.Current, lines.GetValueOrDefault(projectId), results, last, evaluation?.StaffCostPerPersonYear ?? StaffCostPerPersonYear,
                Flags(evaluation, budget, settled), actions[projectId].Where(a => a.ProjectEvaluationId is null || last?.Id == a.ProjectEvaluationId).ToList(), budget)
            {
                IndicatorSummary = RollUp.Measure(projectIndicators.Select(i => (IndicatorJudgment.Of(i, year), i.Weight))),
                Costs = published?.Costs ?? costs,
                PublishedAt = published?.TakenAt,
                Corrections = corrections,
                ProjectDescription = p.Description,
            });
        }
        return sheets;
    }

    /// The indicators the sheet was published with, their values set back to the published ones (the copies are
    /// detached); where an actual was corrected since, the correction is noted to show beside it.
    private static List<Indicator> AsPublished(List<Indicator> current, PublishedSheet published, List<SheetCorrection> corrections)
    {
        var byId = current.ToDictionary(i => i.Id);
        var list = new List<Indicator>();
        foreach (var p in published.Indicators)
        {
            if (!byId.TryGetValue(p.Id, out var i)) continue;
            foreach (var v in p.Values)
            {
                var now = i.Values.FirstOrDefault(x => x.FiscalYear == v.Year);
                if (now is not null && now.Actual != v.Actual)
                    corrections.Add(new SheetCorrection(i.Name, i.Unit, v.Year, v.Actual, now.Actual, now.CorrectedAt, now.CorrectionReason));
                if (now is null) i.Values.Add(now = new IndicatorValue { IndicatorId = i.Id, FiscalYear = v.Year });
                (now.Target, now.Actual) = (v.Target, v.Actual);
            }
            list.Add(i);
        }
        return list;
    }

    private static List<string> Flags(ProjectEvaluation? evaluation, Core.Budgets.BudgetLine? budget, long? settled)
    {
        var flags = new List<string>();
        if (settled is null) flags.Add("この年度の決算額が登録されていません（予算の画面で入力すると、評価シートを作り直したときに反映されます）。");
        if (evaluation?.SettledCost is long s && budget?.Settled is long b && s != b) flags.Add($"評価シートの決算額 {Amounts.Thousands(s)}千円 が予算の決算額 {Amounts.Thousands(b)}千円 と一致しません。");
        if (settled is long st && budget?.Current is long cur && st > cur) flags.Add($"決算額 {Amounts.Thousands(st)}千円 が予算現額 {Amounts.Thousands(cur)}千円 を上回っています。");
        return flags;
    }
}
