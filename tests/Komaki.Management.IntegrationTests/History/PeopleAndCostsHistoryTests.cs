using System.Net;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Core.Staffing;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.History;

/// The records audited last (issue 28): 人件費単価, a forum's reviewers and verdicts, 人事評価's grades and 苦情相談 —
/// each read on a history page by the people who read the record, and no further.
public sealed class PeopleAndCostsHistoryTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task A_unit_cost_changed_on_the_staffing_settings_is_in_the_years_history()
    {
        var personnel = await app.SignedInAsync("jinji@komaki.example");
        var url = "/Staffing/Year/2026";
        var page = await personnel.GetStringAsync(url);
        var fields = AuditedEntitiesTests.PolicyFields(page);
        var cost = fields.Keys.First(k => k.StartsWith("Costs[", StringComparison.Ordinal) && k.EndsWith(".Cost", StringComparison.Ordinal) && fields[k].Length > 0);
        fields[cost] = (long.Parse(fields[cost], System.Globalization.CultureInfo.InvariantCulture) + 1234).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var saved = await personnel.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. fields.Select(f => (f.Key, f.Value))]));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var year = app.WithDb(db => db.StaffingYears.Single(y => y.FiscalYear == 2026).Id);
        var history = await personnel.GetStringAsync($"/History/{nameof(StaffingYear)}/{year}");
        Assert.Contains("1人年あたりの人件費（円）", history);
        Assert.Contains("人件費:", history);
    }

    [Fact]
    public async Task A_verdicts_history_is_read_by_others_only_once_its_session_has_closed_and_its_reviewers_are_in_the_sessions_history()
    {
        // A verdict of the demo reviewer on a session, read while the session is open and again once it has closed.
        var (sessionId, verdict) = app.WithDb(db =>
        {
            var item = db.Set<ExternalReviewProject>().Include(p => p.ExternalReview).ThenInclude(s => s!.Reviewers).Include(p => p.Verdicts)
                .First(p => p.ExternalReview!.Reviewers.Any());
            var reviewer = item.ExternalReview!.Reviewers[0].UserId;
            item.ExternalReview.IsClosed = false;
            var v = item.Verdicts.FirstOrDefault(x => x.ReviewerUserId == reviewer);
            if (v is null) item.Verdicts.Add(v = new ReviewerVerdict { ReviewerUserId = reviewer, Verdict = Verdict.Improve, Comment = "手続の簡素化を求める", At = DateTime.UtcNow });
            else v.Comment += "（追記）";
            db.SaveChanges();
            return (item.ExternalReviewId, v.Id);
        });
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.GetAsync($"/History/{nameof(ReviewerVerdict)}/{verdict}")).StatusCode);
        app.WithDb(db => { db.ExternalReviews.Single(s => s.Id == sessionId).IsClosed = true; return db.SaveChanges(); });
        var read = await planning.GetAsync($"/History/{nameof(ReviewerVerdict)}/{verdict}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var history = await read.Content.ReadAsStringAsync();
        Assert.Contains("委員の評価", history);
        Assert.Contains("意見", history);

        var session = app.WithDb(db => db.ExternalReviews.Where(s => s.Reviewers.Any()).Select(s => s.Id).First());
        Assert.Contains("委員の区分", await planning.GetStringAsync($"/History/{nameof(ExternalReview)}/{session}"));
    }

    [Fact]
    public async Task Grades_and_complaints_history_is_read_by_the_personnel_division_alone_and_every_opening_is_logged()
    {
        var id = app.WithDb(db => db.PersonnelEvaluations.Where(e => e.FiscalYear == 2026 && e.StaffMember!.StaffNumber == "10103").Select(e => e.Id).Single());
        var url = $"/History/{PersonnelMarksHistory.RecordType}/{id}";
        var before = app.WithDb(db => db.PersonnelReads.Count(r => r.PersonnelEvaluationId == id));
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("jinji@komaki.example")).GetAsync(url)).StatusCode);
        foreach (var email in new[] { "doro-tanto@komaki.example", "doro-kacho@komaki.example", "admin@komaki.example" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(email)).GetAsync(url)).StatusCode);
        var reads = app.WithDb(db => db.PersonnelReads.Where(r => r.PersonnelEvaluationId == id).OrderBy(r => r.Id).Skip(before).Select(r => new { r.UserName, r.What }).ToList());
        Assert.Equal(4, reads.Count);
        Assert.DoesNotContain("拒否", reads[0].What, StringComparison.Ordinal);
        Assert.All(reads.Skip(1), r => Assert.StartsWith("拒否", r.What, StringComparison.Ordinal));
        Assert.True(app.WithDb(db => db.AuditEntries.Any(a => a.RecordType == PersonnelMarksHistory.RecordType && a.EntityType == nameof(EvaluationMark))),
            "the demo city's grades are in the audit trail");
    }
}
