using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.OpenData;

public class OpenDataTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task Only_published_evaluations_are_served_to_anyone_as_json_and_csv()
    {
        var anonymous = app.NewClient();
        var json = await anonymous.GetStringAsync("/api/v1/evaluations?year=2025");
        using var doc = JsonDocument.Parse(json);
        var codes = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("projectCode").GetString()!).ToList();
        var (published, unpublished) = app.WithDb(db => (
            db.ProjectEvaluations.Where(e => e.FiscalYear == 2025 && e.State == EvaluationState.Published).Select(e => e.Project!.Code).ToList(),
            db.ProjectEvaluations.Where(e => e.FiscalYear == 2025 && e.State != EvaluationState.Published).Select(e => e.Project!.Code).ToList()));
        Assert.Equal(published.Order(), codes.Order());
        Assert.NotEmpty(unpublished);
        Assert.DoesNotContain(codes, unpublished.Contains);
        Assert.Contains("\"directionLabel\":\"", json);

        var csv = await anonymous.GetAsync("/api/v1/evaluations.csv?year=2025");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("事業コード,事務事業名", lines[0]);
        Assert.Equal(published.Count, lines.Length - 1);

        var forum = await anonymous.GetStringAsync("/api/v1/forum");
        Assert.Contains("令和7年度 行政評価市民公開フォーラム", forum);
        Assert.DoesNotContain("令和8年度 行政評価市民公開フォーラム", forum);
        // The staff pages stay behind sign-in.
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Evaluations")).StatusCode);
    }

    /// Open data carries what was published, as the public sheet does: the costs and indicators of the sheet kept at
    /// publication with its date, 目的・手段, and the 確認事項 with their reasons, never the live record corrected since.
    [Fact]
    public async Task A_published_evaluation_is_served_with_its_published_figures_after_a_later_correction()
    {
        const int year = 2025;
        var (id, projectId, indicatorNames) = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            var project = db.Projects.Where(p => p.OwnerUnitId == road && p.RetiredAt == null).OrderBy(p => p.Code).Skip(2).First();
            db.ImprovementActions.Where(a => a.ProjectEvaluation!.ProjectId == project.Id && a.FiscalYear == year).ExecuteDelete();
            db.ProjectEvaluations.Where(e => e.ProjectId == project.Id && e.FiscalYear == year).ExecuteDelete();
            var e = new ProjectEvaluation
            {
                ProjectId = project.Id, FiscalYear = year, OwnerUnitId = road, SettledCost = 12_340_000, StaffCostPerPersonYear = 8_000_000, StaffPersonYears = 0.5m,
                Necessity = Rating.A, NecessityReason = "必要", Effectiveness = Rating.B, EffectivenessReason = "おおむね有効", Efficiency = Rating.B, EfficiencyReason = "横ばい",
                Equity = Rating.B, EquityReason = "公平", FirstDirection = Direction.Continue, State = EvaluationState.SecondReviewed,
                PurposeTarget = "市道を通行する歩行者と車両", Means = "舗装と側溝を計画的に補修する",
            };
            db.ProjectEvaluations.Add(e);
            db.SaveChanges();
            var names = db.Indicators.Where(i => i.ProjectId == project.Id && i.RetiredAt == null).Select(i => i.Name).ToList();
            return (e.Id, project.Id, names);
        });
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var url = $"/Evaluations/{year}/{projectId}/Steps/Publish";
        var page = await planning.GetStringAsync(url);
        var form = HtmlForms.Fields(page, url);
        form["Explanation"] = "旧システムの評価で意図の記載がない。次年度の評価で補う。";
        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. form.Select(f => (f.Key, f.Value))]))).StatusCode);
        var publishedAt = app.WithDb(db => db.ProjectEvaluations.Single(e => e.Id == id).PublishedAt);
        Assert.NotNull(publishedAt);

        // A correction of the live record after publication (the settled cost re-entered).
        app.WithDb(db =>
        {
            var e = db.ProjectEvaluations.Single(x => x.Id == id);
            e.SettledCost = 99_990_000;
            return db.SaveChanges();
        });

        var anonymous = app.NewClient();
        using var doc = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/v1/evaluations?year={year}"));
        var record = doc.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(12_340_000, record.GetProperty("settledCostYen").GetInt64());
        Assert.Equal(12_340_000 + 4_000_000, record.GetProperty("fullCostYen").GetInt64());
        var costs = record.GetProperty("costs").EnumerateArray().ToList();
        Assert.Equal([year - 2, year - 1, year], costs.Select(c => c.GetProperty("fiscalYear").GetInt32()));
        Assert.Equal(12_340_000, costs[^1].GetProperty("settledCostYen").GetInt64());
        Assert.True(record.GetProperty("sheetAsPublished").GetBoolean());
        Assert.Equal(publishedAt.Value, record.GetProperty("sheetAsOf").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal("市道を通行する歩行者と車両", record.GetProperty("purposeTarget").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("purposeIntent").ValueKind);
        Assert.Equal("舗装と側溝を計画的に補修する", record.GetProperty("means").GetString());
        Assert.Equal(indicatorNames.Order(), record.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).Order());
        var note = record.GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("step").GetString() == "公表");
        Assert.Contains("目的の「意図（どのような状態にしたいか）」が未記入です。", note.GetProperty("findings").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("旧システムの評価で意図の記載がない。次年度の評価で補う。", note.GetProperty("reason").GetString());

        var csv = Encoding.UTF8.GetString((await anonymous.GetByteArrayAsync($"/api/v1/evaluations.csv?year={year}"))[3..]).Split("\r\n");
        var row = csv.Single(l => l.Contains("市道を通行する歩行者と車両"));
        Assert.Contains(",12340000,0.5,4000000,16340000,", row);
        Assert.DoesNotContain("99990000", row);
        Assert.Contains("公表: 目的の「意図（どのような状態にしたいか）」が未記入です。", row);
        Assert.Contains("旧システムの評価で意図の記載がない。", row);

        // The public sheet reads the same figures.
        var sheet = await anonymous.GetStringAsync($"/public/evaluations/{id}");
        var costRow = Regex.Match(sheet, "<th scope=\"row\" class=\"fw-normal\">事業費（決算額）</th>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("12,340", costRow);
        Assert.DoesNotContain("99,990", sheet);
    }
}
