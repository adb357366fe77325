using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Data.Seeding;

/// The demo city's measure indicators move as a real city's do: most towards their targets (some slowly), some flat,
/// some worse than where the plan started, a few recovering from a fall; a stock such as 整備率 never falls. Each
/// series comes from its own seed, so the rest of the demo data does not depend on it.
internal static class DemoSeries
{
    internal enum Course { OnTrack, Slow, Flat, Worsening, Recovering }

    private static readonly Dictionary<string, Course> Courses = new()
    {
        ["市内事業所の従業者数"] = Course.Worsening,
        ["不登校児童生徒数"] = Course.Worsening,
        ["認定農業者数"] = Course.Worsening,
        ["市民活動に参加した市民の割合"] = Course.Worsening,
        ["要介護認定を受けていない高齢者の割合"] = Course.Worsening,
        ["文化芸術に親しんだ市民の割合"] = Course.Flat,
        ["火災発生件数"] = Course.Flat,
        ["日本人と外国人が互いに理解していると思う市民の割合"] = Course.Flat,
        ["居住誘導区域内の人口密度"] = Course.Flat,
        ["都市計画道路の整備率"] = Course.Slow,
        ["市民1人1日当たりのごみ排出量"] = Course.Slow,
        ["特定健康診査受診率"] = Course.Slow,
        ["生涯学習に取り組んでいる市民の割合"] = Course.Slow,
        ["福祉施設から一般就労へ移行した人数"] = Course.Slow,
        ["市域の温室効果ガス排出量"] = Course.Slow,
        ["こまき巡回バスの年間利用者数"] = Course.Recovering,
        ["観光入込客数"] = Course.Recovering,
        ["小牧駅周辺の歩行者通行量（休日）"] = Course.Recovering,
        // Second indicators of a few measures (DemoPlan.SecondIndicators).
        ["自主防災組織の結成率"] = Course.OnTrack,
        ["がん検診受診率"] = Course.Slow,
        ["放課後児童クラブの待機児童数"] = Course.Worsening,
        ["市内の新規創業件数"] = Course.OnTrack,
        ["橋梁の修繕完了率"] = Course.OnTrack,
        ["観光消費額"] = Course.Worsening,
    };

    /// Stocks: built or reached once, they stay.
    private static readonly HashSet<string> Cumulative =
        ["都市計画道路の整備率", "長寿命化改修を終えた学校施設の割合", "基幹管路の耐震適合率", "市民1人当たりの都市公園面積", "自主防災組織の結成率", "橋梁の修繕完了率"];

    public static Course CourseOf(string indicator) => Courses.GetValueOrDefault(indicator, Course.OnTrack);

    /// Targets from the baseline year's value by the yearly step; actuals up to lastActualYear along the course.
    public static void Fill(Indicator indicator, decimal baseline, decimal step, int baselineYear, int firstYear, int lastActualYear, int lastTargetYear)
    {
        var random = new Random(indicator.Name.Aggregate(17, (h, c) => unchecked(h * 31 + c)));
        var decimals = baseline == Math.Round(baseline) && step == Math.Round(step) ? 0 : 1;
        var course = CourseOf(indicator.Name);
        var counts = indicator.Direction == IndicatorDirection.LowerIsBetter;
        decimal? previous = null;
        for (var year = firstYear; year <= lastTargetYear; year++)
        {
            var k = year - baselineYear;
            var target = Math.Round(baseline + step * k, decimals);
            if (counts) target = Math.Max(0, target);
            decimal? actual = null;
            if (year <= lastActualYear)
            {
                var noise = (decimal)random.NextDouble();
                var value = course switch
                {
                    Course.OnTrack => baseline + step * k * (0.85m + noise * 0.35m),
                    Course.Slow => baseline + step * k * (0.5m + noise * 0.3m),
                    Course.Flat => baseline * (1m + (noise - 0.5m) * 0.008m),
                    Course.Worsening => baseline - Math.Abs(step) * (counts ? -1 : 1) * k * (0.6m + noise * 0.3m),
                    // Fell in the first year measured, and has been climbing back since.
                    _ => baseline * 0.9m + step * (year - firstYear) * (1.6m + noise * 0.3m),
                };
                if (counts) value = Math.Max(0, value);
                if (Cumulative.Contains(indicator.Name) && previous is decimal p) value = Math.Max(value, p);
                actual = Math.Round(value, decimals);
                previous = actual;
            }
            indicator.SetValue(year, target, actual);
        }
    }
}
