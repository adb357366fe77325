using System.Net;
using System.Text.Json;
using Komaki.Management.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Plans;

/// What the public site and the staff pages say about achievement follows ADR 0004: the baseline, the 悪化 mark, the
/// trend, and no measure on target while most of its indicators got worse — with the reason written beside it.
public class AchievementWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static List<JsonElement> Json(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();

    /// The measures of the demo city whose 令和7年度 indicators are more than half worse than their baselines.
    private List<string> MostlyWorsened() => app.WithDb(db => db.Indicators.Include(i => i.Values).Include(i => i.Measure).AsNoTracking().Where(i => i.MeasureId != null).ToList()
        .GroupBy(i => i.Measure!.Code).Where(g => RollUp.Measure(g, 2025).MostlyWorsened).Select(g => g.Key).ToList());

    [Fact]
    public async Task With_the_demo_data_no_measure_whose_indicators_mostly_worsened_reads_a_or_s_and_each_says_why()
    {
        var worsened = MostlyWorsened();
        Assert.True(worsened.Count >= 3, $"the demo city should have measures that worsened, found {worsened.Count}");
        var measures = Json(await app.NewClient().GetStringAsync("/api/v1/measures"));
        Assert.All(measures, m => Assert.Equal(2025, m.GetProperty("achievementYear").GetInt32()));
        foreach (var m in measures.Where(m => worsened.Contains(m.GetProperty("measureCode").GetString()!)))
        {
            Assert.DoesNotContain(m.GetProperty("grade").GetString(), (string[])["S", "A"]);
            Assert.Contains("基準値より悪化", m.GetProperty("explanation").GetString());
        }
        // The grades are a mix, not a uniformly rosy picture.
        var grades = measures.Select(m => m.GetProperty("grade").GetString()).Distinct().ToList();
        Assert.True(grades.Count >= 3, string.Join(",", grades));

        var home = await app.NewClient().GetStringAsync("/public");
        Assert.Contains("基準値より悪化", home);
        Assert.Contains("進み具合", home);
    }

    [Fact]
    public async Task Targets_set_below_the_baseline_and_met_cannot_make_a_measure_on_target()
    {
        var measureId = app.WithDb(db =>
        {
            var m = db.Measures.Single(x => x.Code == "2-2");
            foreach (var (name, order) in new[] { ("受診しやすいと感じる市民の割合", 5), ("在宅医療の相談件数", 6) })
            {
                var i = new Indicator { Measure = m, Name = name, Kind = IndicatorKind.Outcome, Unit = "%", Direction = IndicatorDirection.HigherIsBetter, BaselineValue = 70, BaselineYear = 2019, SortOrder = order };
                i.SetValue(2025, 60, 65); // the target below the baseline, met
                db.Indicators.Add(i);
            }
            db.SaveChanges();
            return m.Id;
        });
        var page = await app.NewClient().GetStringAsync($"/public/measures/{measureId}");
        Assert.Contains("3指標中1指標が目標を達成、2指標が基準値より悪化", page);
        Assert.Contains("過半の指標が悪化しているため、平均では「S 目標達成」ですが、判定は「B やや遅れ」までとしています", page);
        Assert.Contains("aria-label=\"判定 B（やや遅れ）\"", page);
        var measures = Json(await app.NewClient().GetStringAsync("/api/v1/measures"));
        Assert.Equal("B", measures.Single(m => m.GetProperty("id").GetInt32() == measureId).GetProperty("grade").GetString());

        var mayor = await app.SignedInAsync("shicho@komaki.example");
        var view = await mayor.GetStringAsync("/Board/Mayor?year=2025");
        Assert.Contains("2指標が基準値より悪化", view);
    }

    [Fact]
    public async Task An_indicator_worse_than_its_baseline_shows_the_mark_the_progress_and_its_trend()
    {
        var (measureId, indicatorId) = app.WithDb(db => db.Indicators.Where(i => i.Name == "市内事業所の従業者数").Select(i => new { i.MeasureId, i.Id }).AsEnumerable()
            .Select(i => (i.MeasureId!.Value, i.Id)).Single());
        var page = await app.NewClient().GetStringAsync($"/public/measures/{measureId}");
        Assert.Contains("基準値からの進捗", page);
        Assert.Contains("worse-than-baseline", page);
        Assert.Contains("↘ 悪化", page);
        Assert.Contains("class=\"baseline\"", page); // the chart draws the baseline

        var rows = Json(await app.NewClient().GetStringAsync($"/api/v1/indicators?measureId={measureId}")).Where(r => r.GetProperty("indicatorId").GetInt32() == indicatorId).ToList();
        var r2025 = rows.Single(r => r.GetProperty("fiscalYear").GetInt32() == 2025);
        Assert.True(r2025.GetProperty("worseThanBaseline").GetBoolean());
        Assert.True(r2025.GetProperty("progressPercent").GetDecimal() < 0);
        Assert.Equal("悪化", r2025.GetProperty("trend").GetString());
        Assert.Equal(JsonValueKind.Null, rows.Single(r => r.GetProperty("fiscalYear").GetInt32() == 2026).GetProperty("trend").ValueKind);

        var staff = await app.SignedInAsync("kikaku@komaki.example");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/Indicators/{indicatorId}")).StatusCode);
        Assert.Contains("基準値より悪化", await staff.GetStringAsync($"/Plan/Measure/{measureId}"));
    }
}
