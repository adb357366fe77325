using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Komaki.Management.Core.InternalControl;

namespace Komaki.Management.IntegrationTests.Control;

/// What was signed stays as signed: the published 令和7年度 内部統制評価報告書 reads the same on the screen, the public
/// page and in Excel after a division enters a new risk for that year, and says on which day it was fixed.
public class ControlReportSnapshotTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static Dictionary<string, string> Counts(string html) =>
        Regex.Matches(html, "data-count=\"(\\w+)\">(\\d+)<").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    private static async Task<string> ExcelTextAsync(HttpClient client)
    {
        var bytes = await client.GetByteArrayAsync("/Control/Report/Excel?year=2025");
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).OrderBy(e => e.FullName))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    [Fact]
    public async Task A_published_report_is_unchanged_by_a_later_risk_on_screen_public_page_and_excel()
    {
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var visitor = app.NewClient();
        var screen = await planning.GetStringAsync("/Control/Report?year=2025");
        var publicPage = await visitor.GetStringAsync("/public/control");
        var excel = await ExcelTextAsync(planning);
        Assert.Contains("令和8年5月29日 の評価報告書の作成の時点で確定", screen);
        Assert.Contains("data-count=\"overdue\"", publicPage);
        Assert.DoesNotContain("または", publicPage);
        Assert.DoesNotContain("または", screen);

        app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課");
            var risk = new ControlRisk
            {
                FiscalYear = 2025, Code = $"R25-{road.Code}-99", OrgUnitId = road.Id, Process = "後から加えたリスク", Description = "後から加えたリスク", Cause = "—", Owner = "道路課長",
                State = RiskState.Draft, Deficiencies = [new ControlDeficiency { Kind = DeficiencyKind.Material, Description = "後から", CorrectiveAction = "—", DueOn = new DateOnly(2025, 4, 30) }],
            };
            db.ControlRisks.Add(risk);
            // A deficiency of the year corrected only after publication does not move the published figures either.
            foreach (var d in db.ControlRisks.Where(r => r.FiscalYear == 2025).SelectMany(r => r.Deficiencies)) d.CorrectedOn = new DateOnly(2026, 11, 1);
            return db.SaveChanges();
        });

        var screenAfter = await planning.GetStringAsync("/Control/Report?year=2025");
        var publicAfter = await visitor.GetStringAsync("/public/control");
        Assert.Equal(Counts(screen), Counts(screenAfter));
        Assert.Equal(Counts(publicPage), Counts(publicAfter));
        Assert.Equal(Regex.Match(screen, "id=\"conclusion\">([^<]*)<").Groups[1].Value, Regex.Match(screenAfter, "id=\"conclusion\">([^<]*)<").Groups[1].Value);
        Assert.Equal(Regex.Match(publicPage, "data-conclusion>([^<]*)<").Groups[1].Value, Regex.Match(publicAfter, "data-conclusion>([^<]*)<").Groups[1].Value);
        Assert.Equal(excel, await ExcelTextAsync(planning));
        Assert.DoesNotContain("後から", screenAfter);
    }

    [Fact]
    public async Task A_report_made_with_risks_unevaluated_says_how_many_and_stays_as_made()
    {
        var promotion = await app.SignedInAsync("gyosei@komaki.example");
        var token = await KomakiFactory.TokenAsync(promotion, "/Account/ChangePassword");
        var today = app.WithDb(_ => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9))).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var step in new[] { "Consolidate", "Report" })
            await promotion.PostAsync($"/Control/Report/2026/{step}", KomakiFactory.Form(token, ("on", today), ("reason", "評価部局の評価が遅れているが、期限のため作成する。")));
        var made = await promotion.GetStringAsync("/Control/Report?year=2026");
        Assert.Contains("確定した内容です", made);
        var conclusion = Regex.Match(made, "id=\"conclusion\">([^<]*)<").Groups[1].Value;
        Assert.Contains("評価されていない", conclusion);
        Assert.DoesNotContain("判断します", conclusion);

        app.WithDb(db =>
        {
            foreach (var r in db.ControlRisks.Where(r => r.FiscalYear == 2026)) r.State = RiskState.Evaluated;
            return db.SaveChanges();
        });
        var later = await promotion.GetStringAsync("/Control/Report?year=2026");
        Assert.Equal(conclusion, Regex.Match(later, "id=\"conclusion\">([^<]*)<").Groups[1].Value);
        Assert.Equal(Counts(made), Counts(later));
    }
}
