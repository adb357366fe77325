using System.Net;
using Komaki.Management.Core.Manifesto;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Manifesto;

public class ManifestoAndVoiceWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Planning = "kikaku@komaki.example";

    private async Task<Coverage> CoverageOfAsync(string number)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Data.AppDbContext>(scope.ServiceProvider);
        var item = await db.ManifestoItems.SingleAsync(i => i.Number == number);
        return (await ManifestoCoverage.ForTermAsync(db, item.MayorTermId, 2026))[item.Id].Coverage;
    }

    [Fact]
    public async Task Planning_sees_the_promises_with_no_home_in_the_plan_and_gives_one_a_home()
    {
        var client = await app.SignedInAsync(Planning);
        var matrix = await client.GetStringAsync("/Manifesto?coverage=Unlinked");
        foreach (var title in new[] { "不登校の子どもの居場所づくり", "フレイル予防の全市展開", "自動運転バスの実証", "行政手続のオンライン化" }) Assert.Contains(title, matrix);
        Assert.DoesNotContain("がん検診の受診率向上", matrix);
        Assert.Equal(Coverage.NoBudget, await CoverageOfAsync("5-2"));

        var itemId = app.WithDb(db => db.ManifestoItems.Single(i => i.Number == "1-6").Id);
        var page = await client.GetStringAsync($"/Manifesto/Items/{itemId}");
        var token = KomakiFactory.TokenIn(page);
        var unknown = await client.PostAsync($"/Manifesto/Items/{itemId}/Links", KomakiFactory.Form(token, ("level", "Measure"), ("code", "9-9")));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("コード「9-9」の施策が現行の計画にありません。", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(Coverage.Unlinked, await CoverageOfAsync("1-6"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/Manifesto/Items/{itemId}/Links", KomakiFactory.Form(token, ("level", "Measure"), ("code", "3-3")))).StatusCode);
        Assert.Equal(Coverage.Covered, await CoverageOfAsync("1-6"));
        Assert.DoesNotContain("不登校の子どもの居場所づくり", await client.GetStringAsync("/Manifesto?coverage=Unlinked"));
        var measureId = app.WithDb(db => db.Measures.Single(m => m.Code == "3-3").Id);
        Assert.Contains("不登校の子どもの居場所づくり", await client.GetStringAsync($"/Plan/Measure/{measureId}"));
        Assert.Contains("ManifestoItem", app.WithDb(db => db.AuditEntries.Where(a => a.RecordType == "ManifestoItem" && a.RecordId == itemId.ToString()).Select(a => a.RecordType).First()));

        var linkId = app.WithDb(db => db.ManifestoLinks.Single(l => l.ManifestoItemId == itemId).Id);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/Manifesto/Items/{itemId}/Links/{linkId}/Delete", KomakiFactory.Form(token))).StatusCode);
        Assert.Equal(Coverage.Unlinked, await CoverageOfAsync("1-6"));
    }

    [Fact]
    public async Task Only_planning_changes_the_manifesto_and_its_progress()
    {
        var itemId = app.WithDb(db => db.ManifestoItems.Single(i => i.Number == "4-5").Id);
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var page = await head.GetStringAsync($"/Manifesto/Items/{itemId}");
        Assert.DoesNotContain("結び付ける", page);
        var token = KomakiFactory.TokenIn(page);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/Manifesto/Items/{itemId}/Links", KomakiFactory.Form(token, ("level", "Measure"), ("code", "6-3")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/Manifesto/Items/{itemId}/Progress", KomakiFactory.Form(token, ("fiscalYear", "2026"), ("status", "Achieved"), ("commentary", "x"), ("version", "0")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/Manifesto/Items/{itemId}/Edit")).StatusCode);

        var planning = await app.SignedInAsync(Planning);
        var empty = await planning.PostAsync($"/Manifesto/Items/{itemId}/Progress", KomakiFactory.Form(KomakiFactory.TokenIn(await planning.GetStringAsync($"/Manifesto/Items/{itemId}")), ("fiscalYear", "2026"), ("status", "Started"), ("commentary", ""), ("version", "0")));
        Assert.Contains("進捗の説明を入力してください。", await empty.Content.ReadAsStringAsync());
        var saved = await planning.PostAsync($"/Manifesto/Items/{itemId}/Progress", KomakiFactory.Form(KomakiFactory.TokenIn(await planning.GetStringAsync($"/Manifesto/Items/{itemId}")),
            ("fiscalYear", "2026"), ("status", "Started"), ("commentary", "桃花台で実証の準備を始めた。"), ("version", "0")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(ManifestoStatus.Started, app.WithDb(db => db.ManifestoProgress.Single(p => p.ManifestoItemId == itemId && p.FiscalYear == 2026).Status));
    }

    [Fact]
    public async Task Citizen_input_is_registered_against_what_it_touches_and_shows_on_the_measures_page()
    {
        var client = await app.SignedInAsync(Planning);
        var token = await KomakiFactory.TokenAsync(client, "/CitizenInputs/Create");
        var bad = await client.PostAsync("/CitizenInputs/Create", KomakiFactory.Form(token, ("Channel", "TownMeeting"), ("ReceivedOn", "2026-11-01"),
            ("Summary", "公園にトイレがほしい。"), ("Status", "Answered"), ("MeasureCodes", "6-4 9-9")));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("施策コード「9-9」は現行の施策にありません。", html);
        Assert.Contains("回答済・反映済にするには「市の考え方」を入力してください。", html);
        Assert.Contains("公園にトイレがほしい。", html);

        var ok = await client.PostAsync("/CitizenInputs/Create", KomakiFactory.Form(token, ("Channel", "TownMeeting"), ("ReceivedOn", "2026-11-01"),
            ("Summary", "公園にトイレがほしい。"), ("Status", "Received"), ("MeasureCodes", "６－４")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var measureId = app.WithDb(db => db.Measures.Single(m => m.Code == "6-4").Id);
        var measurePage = await client.GetStringAsync($"/Plan/Measure/{measureId}");
        Assert.Contains("公園にトイレがほしい。", measurePage);
        Assert.Contains("市民意識調査", measurePage);

        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/CitizenInputs/Create")).StatusCode);
    }

    [Fact]
    public async Task The_survey_portfolio_places_every_surveyed_measure_and_refuses_numbers_out_of_range()
    {
        var client = await app.SignedInAsync("shicho@komaki.example");
        var page = await client.GetStringAsync("/Survey?year=2025");
        Assert.Contains("<svg class=\"portfolio-chart\"", page);
        Assert.Equal(30, System.Text.RegularExpressions.Regex.Count(page, "<circle class=\"point"));
        Assert.Contains("重点改善", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Survey/2025/Edit")).StatusCode);

        var planning = await app.SignedInAsync(Planning);
        var form = await planning.GetStringAsync("/Survey/2026/Edit");
        var firstMeasure = System.Text.RegularExpressions.Regex.Match(form, "name=\"Rows\\[0\\].MeasureId\" value=\"(\\d+)\"").Groups[1].Value;
        var bad = await planning.PostAsync("/Survey/2026/Edit", KomakiFactory.Form(KomakiFactory.TokenIn(form),
            ("Rows[0].MeasureId", firstMeasure), ("Rows[0].Satisfaction", "150"), ("Rows[0].Importance", "60")));
        Assert.Contains("満足度は0〜100の数値で入力してください。", await bad.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.SurveyResults.Count(r => r.FiscalYear == 2026)));
    }
}
