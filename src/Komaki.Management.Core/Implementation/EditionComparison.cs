namespace Komaki.Management.Core.Implementation;

public enum LineChange
{
    Unchanged,
    Added,
    Removed,
    Changed,
}

/// One project-year compared across two editions.
public sealed record ComparedLine(int ProjectId, int FiscalYear, ImplementationPlanLine? Older, ImplementationPlanLine? Newer)
{
    public LineChange Change =>
        Older is null ? LineChange.Added
        : Newer is null ? LineChange.Removed
        : Same(Older, Newer) ? LineChange.Unchanged
        : LineChange.Changed;

    public long CostDifference => (Newer?.Cost ?? 0) - (Older?.Cost ?? 0);

    private static bool Same(ImplementationPlanLine a, ImplementationPlanLine b) =>
        a.Status == b.Status && a.Content == b.Content && a.Cost == b.Cost && a.Funding == b.Funding;
}

public static class EditionComparison
{
    /// Every project-year in the years both editions cover, from either edition.
    public static List<ComparedLine> Compare(ImplementationPlan older, ImplementationPlan newer)
    {
        var from = Math.Max(older.FiscalYear, newer.FiscalYear);
        var to = Math.Min(older.LastYear, newer.LastYear);
        var olderLines = older.Lines.Where(l => l.FiscalYear >= from && l.FiscalYear <= to).ToDictionary(l => (l.ProjectId, l.FiscalYear));
        var newerLines = newer.Lines.Where(l => l.FiscalYear >= from && l.FiscalYear <= to).ToDictionary(l => (l.ProjectId, l.FiscalYear));
        return olderLines.Keys.Union(newerLines.Keys)
            .Select(k => new ComparedLine(k.ProjectId, k.FiscalYear, olderLines.GetValueOrDefault(k), newerLines.GetValueOrDefault(k)))
            .ToList();
    }
}
