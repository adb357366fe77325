using Komaki.Management.Core.Plans;

namespace Komaki.Management.UnitTests.Plans;

/// ADR 0004: achievement that knows the baseline and the trend.
public class IndicatorJudgmentTests
{
    private const IndicatorDirection Up = IndicatorDirection.HigherIsBetter;
    private const IndicatorDirection Down = IndicatorDirection.LowerIsBetter;

    private static IndicatorJudgment Judge(IndicatorDirection direction, decimal? baseline, params (int Year, decimal? Target, decimal? Actual)[] values) =>
        IndicatorJudgment.Of(direction, baseline, baseline is null ? null : 2019, values, values[^1].Year);

    [Fact]
    public void Progress_runs_from_the_baseline_to_the_target_beside_the_plain_rate()
    {
        // 従業者数: baseline 91,500, target 94,500, actual 93,000 — halfway there, though 98.4 % of the target.
        var j = Judge(Up, 91500, (2025, 94500, 93000));
        Assert.Equal(98.4m, j.Achievement.RatePercent);
        Assert.Equal(50m, j.ProgressPercent);
        Assert.Equal(50m, j.Score);
        Assert.Equal(IndicatorOutcome.Advancing, j.Outcome);
        Assert.False(j.WorseThanBaseline);
    }

    [Fact]
    public void An_actual_worse_than_the_baseline_is_marked_and_scores_nothing_whatever_the_rate()
    {
        // Fell 5.6 % below the baseline: the plain rate still reads 91.4 %.
        var j = Judge(Up, 91500, (2025, 94500, 86373));
        Assert.Equal(91.4m, j.Achievement.RatePercent);
        Assert.True(j.WorseThanBaseline);
        Assert.True(j.ProgressPercent < 0);
        Assert.Equal(0m, j.Score);
        Assert.Equal(IndicatorOutcome.Worsened, j.Outcome);
    }

    [Fact]
    public void Lower_is_better_progress_counts_the_fall_towards_the_target()
    {
        // 待機児童: baseline 14, target 2, actual 8 — half of the planned fall.
        var j = Judge(Down, 14, (2025, 2, 8));
        Assert.Equal(50m, j.ProgressPercent);
        Assert.Equal(IndicatorOutcome.Advancing, j.Outcome);
        var worse = Judge(Down, 14, (2025, 2, 20));
        Assert.True(worse.WorseThanBaseline);
        Assert.Equal(0m, worse.Score);
    }

    [Fact]
    public void A_target_met_counts_in_full_and_beyond_it_counts_no_more()
    {
        var j = Judge(Up, 60, (2025, 70, 75));
        Assert.Equal(150m, j.ProgressPercent);
        Assert.Equal(100m, j.Score);
        Assert.Equal(IndicatorOutcome.Achieved, j.Outcome);
    }

    [Fact]
    public void A_target_set_below_the_baseline_and_met_is_still_marked_worse_than_the_baseline()
    {
        // A target made to be met: the actual beats it but is below where the plan started.
        var j = Judge(Up, 100, (2025, 90, 95));
        Assert.Equal(AchievementStatus.Achieved, j.Achievement.Status);
        Assert.Null(j.ProgressPercent);
        Assert.True(j.WorseThanBaseline);
        Assert.Equal(IndicatorOutcome.Worsened, j.Outcome);
    }

    [Fact]
    public void At_the_baseline_is_unchanged_and_scores_nothing()
    {
        var j = Judge(Up, 50, (2025, 60, 50));
        Assert.Equal(0m, j.ProgressPercent);
        Assert.Equal(0m, j.Score);
        Assert.Equal(IndicatorOutcome.Unchanged, j.Outcome);
    }

    [Fact]
    public void Without_a_baseline_the_capped_rate_is_the_score_and_the_trend_tells_a_worsening()
    {
        var behind = Judge(Up, null, (2023, 100, 90), (2024, 100, 92), (2025, 100, 95));
        Assert.Null(behind.ProgressPercent);
        Assert.Equal(95m, behind.Score);
        Assert.Equal(Trend.Improving, behind.Trend);
        Assert.Equal(IndicatorOutcome.Behind, behind.Outcome);

        var falling = Judge(Up, null, (2023, 100, 98), (2024, 100, 94), (2025, 100, 90));
        Assert.Equal(Trend.Worsening, falling.Trend);
        Assert.Equal(IndicatorOutcome.Worsened, falling.Outcome);
        Assert.False(falling.WorseThanBaseline);
    }

    [Fact]
    public void A_baseline_measured_after_the_year_judged_is_not_used()
    {
        var j = IndicatorJudgment.Of(Up, 50, 2026, [(2025, 60, 40)], 2025);
        Assert.Null(j.ProgressPercent);
        Assert.False(j.WorseThanBaseline);
    }

    [Theory]
    [InlineData(100, 101, 102, Trend.Improving)]
    [InlineData(100, 100.3, 100.5, Trend.Flat)]
    [InlineData(100, 99, 97, Trend.Worsening)]
    [InlineData(0, 0, 0, Trend.Flat)]
    public void The_trend_compares_the_first_and_last_of_the_last_three_actuals(double a, double b, double c, Trend expected)
    {
        Assert.Equal(expected, IndicatorJudgment.TrendOf(Up, [(decimal)a, (decimal)b, (decimal)c]));
        var reversed = expected switch { Trend.Improving => Trend.Worsening, Trend.Worsening => Trend.Improving, _ => expected };
        Assert.Equal(reversed, IndicatorJudgment.TrendOf(Down, [(decimal)a, (decimal)b, (decimal)c]));
    }

    [Fact]
    public void A_change_small_against_what_the_targets_planned_is_flat_and_a_large_one_is_not()
    {
        // Targets up 600 a year on a base of 91,500: a fall of 1,000 in two years is a worsening, though barely 1 %.
        Assert.Equal(Trend.Worsening, IndicatorJudgment.TrendOf(Up, [(91000m, (decimal?)93300m), (90500m, 93900m), (90000m, 94500m)]));
        Assert.Equal(Trend.Flat, IndicatorJudgment.TrendOf(Up, [(91000m, (decimal?)93300m), (91100m, 93900m), (91200m, 94500m)]));
        // Targets that plan no change: 1 % of the value decides.
        Assert.Equal(Trend.Flat, IndicatorJudgment.TrendOf(Up, [(50m, (decimal?)50m), (50.2m, 50m)]));
    }

    [Fact]
    public void The_trend_uses_only_the_last_three_actuals_up_to_the_year_and_needs_two()
    {
        // Years with no actual are passed over; a later year's actual is not looked at.
        var j = IndicatorJudgment.Of(Up, null, null, [(2020, 10, 50), (2021, 10, 60), (2022, 10, null), (2023, 10, 61), (2024, 10, 59), (2025, 10, 99)], 2024);
        Assert.Equal(Trend.Worsening, j.Trend); // 60 → 61 → 59, not 50 → … and not 99
        Assert.Equal(Trend.Unknown, IndicatorJudgment.Of(Up, null, null, [(2025, 10, 9)], 2025).Trend);
    }

    [Fact]
    public void No_target_or_no_actual_is_not_judged()
    {
        Assert.Equal(IndicatorOutcome.NotJudged, Judge(Up, 50, (2025, null, 60)).Outcome);
        Assert.Null(Judge(Up, 50, (2025, 60, null)).Score);
    }
}
