using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Board;

/// The board's drill-down names the missing item on each row, with a link to where it is entered.
public class DrillDownTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task The_indicator_actuals_cell_opens_the_projects_naming_each_indicator_without_its_actual()
    {
        var (roadId, indicatorId, name, code) = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            var indicator = db.Indicators.Include(i => i.Values).Include(i => i.Project).First(i => i.Project!.OwnerUnitId == road);
            var value = indicator.SetValue(2025, indicator.Values.First(v => v.FiscalYear == 2025).Target ?? 10, null);
            // 令和7年度 is published: taking its actual away is a correction, with its reason.
            (value.CorrectionReason, value.CorrectedAt) = ("集計をやり直すため取り下げ", DateTime.UtcNow);
            db.SaveChanges();
            return (road, indicator.Id, indicator.Name, indicator.Project!.Code);
        });
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var board = await planning.GetStringAsync("/Board?year=2026");
        var href = WebUtility.HtmlDecode(Regex.Match(board, $"<tr data-unit=\"{roadId}\">.*?<td class=\"num [^\"]*\" data-stage=\"IndicatorActuals\">\\s*<a href=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value);
        Assert.True(href == $"/PlanTree/Projects?unitId={roadId}&missingActual=2025", Regex.Match(board, $"<tr data-unit=\"{roadId}\">.*?</tr>", RegexOptions.Singleline).Value);

        var list = await planning.GetStringAsync(href);
        Assert.Contains("令和7年度の指標の実績が未入力の事業だけを表示しています", list);
        var row = Regex.Match(list, $"<td class=\"code\">{code}</td>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains($"href=\"/Indicators/{indicatorId}/Values?focus=2025\"", row);
        Assert.Contains($"「{name}」令和7年度の実績が未入力", row);
        // A year no page can be about is a 404, not 「昭和-1930年度」.
        Assert.Equal(HttpStatusCode.NotFound, (await planning.GetAsync("/PlanTree/Projects?missingActual=-5")).StatusCode);
        // Projects whose actuals are all in are not listed.
        var complete = app.WithDb(db => db.Projects.Where(p => p.OwnerUnitId == roadId && !db.Indicators.Any(i => i.ProjectId == p.Id && i.Values.Any(v => v.FiscalYear == 2025 && v.Target != null && v.Actual == null)))
            .Select(p => p.Code).ToList());
        Assert.All(complete, c => Assert.DoesNotContain($"<td class=\"code\">{c}</td>", list));
    }
}
