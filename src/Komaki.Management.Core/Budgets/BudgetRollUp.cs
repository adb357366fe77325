namespace Komaki.Management.Core.Budgets;

/// Plan cost vs budget vs settled for one project and year: the first-class comparison of the cycle.
public sealed record BudgetFigures(long? PlanCost, long? Requested, long? Assessed, long? Initial, long? Supplementary, long? Settled)
{
    public static readonly BudgetFigures Zero = new(null, null, null, null, null, null);

    /// 要求額 and 査定額 not shown to this reader: undecided in 予算編成 (UndecidedBudgets), so left out of every total too.
    public bool Withheld { get; init; }

    public BudgetFigures Withhold() => this with { Requested = null, Assessed = null, Withheld = true };

    public long? Current => Initial is null && Supplementary is null ? null : (Initial ?? 0) + (Supplementary ?? 0);

    /// 執行率: settled as a share of the current budget.
    public decimal? ExecutionRate => Settled is long s && Current is long c && c != 0 ? Math.Round(s * 100m / c, 1) : null;

    public BudgetFigures Add(BudgetFigures o) => new(
        Sum(PlanCost, o.PlanCost), Sum(Requested, o.Requested), Sum(Assessed, o.Assessed),
        Sum(Initial, o.Initial), Sum(Supplementary, o.Supplementary), Sum(Settled, o.Settled));

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}

/// Rolls project figures up to any grouping (measure, policy, department). Every project lands in exactly
/// one group, so the groups add up to the grand total.
public static class BudgetRollUp
{
    public sealed record Group(string Key, string Name, int Projects, BudgetFigures Figures);

    public static (List<Group> Groups, BudgetFigures Total) By<T>(IEnumerable<T> rows, Func<T, (string Key, string Name)> groupOf, Func<T, BudgetFigures> figures)
    {
        var groups = rows.GroupBy(groupOf)
            .Select(g => new Group(g.Key.Key, g.Key.Name, g.Count(), g.Select(figures).Aggregate(BudgetFigures.Zero, (a, b) => a.Add(b))))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var total = groups.Select(g => g.Figures).Aggregate(BudgetFigures.Zero, (a, b) => a.Add(b));
        return (groups, total);
    }
}
