using Komaki.Management.Core.Plans;

namespace Komaki.Management.UnitTests;

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
        Assert.Null(RollUp.Judge(JudgmentBand.Defaults(), null));
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
