using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Plans;

/// Where a measure stands in a year, in the words every page uses — the mayor's view, the public site, the results
/// report and open data read it from here and nowhere else (glossary: 施策の状況).
public enum MeasureStanding
{
    /// The judgment band is not an off-target one (達成度 at or above the lowest on-target band, 80% by default) and
    /// its indicators have not mostly worsened.
    [Display(Name = "順調")]
    OnTrack = 1,
    /// Off target, but at least one indicator moved toward its target and the average 進み具合 is above 0%.
    [Display(Name = "遅れているが前に進んでいる")]
    BehindButAdvancing = 2,
    /// Off target and nothing moved toward the target: 変化なし・進み具合 0% is here, not among those advancing.
    [Display(Name = "遅れていて進んでいない")]
    BehindNotAdvancing = 3,
    /// More than half of the indicators judged are worse than their baseline (or, without one, short of the target
    /// and trending down), whatever the average.
    [Display(Name = "悪化")]
    Worsening = 4,
}

public static class MeasureStandings
{
    public static readonly IReadOnlyList<MeasureStanding> All = Enum.GetValues<MeasureStanding>();

    /// 前年より悪くなった: the 達成度 fell by at least this many points from the year before. A rise (+8.2 ポイント) or no
    /// change is never 前年より悪くなった, whatever single indicators did.
    public const decimal WorseThanLastYearPoints = 0.1m;

    /// Null when no indicator of the measure could be judged in the year (判定なし).
    public static MeasureStanding? Of(RolledUp result, IReadOnlyList<JudgmentBand> bands)
    {
        if (result.Counted == 0 || result.Percent is not decimal percent) return null;
        if (result.MostlyWorsened) return MeasureStanding.Worsening;
        if (RollUp.Judge(bands, result) is { OffTarget: false }) return MeasureStanding.OnTrack;
        var moved = result.Count(IndicatorOutcome.Achieved) + result.Count(IndicatorOutcome.Advancing) > 0;
        return moved && percent > 0 ? MeasureStanding.BehindButAdvancing : MeasureStanding.BehindNotAdvancing;
    }

    /// The change of 達成度 in points, rounded as shown (0.1), when both years have one.
    public static decimal? Change(RolledUp now, RolledUp last) =>
        now.Percent is decimal n && last.Percent is decimal l ? Math.Round(n - l, 1, MidpointRounding.AwayFromZero) : null;

    public static bool WorseThanLastYear(RolledUp now, RolledUp last) => Change(now, last) is decimal c && c <= -WorseThanLastYearPoints;

    /// How many measures stand where, every standing present (0 when none).
    public static IReadOnlyDictionary<MeasureStanding, int> Tally(IEnumerable<RolledUp> results, IReadOnlyList<JudgmentBand> bands)
    {
        var tally = All.ToDictionary(s => s, _ => 0);
        foreach (var r in results)
            if (Of(r, bands) is MeasureStanding s) tally[s]++;
        return tally;
    }

    /// 「令和7年度の施策 40件のうち、順調 20件、遅れているが前に進んでいる 12件、遅れていて進んでいない 3件、悪化 5件」.
    public static string Sentence(IReadOnlyDictionary<MeasureStanding, int> tally) =>
        string.Join("、", All.Select(s => $"{s.Label()} {tally.GetValueOrDefault(s)}件"));

    /// The definitions as the glossary and each page's help text say them.
    public static string Definition(MeasureStanding standing) => standing switch
    {
        MeasureStanding.OnTrack => "判定が目標に届いている区分（初期設定では達成度80%以上）で、指標の過半が悪化していない施策",
        MeasureStanding.BehindButAdvancing => "目標に届いていない区分だが、目標に向けて前進した指標があり、進み具合の平均が0%より大きい施策",
        MeasureStanding.BehindNotAdvancing => "目標に届いていない区分で、前進した指標がない（変化なし・進み具合0%を含む）施策",
        _ => "判定できる指標の半分より多くが基準値より悪い（基準値がない指標は目標未達で悪化傾向）施策",
    };

    public const string WorseThanLastYearDefinition = "前年度より施策の達成度が0.1ポイント以上下がった施策（上がった・変わらない施策は含めない）";
}
