namespace Komaki.Management.Core.Plans;

/// The direction of the last three actuals (up to the year judged), in the indicator's own sense of better.
public enum Trend
{
    /// Fewer than two actuals: nothing to compare.
    [Display(Name = "－")]
    Unknown = 0,
    [Display(Name = "改善")]
    Improving = 1,
    [Display(Name = "横ばい")]
    Flat = 2,
    [Display(Name = "悪化")]
    Worsening = 3,
}

/// What an indicator's year counts as when a measure is judged and explained.
public enum IndicatorOutcome
{
    /// No target or no actual for the year.
    NotJudged = 0,
    Achieved = 1,
    /// Better than the baseline, short of the target.
    Advancing = 2,
    /// At the baseline, short of the target.
    Unchanged = 3,
    /// Short of the target, with no baseline to measure progress from, and not worsening.
    Behind = 4,
    /// Worse than the baseline (whatever the rate), or — with no baseline — short of the target and worsening.
    Worsened = 5,
}

/// One indicator in one year, judged honestly (ADR 0004): the plain 達成率 (実績 ÷ 目標), the progress from the
/// 基準値 towards the target — (実績 − 基準値) ÷ (目標 − 基準値), in the indicator's direction — a mark when the
/// actual is worse than the baseline, and the trend of the last three actuals. Score is what the year contributes to
/// its measure: the progress (0 – 100) where there is a baseline to measure from, else the capped 達成率.
public sealed record IndicatorJudgment(
    Achievement Achievement,
    decimal? Baseline,
    decimal? ProgressPercent,
    bool WorseThanBaseline,
    Trend Trend,
    decimal? Score,
    IndicatorOutcome Outcome)
{
    /// A change of less than this share of what the targets planned over the same years reads as 横ばい; where the
    /// targets planned no change (or are missing), less than this share of the earlier value.
    public const decimal FlatWithinShareOfPlan = 0.25m;
    public const decimal FlatWithinPercent = 1m;

    public static IndicatorJudgment Of(Indicator indicator, int fiscalYear) =>
        Of(indicator.Direction, indicator.BaselineValue, indicator.BaselineYear, indicator.Values.Select(v => (v.FiscalYear, v.Target, v.Actual)), fiscalYear);

    public static IndicatorJudgment Of(IndicatorDirection direction, decimal? baseline, int? baselineYear,
        IEnumerable<(int Year, decimal? Target, decimal? Actual)> values, int fiscalYear)
    {
        var list = values.Where(v => v.Year <= fiscalYear).OrderBy(v => v.Year).ToList();
        var year = list.LastOrDefault(v => v.Year == fiscalYear);
        var target = year.Year == fiscalYear ? year.Target : null;
        var actual = year.Year == fiscalYear ? year.Actual : null;
        var achievement = Achievement.Evaluate(direction, target, actual);
        var trend = TrendOf(direction, list.Where(v => v.Actual is not null).TakeLast(3).Select(v => (v.Actual!.Value, v.Target)).ToList());

        // A baseline measured after the year judged says nothing about it.
        decimal? usable = baseline is decimal b && (baselineYear is null || baselineYear < fiscalYear) ? b : null;
        var worse = actual is decimal a && usable is decimal bl && Better(direction, bl, a);
        decimal? progress = null;
        if (actual is decimal act && target is decimal t && usable is decimal bs && Better(direction, t, bs))
            progress = Math.Round((act - bs) / (t - bs) * 100m, 1, MidpointRounding.AwayFromZero);

        decimal? score = achievement.Status switch
        {
            AchievementStatus.Achieved or AchievementStatus.NotAchieved when progress is decimal p => Math.Clamp(p, 0m, RollUp.Cap),
            AchievementStatus.Achieved => achievement.RatePercent is decimal r ? Math.Min(r, RollUp.Cap) : RollUp.Cap,
            AchievementStatus.NotAchieved => worse ? 0m : achievement.RatePercent is decimal r ? Math.Min(r, RollUp.Cap) : 0m,
            _ => null,
        };
        var outcome = achievement.Status switch
        {
            AchievementStatus.NoTarget or AchievementStatus.NotYetMeasured => IndicatorOutcome.NotJudged,
            _ when worse => IndicatorOutcome.Worsened,
            AchievementStatus.Achieved => IndicatorOutcome.Achieved,
            _ when usable is decimal bb && actual is decimal aa => aa == bb ? IndicatorOutcome.Unchanged : IndicatorOutcome.Advancing,
            _ when trend == Trend.Worsening => IndicatorOutcome.Worsened,
            _ => IndicatorOutcome.Behind,
        };
        return new IndicatorJudgment(achievement, usable, progress, worse, trend, score, outcome);
    }

    /// The first and last of up to three actuals compared in the indicator's sense of better.
    public static Trend TrendOf(IndicatorDirection direction, IReadOnlyList<decimal> actuals) =>
        TrendOf(direction, actuals.Select(a => (a, (decimal?)null)).ToList());

    public static Trend TrendOf(IndicatorDirection direction, IReadOnlyList<(decimal Actual, decimal? Target)> points)
    {
        if (points.Count < 2) return Trend.Unknown;
        var (first, last) = (points[0], points[^1]);
        var change = Math.Abs(last.Actual - first.Actual);
        var planned = first.Target is decimal t0 && last.Target is decimal t1 ? Math.Abs(t1 - t0) : 0m;
        var scale = Math.Abs(first.Actual) > 0 ? Math.Abs(first.Actual) : Math.Abs(last.Actual);
        var flat = planned > 0 ? change < planned * FlatWithinShareOfPlan : scale == 0 || change * 100m / scale < FlatWithinPercent;
        if (flat) return Trend.Flat;
        return Better(direction, last.Actual, first.Actual) ? Trend.Improving : Trend.Worsening;
    }

    private static bool Better(IndicatorDirection direction, decimal x, decimal than) =>
        direction == IndicatorDirection.HigherIsBetter ? x > than : x < than;
}

public static class TrendLabels
{
    /// An arrow that reads without colour.
    public static string Arrow(this Trend trend) => trend switch
    {
        Trend.Improving => "↗",
        Trend.Flat => "→",
        Trend.Worsening => "↘",
        _ => "",
    };
}
