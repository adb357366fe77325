using Komaki.Management.Core.Plans;

namespace Komaki.Management.IntegrationTests.Plans;

/// The demo city is what people judge the system by: an indicator counting something the city wants less of
/// (complaints, accidents, requests for repairs, children waiting, emissions …) is 低いほど良い, or its achievement and
/// the goal's grade read backwards. Every indicator and every goal indicator of the demo is read.
public class DemoIndicatorDirectionTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    /// Words that name what fewer of is better.
    private static readonly string[] FewerIsBetter =
        ["要望件数", "苦情", "事故", "待機", "発生件数", "認知件数", "不登校", "排出量", "陥没", "ミス", "違反", "滞納", "死者", "負傷", "不法投棄", "空き店舗率", "未処理", "未接続", "漏水"];

    [Fact]
    public void Every_demo_indicator_counting_what_the_city_wants_less_of_is_lower_is_better()
    {
        var named = app.WithDb(db =>
            db.Indicators.Select(i => new { i.Name, i.Direction, Kind = "指標" }).ToList()
                .Concat(db.GoalIndicators.Select(i => new { i.Name, i.Direction, Kind = "組織目標の指標" }).ToList()).ToList());
        Assert.Contains(named, i => i.Name == "補修要望件数");
        var wrong = named.Where(i => FewerIsBetter.Any(w => i.Name.Contains(w, StringComparison.Ordinal)) && i.Direction != IndicatorDirection.LowerIsBetter)
            .Select(i => $"{i.Kind}「{i.Name}」").Distinct().ToList();
        Assert.True(wrong.Count == 0, $"高いほど良いとされている: {string.Join("、", wrong)}");
    }
}
