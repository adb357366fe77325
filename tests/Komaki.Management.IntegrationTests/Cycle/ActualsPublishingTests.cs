using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Cycle;

/// A closing step knows what is missing: publishing a year's actuals lists the divisions that still miss some and
/// goes ahead only with a recorded reason; afterwards the missing entries are planning's, as 未入力, and the division's
/// 対応待ち no longer sends its staff to a field they cannot type in.
public class ActualsPublishingTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task Publishing_actuals_with_some_missing_needs_a_reason_and_sends_the_rest_to_planning_as_missing_not_corrected()
    {
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var (indicatorId, name) = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            var project = db.Projects.Where(p => p.OwnerUnitId == road && p.RetiredAt == null).OrderBy(p => p.Code).First();
            var indicator = new Indicator { ProjectId = project.Id, Name = "公表前に入らなかった指標", Unit = "件", Kind = IndicatorKind.Activity, Direction = IndicatorDirection.HigherIsBetter, SortOrder = 99 };
            indicator.SetValue(2026, 10, null);
            indicator.SetValue(2025, 10, null);
            db.Indicators.Add(indicator);
            db.SaveChanges();
            return (indicator.Id, indicator.Name);
        });

        // 令和8年度 is not yet published: the confirmation names the divisions still missing actuals.
        var confirm = await planning.GetStringAsync("/Publications/Publish?kind=IndicatorActuals&year=2026");
        Assert.Contains("道路課：未入力", confirm);
        Assert.Contains("name=\"Comment\"", confirm);
        var token = KomakiFactory.TokenIn(confirm);
        var refused = await planning.PostAsync("/Publications/Publish?kind=IndicatorActuals&year=2026", KomakiFactory.Form(token));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("理由を書いてください", await refused.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.Publications.Any(p => p.Kind == PublicationKind.IndicatorActuals && p.FiscalYear == 2026)));
        var published = await planning.PostAsync("/Publications/Publish?kind=IndicatorActuals&year=2026", KomakiFactory.Form(token, ("Comment", "議会の日程に合わせるため")));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("議会の日程に合わせるため", app.WithDb(db => db.Publications.Single(p => p.Kind == PublicationKind.IndicatorActuals && p.FiscalYear == 2026).Note));

        // 令和7年度 was published: the division's list no longer asks for its actual, planning's does, as 未入力.
        var staff = await (await app.SignedInAsync("doro-tanto@komaki.example")).GetStringAsync("/Goals/Waiting");
        Assert.DoesNotContain($"指標「{name}」", staff);
        // Planning's list counts them per 課 — one row each, however many indicators — and the row opens that 課's list.
        var planningList = await planning.GetStringAsync("/Goals/Waiting");
        var (road, missingOfRoad, unitsMissing) = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            var counts = db.Indicators.Where(i => i.RetiredAt == null && i.ProjectId != null && i.Values.Any(v => v.FiscalYear == 2025 && v.Target != null && v.Actual == null))
                .GroupBy(i => i.Project!.OwnerUnitId).Select(g => new { g.Key, Count = g.Count() }).ToList();
            return (road, counts.Single(c => c.Key == road).Count, counts.Count);
        });
        Assert.Equal(unitsMissing, Regex.Count(planningList, "指標の実績（令和7年度・公表後の未入力）"));
        Assert.DoesNotContain("data-kind=\"IndicatorActual\"", planningList);
        Assert.Contains($"未入力の指標 {missingOfRoad}件", planningList);
        var listUrl = $"/Indicators/Unentered?year=2025&amp;unitId={road}";
        Assert.Contains(listUrl, planningList);
        var unitList = await planning.GetStringAsync(System.Net.WebUtility.HtmlDecode(listUrl));
        Assert.Contains(name, unitList);
        Assert.Contains($"/Indicators/{indicatorId}/Values?focus=2025#actual-2025", unitList);
        Assert.Equal(HttpStatusCode.NotFound, (await planning.GetAsync($"/Indicators/Unentered?year=2027&unitId={road}")).StatusCode);

        // Planning's first entry of the year is not a correction: no reason asked, nothing shown as 訂正.
        var values = await planning.GetStringAsync($"/Indicators/{indicatorId}/Values");
        var fields = HtmlForms.Fields(values, $"/Indicators/{indicatorId}/Values");
        var row = fields.First(f => f.Key.EndsWith(".FiscalYear", StringComparison.Ordinal) && f.Value == "2025").Key.Replace(".FiscalYear", "", StringComparison.Ordinal);
        fields[$"{row}.Actual"] = "7";
        var saved = await planning.PostAsync($"/Indicators/{indicatorId}/Values", KomakiFactory.Form(KomakiFactory.TokenIn(values), fields.Select(f => (f.Key, f.Value)).ToArray()));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var value = app.WithDb(db => db.IndicatorValues.AsNoTracking().Single(v => v.IndicatorId == indicatorId && v.FiscalYear == 2025));
        Assert.Equal((7m, (DateTime?)null, (string?)null), (value.Actual, value.CorrectedAt, value.CorrectionReason));
    }
}
