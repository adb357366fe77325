using System.Net;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Komaki.Management.IntegrationTests.Support;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// Posts that arrive together, or one form posted twice, change what one post changes: one 復活要求 per line, one commit
/// of a stage per 部, one edition per publication; the others read the domain's sentence beside the form, never an
/// error page (issue 31: two 復活要求 stored from five posts at once, three HTTP 500 from four commits, 第2版 and 第3版
/// of 評価の効き目 identical to the yen).
public sealed class DoublePostTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Finance = "zaisei@komaki.example";

    /// Each post from its own signed-in browser, with the token of the page it opened, all sent at once.
    private async Task<HttpResponseMessage[]> AtOnceAsync(string email, int count, string url, Func<string, (string, string)[]> fields)
    {
        var posts = new List<(HttpClient Client, FormUrlEncodedContent Form)>();
        for (var i = 0; i < count; i++)
        {
            var client = await app.SignedInAsync(email);
            var page = await client.GetStringAsync(url);
            posts.Add((client, KomakiFactory.Form(KomakiFactory.TokenIn(page), fields(page))));
        }
        return await Task.WhenAll(posts.Select(p => p.Client.PostAsync(url, p.Form)));
    }

    private static async Task RefusedBesideTheFormAsync(IEnumerable<HttpResponseMessage> refused, string says)
    {
        foreach (var r in refused)
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains(says, await r.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Five_restoration_requests_posted_at_once_store_one()
    {
        const int Year = 2031;
        var id = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課");
            var project = db.Projects.Where(p => p.OwnerUnitId == road.Id && p.RetiredAt == null).OrderBy(p => p.Id).Select(p => p.Id).First();
            var at = new DateTime(Year - 1, 12, 1, 0, 0, 0, DateTimeKind.Utc);
            BudgetStageEntry Entry(BudgetStage stage, long yen) => new() { Stage = stage, Expenditure = yen, Funding = Funding.None with { General = yen }, RecordedBy = Finance, RecordedAt = at, Committed = true };
            var request = new BudgetRequest
            {
                FiscalYear = Year, ProjectId = project, OrgUnitId = road.Id, Expenditure = 3_000_000, Funding = Funding.None with { General = 3_000_000 }, Reason = "補修", EnteredBy = "doro-tanto@komaki.example",
                SubmittedBy = "doro-kacho@komaki.example", SubmittedAt = at, Entries = [Entry(BudgetStage.Request, 3_000_000), Entry(BudgetStage.Notice, 1_000_000)],
            };
            db.BudgetRequests.Add(request);
            db.BudgetStageCommits.Add(new BudgetStageCommit { FiscalYear = Year, Stage = BudgetStage.Notice, DepartmentId = road.ParentId!.Value, CommittedBy = Finance, CommittedAt = at, Lines = 1 });
            db.SaveChanges();
            return request.Id;
        });
        var amount = 1000;
        var responses = await AtOnceAsync("doro-kacho@komaki.example", 5, $"/BudgetFormulation/{Year}/Lines/{id}/Restoration/Create",
            _ => [("Amount", (Interlocked.Increment(ref amount)).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Reason", "安全対策上、必要")]);

        Assert.DoesNotContain(responses, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, app.WithDb(db => db.BudgetRestorations.Count(r => r.BudgetRequestId == id)));
        await RefusedBesideTheFormAsync(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), "この事業の復活要求はすでに出されています");
    }

    [Fact]
    public async Task Four_commits_of_one_stage_posted_at_once_commit_it_once()
    {
        const int Year = 2027;
        var department = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "市民生活部").Id);
        var finance = await app.SignedInAsync(Finance);
        var mayorUrl = $"/BudgetFormulation/{Year}/Steps/{BudgetStage.MayorAssessment}/{department}";
        var page = await finance.GetStringAsync(mayorUrl);
        var mayor = await finance.PostAsync(mayorUrl, KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. CommitReasons.Of(page, "市長査定で確認した"), ShownFingerprint.In(page, mayorUrl)]));
        Assert.True(mayor.StatusCode == HttpStatusCode.Redirect, await mayor.Content.ReadAsStringAsync());

        var url = $"/BudgetFormulation/{Year}/Steps/{BudgetStage.Notice}/{department}";
        var responses = await AtOnceAsync(Finance, 4, url, p => [.. CommitReasons.Of(p, "内示として確認した"), ShownFingerprint.In(p, url)]);

        Assert.DoesNotContain(responses, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, app.WithDb(db => db.BudgetStageCommits.Count(c => c.FiscalYear == Year && c.Stage == BudgetStage.Notice && c.DepartmentId == department)));
        await RefusedBesideTheFormAsync(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), "確定済です");
    }

    /// Publishing is what changed since the last edition: the same form posted again makes no edition, and two posts of
    /// a changed report at once make one.
    [Fact]
    public async Task The_effect_report_posted_twice_is_published_once()
    {
        const string Url = "/BudgetFormulation/Effect/2025/Publish";
        var finance = await app.SignedInAsync(Finance);
        var opened = await finance.GetStringAsync(Url);
        int[] Editions() => app.WithDb(db => db.EffectPublications.Where(p => p.FiscalYear == 2025).OrderBy(p => p.Edition).Select(p => p.Edition).ToArray());
        // The demo city published 第1版; whether this post makes 第2版 or is refused as the same, posting it again changes nothing.
        (string, string)[] form = [ShownFingerprint.In(opened, Url), ("Correction", "決算の確定に合わせて改めます。")];
        var first = await finance.PostAsync(Url, KomakiFactory.Form(KomakiFactory.TokenIn(opened), form));
        Assert.NotEqual(HttpStatusCode.InternalServerError, first.StatusCode);
        var editions = Editions();
        Assert.NotEmpty(editions);
        foreach (var _ in new[] { 1, 2 })
        {
            var same = await finance.PostAsync(Url, KomakiFactory.Form(KomakiFactory.TokenIn(opened), form));
            await RefusedBesideTheFormAsync([same], $"公表済みの第{editions[^1]}版と内容が同じです");
        }
        Assert.Equal(editions, Editions());

        var lineId = app.WithDb(db => db.BudgetLines.Where(b => b.FiscalYear == 2026 && b.Initial != null).OrderBy(b => b.Id).Select(b => b.Id).First());
        app.WithDb(db => { db.BudgetLines.Single(b => b.Id == lineId).Initial += 1_000_000; return db.SaveChanges(); });
        var responses = await AtOnceAsync(Finance, 3, Url, p => [ShownFingerprint.In(p, Url), ("Correction", "当初予算の訂正に合わせて改めます。")]);
        Assert.DoesNotContain(responses, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal([.. editions, editions[^1] + 1], Editions());
    }

    [Fact]
    public async Task The_results_report_submitted_twice_makes_one_edition()
    {
        const string Url = "/Reports/Results/Submit?year=2025";
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        async Task<HttpResponseMessage> SubmitAsync() =>
            await planning.PostAsync(Url, KomakiFactory.Form(KomakiFactory.TokenIn(await planning.GetStringAsync(Url)), ("Comment", "議会の日程に合わせて提出する。")));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync()).StatusCode);
        await RefusedBesideTheFormAsync([await SubmitAsync()], "提出済みの第1版と内容が同じです");
        Assert.Equal(1, app.WithDb(db => db.ResultsSubmissions.Count(s => s.FiscalYear == 2025)));
    }
}
