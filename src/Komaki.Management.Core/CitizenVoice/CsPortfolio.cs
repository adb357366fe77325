namespace Komaki.Management.Core.CitizenVoice;

/// The importance × satisfaction (CS) portfolio: each measure's place against the year's averages.
public enum Quadrant
{
    /// Important and unsatisfied: improve first (重点改善).
    [Display(Name = "重点改善")]
    PriorityImprovement = 1,
    /// Important and satisfied: keep it up (重点維持).
    [Display(Name = "重点維持")]
    PriorityMaintenance = 2,
    /// Less important and unsatisfied: improve (改善).
    [Display(Name = "改善")]
    Improvement = 3,
    /// Less important and satisfied: maintain (維持).
    [Display(Name = "維持")]
    Maintenance = 4,
}

public sealed record PortfolioPoint(int MeasureId, string Code, string Name, decimal Satisfaction, decimal Importance, Quadrant Quadrant,
    decimal? PreviousSatisfaction, decimal? PreviousImportance, Quadrant? PreviousQuadrant);

public static class CsPortfolio
{
    public static Quadrant QuadrantOf(decimal satisfaction, decimal importance, decimal meanSatisfaction, decimal meanImportance) =>
        importance >= meanImportance
            ? satisfaction < meanSatisfaction ? Quadrant.PriorityImprovement : Quadrant.PriorityMaintenance
            : satisfaction < meanSatisfaction ? Quadrant.Improvement : Quadrant.Maintenance;

    /// Places each measure of the year, with where it stood the year before (against that year's averages).
    public static (List<PortfolioPoint> Points, decimal MeanSatisfaction, decimal MeanImportance) Build(
        IReadOnlyList<(int MeasureId, string Code, string Name)> measures,
        IReadOnlyList<SurveyResult> thisYear, IReadOnlyList<SurveyResult> lastYear)
    {
        if (thisYear.Count == 0) return ([], 0, 0);
        var ms = Math.Round(thisYear.Average(r => r.Satisfaction), 3);
        var mi = Math.Round(thisYear.Average(r => r.Importance), 3);
        var pms = lastYear.Count == 0 ? 0 : lastYear.Average(r => r.Satisfaction);
        var pmi = lastYear.Count == 0 ? 0 : lastYear.Average(r => r.Importance);
        var points = new List<PortfolioPoint>();
        foreach (var m in measures)
        {
            var now = thisYear.FirstOrDefault(r => r.MeasureId == m.MeasureId);
            if (now is null) continue;
            var before = lastYear.FirstOrDefault(r => r.MeasureId == m.MeasureId);
            points.Add(new PortfolioPoint(m.MeasureId, m.Code, m.Name, now.Satisfaction, now.Importance, QuadrantOf(now.Satisfaction, now.Importance, ms, mi),
                before?.Satisfaction, before?.Importance, before is null ? null : QuadrantOf(before.Satisfaction, before.Importance, pms, pmi)));
        }
        return (points, ms, mi);
    }
}
