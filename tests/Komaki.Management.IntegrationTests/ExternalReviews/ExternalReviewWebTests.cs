using System.Net;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.ExternalReviews;

public class ExternalReviewWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Reviewer = "hyoka@komaki.example";
    private const string Expert = "gakushiki@komaki.example";

    private async Task EnsureExpertAsync()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(Expert) is not null) return;
        var user = new AppUser { UserName = Expert, Email = Expert, EmailConfirmed = true, DisplayName = "学識 委員" };
        Assert.True((await users.CreateAsync(user, Core.Data.Seeding.DemoSeeder.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, Roles.ExternalReviewer);
    }

    /// The session form binds a list of rows that carry the person: one person sent twice is refused beside the field,
    /// not decided by whichever row came last, and no session is created.
    [Fact]
    public async Task A_reviewer_sent_twice_is_refused_and_no_session_is_created()
    {
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var citizenId = app.WithDb(db => db.Users.Single(u => u.Email == Reviewer).Id);
        var token = await KomakiFactory.TokenAsync(planning, "/Forum/Create");
        var sessions = app.WithDb(db => db.ExternalReviews.Count());
        var twice = await planning.PostAsync("/Forum/Create", KomakiFactory.Form(token, ("FiscalYear", "2025"), ("Title", "二重の委員"), ("HeldOn", "2026-12-12"),
            ("Venue", "市役所"), ("ProjectCodes", "6-2-01"), ("Reviewers[0].UserId", citizenId), ("Reviewers[0].Kind", "市民委員"), ("Reviewers[1].UserId", citizenId), ("Reviewers[1].Kind", "学識経験者")));
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("同じ人が二つ送られました。一人に区分は一つです。", await twice.Content.ReadAsStringAsync());
        Assert.Equal(sessions, app.WithDb(db => db.ExternalReviews.Count()));
    }

    [Fact]
    public async Task Verdicts_stay_hidden_until_the_session_closes_then_the_results_and_an_improvement_appear()
    {
        await EnsureExpertAsync();
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var (citizenId, expertId) = app.WithDb(db => (db.Users.Single(u => u.Email == Reviewer).Id, db.Users.Single(u => u.Email == Expert).Id));
        var token = await KomakiFactory.TokenAsync(planning, "/Forum/Create");
        var created = await planning.PostAsync("/Forum/Create", KomakiFactory.Form(token, ("FiscalYear", "2025"), ("Title", "テスト公開フォーラム"), ("HeldOn", "2026-12-12"),
            ("Venue", "市役所"), ("ProjectCodes", "6-2-01 ６－２－０２"), ("Reviewers[0].UserId", citizenId), ("Reviewers[0].Kind", "市民委員"), ("Reviewers[1].UserId", expertId), ("Reviewers[1].Kind", "学識経験者")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var sessionId = app.WithDb(db => db.ExternalReviews.Single(s => s.Title == "テスト公開フォーラム").Id);
        var url = $"/Forum/{sessionId}";
        var itemId = app.WithDb(db => db.ExternalReviewProjects.Single(p => p.ExternalReviewId == sessionId && p.Project!.Code == "6-2-01").Id);

        var citizen = await app.SignedInAsync(Reviewer);
        Assert.Contains("テスト公開フォーラム", await citizen.GetStringAsync("/Forum"));
        var empty = await citizen.PostAsync(url + "/Verdicts", KomakiFactory.Form(KomakiFactory.TokenIn(await citizen.GetStringAsync(url)), ("rows[0].ExternalReviewProjectId", itemId.ToString()), ("rows[0].Comment", "路線の見直しが必要。")));
        Assert.Contains("6-2-01: 評価（拡充・現行どおり・改善・縮小・廃止）を選んでください。", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostAsync(url + "/Verdicts", KomakiFactory.Form(KomakiFactory.TokenIn(await citizen.GetStringAsync(url)),
            ("rows[0].ExternalReviewProjectId", itemId.ToString()), ("rows[0].Verdict", "Reduce"), ("rows[0].Comment", "利用の少ない路線は見直すべき。")))).StatusCode);

        var expert = await app.SignedInAsync(Expert);
        var expertPage = await expert.GetStringAsync(url);
        Assert.DoesNotContain("利用の少ない路線は見直すべき。", expertPage);
        Assert.DoesNotContain("利用の少ない路線は見直すべき。", await planning.GetStringAsync(url));
        Assert.Equal(HttpStatusCode.Redirect, (await expert.PostAsync(url + "/Verdicts", KomakiFactory.Form(KomakiFactory.TokenIn(expertPage),
            ("rows[0].ExternalReviewProjectId", itemId.ToString()), ("rows[0].Verdict", "Reduce"), ("rows[0].Comment", "費用対効果の検証が必要。")))).StatusCode);

        // Staff cannot enter verdicts; reviewers cannot close or reach the staff pages.
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.PostAsync(url + "/Verdicts", KomakiFactory.Form(KomakiFactory.TokenIn(await planning.GetStringAsync(url)), ("rows[0].ExternalReviewProjectId", itemId.ToString()), ("rows[0].Verdict", "Expand"), ("rows[0].Comment", "x")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsync(url + "/Close", KomakiFactory.Form(KomakiFactory.TokenIn(await citizen.GetStringAsync(url)), ("version", "0")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/Evaluations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/Goals")).StatusCode);

        // Closing is asked on a page of its own; opening it closes nothing.
        Assert.Contains($"href=\"{url}/Close\"", await planning.GetStringAsync(url));
        var confirm = await planning.GetStringAsync(url + "/Close");
        Assert.Contains("結果の出た 1 件の事業は、改善の取組として改善の進行管理に登録されます", confirm);
        Assert.Contains("全事業を入力済みの委員 0／2 人", confirm);
        // What is missing is listed by reviewer and project; closing without a reason is refused beside the reason field.
        var missing = System.Text.RegularExpressions.Regex.Match(confirm, "<section[^>]*id=\"missing\".*?</section>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("（市民委員）が未評価: 6-2-02（1件）", missing);
        Assert.Contains("（学識経験者）が未評価: 6-2-02（1件）", missing);
        Assert.Contains("6-2-02 ", missing);
        Assert.Contains("評価した委員がいないため、結果なしで終了し", missing);
        Assert.False(app.WithDb(db => db.ExternalReviews.Single(s => s.Id == sessionId).IsClosed));
        var version = app.WithDb(db => db.ExternalReviews.Single(s => s.Id == sessionId).Version);
        var actionsBefore = app.WithDb(db => db.ImprovementActions.Count());
        var refused = await planning.PostAsync(url + "/Close", KomakiFactory.Form(KomakiFactory.TokenIn(confirm), ("version", version.ToString())));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("id=\"Comment\"[^>]*>\\s*</textarea>\\s*<div class=\"invalid-feedback\">評価のそろっていないところが 3件あります。", await refused.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.ExternalReviews.Single(s => s.Id == sessionId).IsClosed));
        // A reason longer than the close note keeps beside what was missing comes back beside the field, as typed.
        var tooLong = new string('理', CloseForm.CommentMax + 1);
        var overlong = await planning.PostAsync(url + "/Close", KomakiFactory.Form(KomakiFactory.TokenIn(confirm), ("version", version.ToString()), ("Comment", tooLong)));
        Assert.Equal(HttpStatusCode.OK, overlong.StatusCode);
        Assert.Matches($"id=\"Comment\"[^>]*>{tooLong}</textarea>\\s*<div class=\"invalid-feedback\">理由は{CloseForm.CommentMax:N0}文字以内で入力してください", await overlong.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.ExternalReviews.Single(s => s.Id == sessionId).IsClosed));
        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync(url + "/Close", KomakiFactory.Form(KomakiFactory.TokenIn(confirm), ("version", version.ToString()),
            ("Comment", "6-2-02は時間切れで審議できなかったため、次回に回す。")))).StatusCode);
        var note = app.WithDb(db => db.ExternalReviews.Single(s => s.Id == sessionId).CloseNote);
        Assert.Contains("6-2-02は時間切れで審議できなかったため", note);
        Assert.Contains("が未評価: 6-2-02", note);
        var results = await citizen.GetStringAsync(url);
        Assert.Contains("利用の少ない路線は見直すべき。", results);
        Assert.Contains("費用対効果の検証が必要。", results);
        Assert.Contains("<strong class=\"forum-result\">縮小</strong>", results);
        Assert.Equal(actionsBefore + 1, app.WithDb(db => db.ImprovementActions.Count()));
        Assert.Contains("テスト公開フォーラム", app.WithDb(db => db.ImprovementActions.OrderByDescending(a => a.Id).First().Description));

        // The city's response: one longer than its column comes back beside that project's box with the text as typed.
        var page = await planning.GetStringAsync(url);
        var longResponse = new string('方', 4001);
        var responseRefused = await planning.PostAsync(url + "/Response", KomakiFactory.Form(KomakiFactory.TokenIn(page), ("ExternalReviewProjectId", itemId.ToString()), ("Response", longResponse)));
        Assert.Equal(HttpStatusCode.OK, responseRefused.StatusCode);
        Assert.Matches($"id=\"response-{itemId}\"[^>]*>{longResponse}</textarea>\\s*<div class=\"invalid-feedback\">対応方針は4,000文字以内で入力してください", await responseRefused.Content.ReadAsStringAsync());
        Assert.Null(app.WithDb(db => db.ExternalReviewProjects.Single(p => p.Id == itemId).CityResponse));
        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync(url + "/Response", KomakiFactory.Form(KomakiFactory.TokenIn(page), ("ExternalReviewProjectId", itemId.ToString()), ("Response", "路線の再編を検討する。")))).StatusCode);
        Assert.Equal("路線の再編を検討する。", app.WithDb(db => db.ExternalReviewProjects.Single(p => p.Id == itemId).CityResponse));

        var late = await citizen.PostAsync(url + "/Verdicts", KomakiFactory.Form(KomakiFactory.TokenIn(results), ("rows[0].ExternalReviewProjectId", itemId.ToString()), ("rows[0].Verdict", "Expand"), ("rows[0].Comment", "やはり拡充")));
        Assert.Contains("この会は終了しているため、評価を変更できません。", await late.Content.ReadAsStringAsync());

        var other = app.WithDb(db => db.ExternalReviews.First(s => s.Id != sessionId && !s.Reviewers.Any(r => r.UserId == expertId)).Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/Forum/{other}")).StatusCode);
    }

    [Fact]
    public async Task The_audit_committee_reads_no_evaluation_sheet_through_the_forum()
    {
        var items = app.WithDb(db => db.ExternalReviewProjects.Select(p => new { p.ExternalReviewId, p.Id }).ToList());
        Assert.NotEmpty(items);
        var auditor = await app.SignedInAsync("kansa@komaki.example");
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        foreach (var item in items)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/Forum/{item.ExternalReviewId}/Projects/{item.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await planning.GetAsync($"/Forum/{item.ExternalReviewId}/Projects/{item.Id}")).StatusCode);
        }
        foreach (var session in items.Select(i => i.ExternalReviewId).Distinct())
            Assert.DoesNotContain("評価シートを見る", await auditor.GetStringAsync($"/Forum/{session}"));
    }
}
