using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

public sealed record MeasureRollUp(int Id, string Code, string Name, int? OwnerUnitId, decimal Weight, RolledUp Result);

public sealed record PolicyRollUp(int Id, string Code, string Name, RolledUp Result, IReadOnlyList<MeasureRollUp> Measures);

/// The achievement of every measure and policy of a basic plan in one fiscal year, from two queries: the measures,
/// and their indicators' target and actual for that year.
public static class PlanRollUp
{
    /// What a roll-up reads: the plan's measures and their indicators' values.
    public static readonly IReadOnlyList<string> Areas = [DataArea.Plan, DataArea.Indicators];

    /// The basic plan staff mean by "the plan" for a year: of the current comprehensive plan, covering the year
    /// (else the newest of the current plan).
    public static Task<BasicPlan?> CurrentBasicPlanAsync(AppDbContext db, int fiscalYear) =>
        db.BasicPlans.AsNoTracking().Where(b => b.ComprehensivePlan!.IsCurrent)
            .OrderByDescending(b => b.StartYear <= fiscalYear && fiscalYear <= b.EndYear).ThenByDescending(b => b.StartYear).FirstOrDefaultAsync();

    /// shownYears: for the public site, the years whose actuals are published; the trend uses no other actual.
    public static async Task<IReadOnlyList<PolicyRollUp>> LoadAsync(AppDbContext db, int basicPlanId, int fiscalYear, IReadOnlySet<int>? shownYears = null)
    {
        var measures = await db.Measures.AsNoTracking().Where(m => m.RetiredAt == null && m.Policy!.BasicPlanId == basicPlanId && m.Policy.RetiredAt == null)
            .Select(m => new { m.Id, m.Code, m.Name, m.OwnerUnitId, m.Weight, m.SortOrder, PolicyId = m.Policy!.Id, PolicyCode = m.Policy.Code, PolicyName = m.Policy.Name, PolicySort = m.Policy.SortOrder })
            .ToListAsync();
        var ids = measures.Select(m => m.Id).ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.MeasureId != null && i.RetiredAt == null && ids.Contains(i.MeasureId.Value))
            .Select(i => new
            {
                MeasureId = i.MeasureId!.Value, i.Direction, i.Weight, i.BaselineValue, i.BaselineYear,
                Values = i.Values.Where(v => v.FiscalYear <= fiscalYear).Select(v => new { v.FiscalYear, v.Target, v.Actual }).ToList(),
            })
            .ToListAsync();
        var byMeasure = indicators.ToLookup(i => i.MeasureId);
        return measures.GroupBy(m => new { m.PolicyId, m.PolicyCode, m.PolicyName, m.PolicySort })
            .OrderBy(g => g.Key.PolicySort).ThenBy(g => g.Key.PolicyCode, CodeOrder.Instance)
            .Select(g =>
            {
                var rows = g.OrderBy(m => m.SortOrder).ThenBy(m => m.Code, CodeOrder.Instance).Select(m => new MeasureRollUp(m.Id, m.Code, m.Name, m.OwnerUnitId, m.Weight,
                    RollUp.Measure(byMeasure[m.Id].Select(i => (IndicatorJudgment.Of(i.Direction, i.BaselineValue, i.BaselineYear,
                        i.Values.Select(v => (v.FiscalYear, v.Target, shownYears is null || shownYears.Contains(v.FiscalYear) ? v.Actual : null)), fiscalYear), i.Weight))))).ToList();
                return new PolicyRollUp(g.Key.PolicyId, g.Key.PolicyCode, g.Key.PolicyName, RollUp.Policy(rows.Select(m => (m.Result, m.Weight))), rows);
            }).ToList();
    }
}
