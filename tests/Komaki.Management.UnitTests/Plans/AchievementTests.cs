using Komaki.Management.Core.Plans;

namespace Komaki.Management.UnitTests.Plans;

public class AchievementTests
{
    [Fact]
    public void Higher_is_better_divides_actual_by_target()
    {
        var a = Achievement.Evaluate(IndicatorDirection.HigherIsBetter, 80m, 60m);
        Assert.Equal(75.0m, a.RatePercent);
        Assert.Equal(AchievementStatus.NotAchieved, a.Status);
    }

    [Fact]
    public void Lower_is_better_rewards_an_actual_below_the_target()
    {
        var a = Achievement.Evaluate(IndicatorDirection.LowerIsBetter, 10m, 8m);
        Assert.Equal(125.0m, a.RatePercent);
        Assert.Equal(AchievementStatus.Achieved, a.Status);
    }

    [Fact]
    public void Lower_is_better_above_the_target_is_not_achieved()
    {
        var a = Achievement.Evaluate(IndicatorDirection.LowerIsBetter, 800m, 842m);
        Assert.Equal(AchievementStatus.NotAchieved, a.Status);
        Assert.Equal(95.0m, a.RatePercent);
    }

    [Fact]
    public void A_missing_actual_is_not_zero_achievement()
    {
        var a = Achievement.Evaluate(IndicatorDirection.HigherIsBetter, 50m, null);
        Assert.Equal(AchievementStatus.NotYetMeasured, a.Status);
        Assert.Null(a.RatePercent);
    }

    [Fact]
    public void Without_a_target_there_is_nothing_to_achieve() =>
        Assert.Equal(AchievementStatus.NoTarget, Achievement.Evaluate(IndicatorDirection.HigherIsBetter, null, 5m).Status);

    [Fact]
    public void Zero_actual_on_a_lower_is_better_indicator_meets_the_target_without_a_rate()
    {
        var a = Achievement.Evaluate(IndicatorDirection.LowerIsBetter, 3m, 0m);
        Assert.Equal(AchievementStatus.Achieved, a.Status);
        Assert.Null(a.RatePercent);
    }

    [Fact]
    public void Exactly_on_target_is_achieved_in_both_directions()
    {
        Assert.Equal(AchievementStatus.Achieved, Achievement.Evaluate(IndicatorDirection.HigherIsBetter, 5m, 5m).Status);
        Assert.Equal(AchievementStatus.Achieved, Achievement.Evaluate(IndicatorDirection.LowerIsBetter, 5m, 5m).Status);
    }

    [Fact]
    public void An_indicator_computes_each_year_from_its_own_values()
    {
        var indicator = new Indicator { Direction = IndicatorDirection.HigherIsBetter };
        indicator.SetValue(2023, 100m, 90m);
        indicator.SetValue(2024, 100m, null);
        indicator.SetValue(2024, 100m, 110m);
        Assert.Equal(2, indicator.Values.Count);
        Assert.Equal(90.0m, indicator.AchievementIn(2023).RatePercent);
        Assert.Equal(110.0m, indicator.AchievementIn(2024).RatePercent);
        Assert.Equal(AchievementStatus.NoTarget, indicator.AchievementIn(2025).Status);
    }
}
