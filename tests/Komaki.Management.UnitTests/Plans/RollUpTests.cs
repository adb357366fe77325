using Komaki.Management.Core.Plans;

namespace Komaki.Management.UnitTests.Plans;

public class RollUpTests
{
    private static Indicator With(IndicatorDirection direction, decimal? target, decimal? actual, decimal weight = 1m)
    {
        var i = new Indicator { Direction = direction, Weight = weight };
        i.SetValue(2025, target, actual);
        return i;
    }

    [Fact]
    public void A_measure_is_the_average_of_its_indicators_each_counting_for_at_most_100_percent()
    {
        var result = RollUp.Measure([With(IndicatorDirection.HigherIsBetter, 100, 150), With(IndicatorDirection.HigherIsBetter, 100, 60)], 2025);
        Assert.Equal(80m, result.Percent);
        Assert.Equal((2, 2), (result.Counted, result.Of));
    }

    [Fact]
    public void Weights_shift_the_average_and_a_zero_weight_leaves_an_indicator_out()
    {
        var weighted = RollUp.Measure([With(IndicatorDirection.HigherIsBetter, 100, 100, 3m), With(IndicatorDirection.HigherIsBetter, 100, 60, 1m)], 2025);
        Assert.Equal(90m, weighted.Percent);
        var zero = RollUp.Measure([With(IndicatorDirection.HigherIsBetter, 100, 100, 0m), With(IndicatorDirection.HigherIsBetter, 100, 60, 1m)], 2025);
        Assert.Equal(60m, zero.Percent);
        Assert.Equal(1, zero.Counted);
    }

    [Fact]
    public void Indicators_without_a_target_or_an_actual_are_not_counted_and_none_means_no_judgment()
    {
        var result = RollUp.Measure([With(IndicatorDirection.LowerIsBetter, 10, 20), With(IndicatorDirection.HigherIsBetter, null, 5), With(IndicatorDirection.HigherIsBetter, 10, null)], 2025);
        Assert.Equal(50m, result.Percent);
        Assert.Equal((1, 3), (result.Counted, result.Of));
        Assert.Null(RollUp.Measure([With(IndicatorDirection.HigherIsBetter, 10, null)], 2025).Percent);
        Assert.Null(RollUp.Judge(JudgmentBand.Defaults(), (decimal?)null));
    }

    [Fact]
    public void A_zero_target_met_counts_as_full_and_missed_as_nothing()
    {
        Assert.Equal(100m, RollUp.Measure([With(IndicatorDirection.LowerIsBetter, 0, 0)], 2025).Percent);
        Assert.Equal(0m, RollUp.Measure([With(IndicatorDirection.LowerIsBetter, 0, 3)], 2025).Percent);
    }

    [Theory]
    [InlineData(100, "S")]
    [InlineData(99.9, "A")]
    [InlineData(80, "A")]
    [InlineData(79.9, "B")]
    [InlineData(60, "B")]
    [InlineData(0, "C")]
    public void The_default_bands_judge_at_their_lower_bounds(double percent, string grade)
    {
        var band = RollUp.Judge(JudgmentBand.Defaults(), (decimal)percent)!;
        Assert.Equal(grade, band.Grade);
        Assert.Equal(grade is "B" or "C", band.OffTarget);
    }

    [Fact]
    public void A_policy_averages_its_measures_by_their_weights()
    {
        var policy = RollUp.Combine([(100m, 1m), (50m, 1m), (null, 1m), (70m, 2m)]);
        Assert.Equal(72.5m, policy.Percent);
        Assert.Equal((3, 4), (policy.Counted, policy.Of));
    }
}

/// A measure built from honest indicators, and the words that say how.
public class MeasureJudgmentTests
{
    private static Indicator Series(IndicatorDirection direction, decimal? baseline, decimal target, decimal actual)
    {
        var i = new Indicator { Direction = direction, BaselineValue = baseline, BaselineYear = baseline is null ? null : 2019, Weight = 1m };
        i.SetValue(2025, target, actual);
        return i;
    }

    [Fact]
    public void A_measure_mixing_progress_achievement_and_worsening_says_so_and_averages_the_progress()
    {
        var result = RollUp.Measure([
            Series(IndicatorDirection.HigherIsBetter, 50, 60, 55),   // 50 % of the way
            Series(IndicatorDirection.LowerIsBetter, 20, 10, 12),    // 80 % of the way
            Series(IndicatorDirection.HigherIsBetter, 100, 110, 96), // worse than the baseline
        ], 2025);
        Assert.Equal(43.3m, result.Percent);
        Assert.StartsWith("3指標中2指標が目標に向けて前進、1指標が基準値より悪化。", result.Explanation);
        Assert.False(result.MostlyWorsened);
        Assert.Equal("C", RollUp.Judge(JudgmentBand.Defaults(), result)!.Grade);
    }

    [Fact]
    public void A_measure_whose_indicators_mostly_worsened_is_never_on_target_whatever_its_average()
    {
        // Two targets made to be met below their baselines, one real achievement: the average reads 100 %.
        var result = RollUp.Measure([
            Series(IndicatorDirection.HigherIsBetter, 100, 90, 95),
            Series(IndicatorDirection.HigherIsBetter, 100, 90, 92),
            Series(IndicatorDirection.HigherIsBetter, 50, 60, 61),
        ], 2025);
        Assert.Equal(100m, result.Percent);
        Assert.True(result.MostlyWorsened);
        var bands = JudgmentBand.Defaults();
        Assert.Equal("S", RollUp.Judge(bands, result.Percent)!.Grade);
        var band = RollUp.Judge(bands, result)!;
        Assert.Equal("B", band.Grade);
        Assert.True(band.OffTarget);
        Assert.Contains("過半の指標が悪化しているため、平均では「S 目標達成」ですが、判定は「B やや遅れ」までとしています", RollUp.Reason(bands, result));
    }

    [Fact]
    public void Indicators_not_yet_measured_are_named_in_the_explanation()
    {
        var measured = Series(IndicatorDirection.HigherIsBetter, 50, 60, 60);
        var pending = new Indicator { Direction = IndicatorDirection.HigherIsBetter, Weight = 1m };
        pending.SetValue(2025, 10, null);
        var result = RollUp.Measure([measured, pending], 2025);
        Assert.Equal("2指標中1指標が目標を達成、1指標は実績未入力または目標なし。進み具合の平均 100%", result.Explanation);
        Assert.Equal("指標が目標を達成。進み具合 100%", RollUp.Measure([measured], 2025).Explanation);
    }

    [Fact]
    public void A_policy_whose_measures_mostly_worsened_is_held_below_on_target()
    {
        var worsened = RollUp.Measure([Series(IndicatorDirection.HigherIsBetter, 100, 90, 95)], 2025);
        var fine = RollUp.Measure([Series(IndicatorDirection.HigherIsBetter, 50, 60, 60)], 2025);
        var policy = RollUp.Policy([(worsened, 1m), (worsened, 1m), (fine, 1m)]);
        Assert.Equal(100m, policy.Percent);
        Assert.True(policy.MostlyWorsened);
        Assert.Equal("B", RollUp.Judge(JudgmentBand.Defaults(), policy)!.Grade);
        Assert.StartsWith("3施策中1施策が目標を達成、2施策で過半の指標が悪化", policy.Explanation);
    }
}
