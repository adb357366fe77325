using Komaki.Management.Core.Plans;

namespace Komaki.Management.UnitTests.Plans;

/// The words of 施策の状況 and 前年より悪くなった at their edges.
public class MeasureStandingTests
{
    private static readonly IReadOnlyList<JudgmentBand> Bands = JudgmentBand.Defaults();

    private static RolledUp Result(decimal percent, params (IndicatorOutcome Outcome, int Count)[] outcomes) =>
        new(percent, outcomes.Sum(o => o.Count), outcomes.Sum(o => o.Count)) { Outcomes = outcomes.ToDictionary(o => o.Outcome, o => o.Count) };

    [Fact]
    public void Unchanged_at_zero_percent_is_not_advancing()
    {
        Assert.Equal(MeasureStanding.BehindNotAdvancing, MeasureStandings.Of(Result(0m, (IndicatorOutcome.Unchanged, 3)), Bands));
        Assert.Equal(MeasureStanding.BehindButAdvancing, MeasureStandings.Of(Result(30m, (IndicatorOutcome.Advancing, 1), (IndicatorOutcome.Unchanged, 2)), Bands));
        Assert.Equal(MeasureStanding.OnTrack, MeasureStandings.Of(Result(85m, (IndicatorOutcome.Achieved, 1), (IndicatorOutcome.Advancing, 1)), Bands));
        // Mostly worse than the baseline is 悪化 whatever the average.
        Assert.Equal(MeasureStanding.Worsening, MeasureStandings.Of(Result(100m, (IndicatorOutcome.Achieved, 1), (IndicatorOutcome.Worsened, 2)), Bands));
        Assert.Null(MeasureStandings.Of(RolledUp.None, Bands));
    }

    [Fact]
    public void Only_a_fall_in_achievement_is_worse_than_last_year()
    {
        Assert.False(MeasureStandings.WorseThanLastYear(Result(58.2m, (IndicatorOutcome.Advancing, 2)), Result(50m, (IndicatorOutcome.Advancing, 2)))); // +8.2 ポイント
        Assert.False(MeasureStandings.WorseThanLastYear(Result(50m, (IndicatorOutcome.Advancing, 2)), Result(50m, (IndicatorOutcome.Advancing, 2))));
        Assert.False(MeasureStandings.WorseThanLastYear(Result(50m, (IndicatorOutcome.Advancing, 2)), Result(50.04m, (IndicatorOutcome.Advancing, 2)))); // ±0.0 as shown
        Assert.True(MeasureStandings.WorseThanLastYear(Result(49.9m, (IndicatorOutcome.Advancing, 2)), Result(50m, (IndicatorOutcome.Advancing, 2))));
        Assert.False(MeasureStandings.WorseThanLastYear(Result(40m, (IndicatorOutcome.Advancing, 2)), RolledUp.None));
    }
}
