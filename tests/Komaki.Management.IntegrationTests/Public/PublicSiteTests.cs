using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Public;

public class PublicSiteTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Planning = "kikaku@komaki.example";

    private static readonly string[] Pages = ["/public", "/public/evaluations", "/public/manifesto", "/public/forum", "/public/voices", "/api/v1", "/api/v1/measures.csv", "/api/v1/indicators", "/api/v1/manifesto.csv", "/api/v1/forum.csv", "/api/v1/citizen-inputs"];

    private static async Task PostAsync(HttpClient client, string tokenPage, string url, params (string, string)[] fields)
    {
        var response = await client.PostAsync(url, KomakiFactory.Form(await KomakiFactory.TokenAsync(client, tokenPage), fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static JsonElement[] Json(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().ToArray();

    [Fact]
    public async Task Anyone_can_read_the_public_site_and_its_files_without_signing_in()
    {
        var anonymous = app.NewClient();
        foreach (var page in Pages) Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(page)).StatusCode);
        var measureId = app.WithDb(db => db.Measures.Single(m => m.Code == "1-1").Id);
        var measure = await anonymous.GetStringAsync($"/public/measures/{measureId}");
        Assert.Contains("防災力の強化", measure);
        Assert.Contains("<svg", measure);
        Assert.Contains("<caption class=\"visually-hidden\">", measure);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/public/measures/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Board")).StatusCode);
        var csv = await anonymous.GetByteArrayAsync("/api/v1/manifesto.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
    }

    [Fact]
    public async Task Indicator_actuals_appear_only_for_years_planning_has_published()
    {
        var anonymous = app.NewClient();
        var measureId = app.WithDb(db => db.Measures.Single(m => m.Code == "1-1").Id);
        var (indicatorId, actual2025) = app.WithDb(db => db.IndicatorValues.Where(v => v.Indicator!.MeasureId == measureId && v.Indicator.SortOrder == 1 && v.FiscalYear == 2025)
            .Select(v => new { v.IndicatorId, v.Actual }).AsEnumerable().Select(v => (v.IndicatorId, v.Actual)).Single());
        Assert.NotNull(actual2025);
        JsonElement Row2025(string json) => Json(json).Single(r => r.GetProperty("fiscalYear").GetInt32() == 2025 && r.GetProperty("indicatorId").GetInt32() == indicatorId);
        Assert.Equal(actual2025, Row2025(await anonymous.GetStringAsync($"/api/v1/indicators?measureId={measureId}")).GetProperty("actual").GetDecimal());

        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync("/Publications/Withdraw?kind=IndicatorActuals&year=2025", KomakiFactory.Form(KomakiFactory.TokenIn(await head.GetStringAsync("/Reminders"))))).StatusCode);

        var planning = await app.SignedInAsync(Planning);
        await PostAsync(planning, "/Publications", "/Publications/Withdraw?kind=IndicatorActuals&year=2025");
        Assert.Equal(JsonValueKind.Null, Row2025(await anonymous.GetStringAsync($"/api/v1/indicators?measureId={measureId}")).GetProperty("actual").ValueKind);
        var page = await anonymous.GetStringAsync($"/public/measures/{measureId}");
        Assert.Contains("令和6年度 (2024)の達成度", page);
        Assert.DoesNotContain("令和7年度 (2025)の達成度", page);
        Assert.Matches("令和7年度 \\(2025\\)</th>\\s*<td class=\"num\">[^<]*</td>\\s*<td class=\"num\">－</td>\\s*<td class=\"num\">－</td>\\s*<td class=\"num\"></td>\\s*<td class=\"text-nowrap text-muted\">未公表</td>", page);
        Assert.Equal(2024, Json(await anonymous.GetStringAsync("/api/v1/measures"))[0].GetProperty("achievementYear").GetInt32());

        await PostAsync(planning, "/Publications", "/Publications/Publish?kind=IndicatorActuals&year=2025", ("Comment", "取りやめた年度を元に戻すため"));
        Assert.Equal(actual2025, Row2025(await anonymous.GetStringAsync($"/api/v1/indicators?measureId={measureId}")).GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task Citizen_input_is_public_only_when_answered_and_marked_public()
    {
        var anonymous = app.NewClient();
        var (letter, unanswered) = app.WithDb(db => (
            db.CitizenInputs.First(c => c.Channel == CitizenChannel.LetterToMayor && c.Answer != null),
            db.CitizenInputs.First(c => c.Answer == null)));
        var voices = await anonymous.GetStringAsync("/api/v1/citizen-inputs");
        Assert.DoesNotContain(letter.Summary, voices);
        Assert.DoesNotContain(unanswered.Summary, voices);
        Assert.DoesNotContain(letter.Summary, await anonymous.GetStringAsync("/public/voices"));

        var planning = await app.SignedInAsync(Planning);
        await PostAsync(planning, $"/CitizenInputs/{unanswered.Id}", $"/CitizenInputs/{unanswered.Id}/Publish", ("publish", "true"), ("version", unanswered.Version.ToString()));
        Assert.Contains("市の考え方が記入されていない声は公開できません。", await planning.GetStringAsync($"/CitizenInputs/{unanswered.Id}"));
        Assert.False(app.WithDb(db => db.CitizenInputs.Single(c => c.Id == unanswered.Id).IsPublished));

        await PostAsync(planning, $"/CitizenInputs/{letter.Id}", $"/CitizenInputs/{letter.Id}/Publish", ("publish", "true"), ("version", letter.Version.ToString()));
        Assert.Contains(letter.Summary, await anonymous.GetStringAsync("/public/voices"));
        Assert.Contains(letter.Answer!, await anonymous.GetStringAsync("/api/v1/citizen-inputs"));
    }

    [Fact]
    public async Task Manifesto_progress_of_an_unpublished_year_is_not_shown()
    {
        var anonymous = app.NewClient();
        var planning = await app.SignedInAsync(Planning);
        await PostAsync(planning, "/Publications", "/Publications/Withdraw?kind=ManifestoProgress&year=2025");
        await PostAsync(planning, "/Publications", "/Publications/Withdraw?kind=ManifestoProgress&year=2024");
        var none = Json(await anonymous.GetStringAsync("/api/v1/manifesto"));
        Assert.All(none, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("status").ValueKind));

        await PostAsync(planning, "/Publications", "/Publications/Publish?kind=ManifestoProgress&year=2024");
        var rows = Json(await anonymous.GetStringAsync("/api/v1/manifesto"));
        Assert.Contains(rows, r => r.GetProperty("statusYear").ValueKind == JsonValueKind.Number);
        Assert.All(rows.Where(r => r.GetProperty("statusYear").ValueKind == JsonValueKind.Number), r => Assert.Equal(2024, r.GetProperty("statusYear").GetInt32()));
        await PostAsync(planning, "/Publications", "/Publications/Publish?kind=ManifestoProgress&year=2025");
    }

    [Fact]
    public async Task A_measure_evaluation_appears_once_planning_publishes_its_year()
    {
        var measureId = app.WithDb(db => db.Measures.Single(m => m.Code == "2-5").Id);
        app.WithDb(db =>
        {
            db.MeasureEvaluations.Add(new MeasureEvaluation { MeasureId = measureId, FiscalYear = 2025, Assessment = "相談窓口の周知が遅れ、指標が目標を下回った。", Direction = Direction.Improve });
            return db.SaveChanges();
        });
        var anonymous = app.NewClient();
        Assert.DoesNotContain("相談窓口の周知が遅れ", await anonymous.GetStringAsync($"/public/measures/{measureId}"));

        var planning = await app.SignedInAsync(Planning);
        // Other measures have no assessment yet: publishing the year anyway records why.
        await PostAsync(planning, "/Publications", "/Publications/Publish?kind=MeasureEvaluations&year=2025", ("Comment", "評価の済んだ施策から順に公開するため"));
        var page = await anonymous.GetStringAsync($"/public/measures/{measureId}");
        Assert.Contains("相談窓口の周知が遅れ、指標が目標を下回った。", page);
        Assert.Contains("今後の方向性: 改善", page);
    }

    [Fact]
    public async Task A_draft_evaluation_has_no_public_page()
    {
        var anonymous = app.NewClient();
        var (draft, published) = app.WithDb(db => (
            db.ProjectEvaluations.First(e => e.State == EvaluationState.Draft).Id,
            db.ProjectEvaluations.First(e => e.State == EvaluationState.Published).Id));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/evaluations/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/public/evaluations/{published}")).StatusCode);
    }

    [Fact]
    public async Task Planning_sets_the_bands_and_the_mayor_sees_the_measures_that_fall_in_an_off_target_band()
    {
        var planning = await app.SignedInAsync(Planning);
        var token = await KomakiFactory.TokenAsync(planning, "/Board/Bands");
        (string, string)[] Bands(string lowest) =>
        [
            ("rows[0].Grade", "S"), ("rows[0].Label", "達成"), ("rows[0].MinPercent", "１００"), ("rows[0].Color", "#1a7f37"),
            ("rows[1].Grade", "A"), ("rows[1].Label", "順調"), ("rows[1].MinPercent", "95"), ("rows[1].Color", "#1f5fa8"),
            ("rows[2].Grade", "B"), ("rows[2].Label", "遅れ<b>"), ("rows[2].MinPercent", lowest), ("rows[2].Color", "#b42318"), ("rows[2].OffTarget", "true"),
        ];
        var bad = await planning.PostAsync("/Board/Bands", KomakiFactory.Form(token, Bands("10")));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("いちばん低い判定区分の下限は0%にしてください", html);
        Assert.Contains("value=\"10\"", html);
        Assert.Equal(4, app.WithDb(db => db.JudgmentBands.Count()));

        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync("/Board/Bands", KomakiFactory.Form(token, Bands("0")))).StatusCode);
        // The plan tree marks each measure with the same bands; planning's text is encoded, never markup.
        var tree = await planning.GetStringAsync("/PlanTree");
        Assert.Contains("遅れ&lt;b&gt;", tree);
        Assert.DoesNotContain("遅れ<b>", tree);
        var mayor = await (await app.SignedInAsync("shicho@komaki.example")).GetStringAsync("/Board/Mayor?year=2025");
        var offTarget = Regex.Match(mayor, "<table[^>]*id=\"off-target\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;

        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Data.AppDbContext>(scope.ServiceProvider);
        var plan = await PlanRollUp.CurrentBasicPlanAsync(db, 2025);
        var below = (await PlanRollUp.LoadAsync(db, plan!.Id, 2025)).SelectMany(p => p.Measures).Where(m => m.Result.Percent < 95m).ToList();
        Assert.NotEmpty(below);
        Assert.Equal(below.Count, Regex.Count(offTarget, "<tr><td"));
        foreach (var m in below) Assert.Contains($"{m.Code} {m.Name}", offTarget);

        // Weighting a measure at 0 leaves it out of its policy's achievement.
        var measure = await db.Measures.Include(m => m.Policy).SingleAsync(m => m.Code == below[0].Code);
        var edit = await planning.GetStringAsync($"/Plan/Measure/{measure.Id}/Edit");
        var response = await planning.PostAsync($"/Plan/Measure/{measure.Id}/Edit", KomakiFactory.Form(KomakiFactory.TokenIn(edit),
            ("Level", "Measure"), ("Id", measure.Id.ToString()), ("ParentId", measure.PolicyId.ToString()), ("Code", measure.Code), ("Name", measure.Name),
            ("OwnerUnitId", measure.OwnerUnitId.ToString()!), ("SortOrder", measure.SortOrder.ToString()), ("Weight", "0"), ("Version", measure.Version.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var policy = (await PlanRollUp.LoadAsync(db, plan.Id, 2025)).Single(p => p.Id == measure.PolicyId);
        var others = policy.Measures.Where(m => m.Id != measure.Id && m.Result.Percent is not null).ToList();
        Assert.Equal(Math.Round(others.Average(m => m.Result.Percent!.Value), 1, MidpointRounding.AwayFromZero), policy.Result.Percent);
    }
}
