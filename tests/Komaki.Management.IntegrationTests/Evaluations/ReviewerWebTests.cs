using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Evaluations;

/// External reviewers see what they judge: from their forum session, read-only, the evaluation sheets of the
/// session's projects and nothing else; and the verdict form keeps what they typed for every project.
public class ReviewerWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Reviewer = "hyoka@komaki.example";
    private static readonly string[] Codes = ["6-2-01", "6-2-02", "6-2-03"];

    /// A session of 令和7年度 with the demo reviewer and three road projects; returns its id and the items by code.
    private (int SessionId, Dictionary<string, (int ItemId, int ProjectId)> Items) Session(string title) => app.WithDb(db =>
    {
        var reviewer = db.Users.Single(u => u.Email == Reviewer).Id;
        var projects = db.Projects.Where(p => Codes.Contains(p.Code)).ToList();
        var session = new ExternalReview
        {
            FiscalYear = 2025, Title = title, HeldOn = new DateOnly(2026, 12, 12), Venue = "市役所",
            Reviewers = [new ExternalReviewer { UserId = reviewer, Kind = "市民委員" }],
            Projects = projects.Select(p => new ExternalReviewProject { ProjectId = p.Id }).ToList(),
        };
        db.ExternalReviews.Add(session);
        db.SaveChanges();
        return (session.Id, session.Projects.ToDictionary(p => projects.Single(x => x.Id == p.ProjectId).Code, p => (p.Id, p.ProjectId)));
    });

    [Fact]
    public async Task A_reviewer_opens_read_only_the_sheets_of_the_sessions_projects_and_nothing_else()
    {
        var (id, items) = Session("シート閲覧の会");
        // One evaluation published, one still with planning: its ratings are not the reviewer's to read yet.
        app.WithDb(db =>
        {
            db.ProjectEvaluations.Where(e => e.ProjectId == items["6-2-01"].ProjectId && e.FiscalYear == 2025).ExecuteUpdate(s => s.SetProperty(e => e.State, EvaluationState.Published));
            return db.ProjectEvaluations.Where(e => e.ProjectId == items["6-2-02"].ProjectId && e.FiscalYear == 2025)
                .ExecuteUpdate(s => s.SetProperty(e => e.State, EvaluationState.FirstReviewed).SetProperty(e => e.EffectivenessReason, "公表前の有効性の理由")
                    .SetProperty(e => e.StaffPersonYears, 0.7m).SetProperty(e => e.StaffCostPerPersonYear, 8_000_000));
        });
        var reviewer = await app.SignedInAsync(Reviewer);
        var session = await reviewer.GetStringAsync($"/Forum/{id}");
        Assert.Contains($"href=\"/Forum/{id}/Projects/{items["6-2-01"].ItemId}\"", session);

        var published = await reviewer.GetStringAsync($"/Forum/{id}/Projects/{items["6-2-01"].ItemId}");
        Assert.Contains("（閲覧のみ）", published);
        Assert.Contains("id=\"costs\"", published);
        Assert.Contains("id=\"ratings\"", published);
        Assert.DoesNotContain("<form method=\"post\"", Regex.Match(published, "<main.*</main>", RegexOptions.Singleline).Value);
        Assert.DoesNotContain("/Improvements/", published);

        var unpublished = await reviewer.GetStringAsync($"/Forum/{id}/Projects/{items["6-2-02"].ItemId}");
        Assert.Contains("公表前のため表示していません", unpublished);
        Assert.Contains("id=\"costs\"", unpublished);
        Assert.DoesNotContain("公表前の有効性の理由", unpublished);
        // The unit's staff cost of the year (0.7人) is part of its unpublished evaluation: the year's cell is blank.
        var staffRow = Regex.Match(unpublished, "<th scope=\"row\">人件費</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal("", Regex.Matches(staffRow, "<td[^>]*>([^<]*)</td>").Last().Groups[1].Value.Trim());

        // Another session's project through this session's URL, a session they do not sit on, and the staff sheet: refused.
        var (otherId, otherItems) = Session("別の会");
        app.WithDb(db => db.ExternalReviewers.Where(r => r.ExternalReviewId == otherId).ExecuteDelete());
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/Forum/{id}/Projects/{otherItems["6-2-01"].ItemId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/Forum/{otherId}/Projects/{otherItems["6-2-01"].ItemId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/Evaluations/2025/{items["6-2-01"].ProjectId}")).StatusCode);
    }

    [Fact]
    public async Task Verdicts_for_every_project_are_saved_together_and_an_incomplete_row_loses_nothing_typed()
    {
        var (id, items) = Session("まとめて保存の会");
        var reviewer = await app.SignedInAsync(Reviewer);
        var page = await reviewer.GetStringAsync($"/Forum/{id}");
        Assert.Contains("id=\"save-verdicts\"", page);
        var fields = HtmlForms.Fields(page);
        fields.Remove("version");
        var row = Codes.ToDictionary(c => c, c => Regex.Match(page, $"name=\"rows\\[(\\d+)\\].ExternalReviewProjectId\" value=\"{items[c].ItemId}\"").Groups[1].Value);
        fields[$"rows[{row["6-2-01"]}].Verdict"] = "Expand";
        fields[$"rows[{row["6-2-01"]}].Comment"] = "通学路の安全のため拡充すべき。";
        fields[$"rows[{row["6-2-02"]}].Verdict"] = "Reduce"; // no comment yet
        fields[$"rows[{row["6-2-03"]}].Verdict"] = "Improve";
        fields[$"rows[{row["6-2-03"]}].Comment"] = "工法の見直しでコストを下げられる。";

        var refused = await reviewer.PostAsync($"/Forum/{id}/Verdicts", KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. fields.Select(f => (f.Key, f.Value))]));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("6-2-02: 評価の理由・意見を入力してください。", html);
        Assert.Contains("通学路の安全のため拡充すべき。", html);
        Assert.Contains("工法の見直しでコストを下げられる。", html);
        Assert.Matches($"id=\"verdict-{items["6-2-02"].ItemId}-Reduce\" value=\"Reduce\" checked", html);
        Assert.Equal(0, app.WithDb(db => db.ExternalReviewProjects.Where(p => p.ExternalReviewId == id).SelectMany(p => p.Verdicts).Count()));

        fields[$"rows[{row["6-2-02"]}].Comment"] = "利用の少ない区間は見直す。";
        var saved = await reviewer.PostAsync($"/Forum/{id}/Verdicts", KomakiFactory.Form(KomakiFactory.TokenIn(html), [.. fields.Select(f => (f.Key, f.Value))]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = app.WithDb(db => db.ExternalReviewProjects.Where(p => p.ExternalReviewId == id).SelectMany(p => p.Verdicts, (p, v) => new { p.Project!.Code, v.Verdict }).ToList());
        Assert.Equal([("6-2-01", Verdict.Expand), ("6-2-02", Verdict.Reduce), ("6-2-03", Verdict.Improve)], stored.OrderBy(v => v.Code).Select(v => (v.Code, v.Verdict)));
    }
}
