using System.Net;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.InternalControl;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Workflow;

/// A recorded step is recorded once: every step of the published 令和7年度 内部統制 report, posted again by the one who
/// took it, is refused beside the form with 「記録済です」 and changes nothing — not the dates, the opinion, the frozen
/// report nor the public page; a published evaluation sheet is not published again. (Every step of every workflow
/// enum is checked in Core by RecordedStepsTests.) A step's day lies after the day of the step before it.
public sealed class RecordedStepsWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Promotion = "gyosei@komaki.example", Auditor = "kansa@komaki.example", Planning = "kikaku@komaki.example";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields) =>
        await client.PostAsync(url, KomakiFactory.Form(await KomakiFactory.TokenAsync(client, "/Account/ChangePassword"), fields));

    private string YearState(int year) => app.WithDb(db =>
    {
        var y = db.ControlYears.AsNoTracking().Single(c => c.FiscalYear == year);
        return $"{y.RequestedOn}|{y.ConsolidatedOn}|{y.ReportedOn}|{y.AuditReviewedOn}|{y.AuditOpinion}|{y.CouncilOn}|{y.PublishedOn}|{y.ReportSnapshot}|{y.StepNotes}|{y.Version}";
    });

    public static TheoryData<string, string> ControlSteps => new()
    {
        { nameof(ControlYearStep.Request), Promotion }, { nameof(ControlYearStep.Consolidate), Promotion }, { nameof(ControlYearStep.Report), Promotion },
        { nameof(ControlYearStep.AuditReview), Auditor }, { nameof(ControlYearStep.Council), Planning }, { nameof(ControlYearStep.Publish), Planning },
    };

    [Theory]
    [MemberData(nameof(ControlSteps))]
    public async Task A_step_of_the_published_control_report_posted_again_is_refused_and_changes_nothing(string step, string account)
    {
        Assert.NotNull(app.WithDb(db => db.ControlYears.Single(y => y.FiscalYear == 2025).PublishedOn));
        var visitor = app.NewClient();
        var publicBefore = await visitor.GetStringAsync("/public/control");
        var before = YearState(2025);
        var client = await app.SignedInAsync(account);

        foreach (var on in new[] { "2026-12-08", "0001-01-01" })
        {
            var response = await PostAsync(client, $"/Control/Report/2025/Steps/{step}", ("on", on), ("opinion", "改ざんした意見"), ("reason", "やり直し"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Matches(on == "0001-01-01" ? "<div class=\"invalid-feedback\">[^<]*(記録済です|日付)[^<]*</div>" : "<div class=\"invalid-feedback\">[^<]*記録済です[^<]*</div>", page);
        }
        Assert.Equal(before, YearState(2025));
        Assert.Equal(publicBefore, await visitor.GetStringAsync("/public/control"));
        Assert.DoesNotContain("改ざんした意見", publicBefore);
        // Nor is the step's page offered again.
        var opened = await client.GetAsync($"/Control/Report/2025/Steps/{step}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
    }

    [Fact]
    public async Task A_steps_day_is_within_the_range_not_before_the_year_nor_before_the_step_before_it()
    {
        var promotion = await app.SignedInAsync(Promotion);
        await PostAsync(promotion, "/Control/Year/2027/Schedule", ("entryDue", "2026-07-31"), ("evaluationDue", "2027-02-26"));
        var ancient = await PostAsync(promotion, "/Control/Report/2027/Steps/Request", ("on", "0001-01-01"));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Core.Common.SensibleDates.Message), await ancient.Content.ReadAsStringAsync());
        var beforeTheYear = await PostAsync(promotion, "/Control/Report/2027/Steps/Request", ("on", "2020-01-01"));
        Assert.Contains("令和8年4月1日以降の日付を入力してください", await beforeTheYear.Content.ReadAsStringAsync());
        Assert.Null(app.WithDb(db => db.ControlYears.Single(y => y.FiscalYear == 2027).RequestedOn));
        await PostAsync(promotion, "/Control/Report/2027/Steps/Request", ("on", "2026-11-02"));
        Assert.Equal(new DateOnly(2026, 11, 2), app.WithDb(db => db.ControlYears.Single(y => y.FiscalYear == 2027).RequestedOn));
        var early = await PostAsync(promotion, "/Control/Report/2027/Steps/Consolidate", ("on", "2026-11-01"), ("reason", "試行"));
        Assert.Contains("各課への依頼の日（令和8年11月2日）以降の日付を入力してください", await early.Content.ReadAsStringAsync());
        Assert.Null(app.WithDb(db => db.ControlYears.Single(y => y.FiscalYear == 2027).ConsolidatedOn));
    }

    [Fact]
    public async Task A_published_evaluation_sheet_is_not_published_or_reviewed_again()
    {
        var sheet = app.WithDb(db => db.ProjectEvaluations.AsNoTracking().First(e => e.FiscalYear == 2025 && e.State == EvaluationState.Published));
        var planning = await app.SignedInAsync(Planning);
        foreach (var step in new[] { nameof(EvaluationStep.Publish), nameof(EvaluationStep.SecondReview), nameof(EvaluationStep.FirstReview) })
            await PostAsync(planning, $"/Evaluations/2025/{sheet.ProjectId}/Steps/{step}", ("Comment", "やり直し"), ("confirmed", "true"));
        var after = app.WithDb(db => db.ProjectEvaluations.AsNoTracking().Single(e => e.Id == sheet.Id));
        Assert.Equal((sheet.State, sheet.PublishedAt, sheet.PublishedSheet, sheet.Version), (after.State, after.PublishedAt, after.PublishedSheet, after.Version));
    }
}
