namespace Komaki.Management.Core.Plans;

public enum AchievementStatus
{
    NoTarget = 0,
    NotYetMeasured = 1,
    Achieved = 2,
    NotAchieved = 3,
}

/// 達成率: actual against target, respecting the indicator's direction.
/// Higher-is-better: actual ÷ target. Lower-is-better: target ÷ actual, so that beating a target
/// of 10 with 8 reads 125 %. A rate that cannot be a number (target 0, or an actual of 0 on a
/// lower-is-better indicator) is left empty and the status alone says whether the target was met.
public readonly record struct Achievement(AchievementStatus Status, decimal? RatePercent)
{
    public static Achievement Evaluate(IndicatorDirection direction, decimal? target, decimal? actual)
    {
        if (target is not decimal t) return new(AchievementStatus.NoTarget, null);
        if (actual is not decimal a) return new(AchievementStatus.NotYetMeasured, null);

        var met = direction == IndicatorDirection.HigherIsBetter ? a >= t : a <= t;
        decimal? rate = direction == IndicatorDirection.HigherIsBetter
            ? t == 0 ? null : a / t * 100m
            : a == 0 ? null : t / a * 100m;
        if (rate is decimal r) rate = Math.Round(r, 1, MidpointRounding.AwayFromZero);
        return new(met ? AchievementStatus.Achieved : AchievementStatus.NotAchieved, rate);
    }

    public string StatusLabel => Status switch
    {
        AchievementStatus.NoTarget => "目標なし",
        AchievementStatus.NotYetMeasured => "実績未入力",
        AchievementStatus.Achieved => "達成",
        AchievementStatus.NotAchieved => "未達成",
        _ => "",
    };
}
