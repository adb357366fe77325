using System.Net;
using System.Reflection;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Web.Features.BudgetFormulation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Komaki.Management.IntegrationTests.Support;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// What is confirmed is exactly what was shown (issue 31): submitting a request, an assessor's draft and committing a
/// stage for a 部 carry what their page showed, and a change between opening the page and sending it refuses the step
/// with the reason beside the form — nothing written.
public sealed class BudgetConfirmationTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    private static (string, string)[] Amounts(long thousands, string reason) =>
    [
        ("Expenditure", thousands.ToString()), ("National", "0"), ("Prefectural", "0"), ("Bonds", "0"), ("OtherSpecific", "0"), ("General", thousands.ToString()), ("Reason", reason),
    ];

    /// The class: every form of 予算編成 that records a step on what its page showed carries a version or the
    /// fingerprint of what was shown. Only forms that create a record nobody else can have changed are left out.
    [Fact]
    public void Every_step_form_of_budget_formulation_carries_a_version_or_what_was_shown()
    {
        // RestorationForm creates the one 復活要求 of a line against its committed 内示, which never changes.
        string[] creates = [nameof(RestorationForm)];
        var forms = typeof(BudgetStepsController).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(BudgetStepsController).Namespace && typeof(Controller).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<HttpPostAttribute>().Any())
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType))
            .Where(t => t.IsClass && t != typeof(string) && t.Namespace == typeof(BudgetShown).Namespace)
            .Distinct().ToList();
        Assert.Contains(typeof(SubmitForm), forms);
        Assert.Contains(typeof(AssessForm), forms);
        Assert.Contains(typeof(CommitForm), forms);
        var missing = forms.Where(t => !creates.Contains(t.Name) && t.GetProperty("Version") is null && t.GetProperty("Shown") is null).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, "Step forms without a version or what was shown: " + string.Join(", ", missing));
    }

    /// The tester's case: the 課長 opens the submission at 300,000 千円, the staff changes the request to 250,000, the
    /// 課長's open form is refused; opening it again submits the 250,000 he now sees.
    [Fact]
    public async Task A_request_changed_after_the_head_opened_its_submission_is_not_submitted()
    {
        const int year = 2029;
        var project = app.WithDb(db => db.Projects.Where(p => p.RetiredAt == null && db.OrgUnits.Any(u => u.Id == p.OwnerUnitId && u.Name == "道路課")).OrderBy(p => p.Id).Select(p => p.Id).First());
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var requestUrl = $"/BudgetFormulation/{year}/Request/{project}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, requestUrl, [("Version", "0"), ("IsNew", "false"), .. Amounts(300_000, "老朽化した橋りょうの補修")])).StatusCode);
        var request = app.WithDb(db => db.BudgetRequests.Single(r => r.FiscalYear == year && r.ProjectId == project));
        var submit = $"/BudgetFormulation/{year}/Lines/{request.Id}/Submit";
        var opened = await ShownFingerprint.OfAsync(head, submit);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, requestUrl, [("Version", request.Version.ToString()), ("IsNew", "false"), .. Amounts(250_000, "老朽化した橋りょうの補修")])).StatusCode);
        var refused = await PostAsync(head, submit, ("Comment", "必要な補修である"), opened);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(BudgetShown.Changed, await refused.Content.ReadAsStringAsync());
        var without = await PostAsync(head, submit, ("Comment", "必要な補修である"));
        Assert.Contains(BudgetShown.Changed, await without.Content.ReadAsStringAsync());
        app.WithDb(db =>
        {
            var r = db.BudgetRequests.Include(x => x.Entries).Single(x => x.Id == request.Id);
            Assert.Null(r.SubmittedAt);
            Assert.Null(r.SubmittedBy);
            Assert.Empty(r.Entries);
            Assert.False(db.BudgetLines.Any(b => b.FiscalYear == year && b.ProjectId == project && b.Requested != null));
            return 0;
        });

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, submit, ("Comment", "必要な補修である"), await ShownFingerprint.OfAsync(head, submit))).StatusCode);
        Assert.Equal(250_000_000, app.WithDb(db => db.BudgetStageEntries.Single(e => e.BudgetRequestId == request.Id && e.Stage == BudgetStage.Request).Expenditure));
    }

    /// A stale assessment form never reverts another's assessment: the draft saved in between stays.
    [Fact]
    public async Task An_assessment_form_opened_before_another_assessment_is_refused_and_the_other_stays()
    {
        // A 部 other than the one the commit test commits, so the two never meet.
        var welfare = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "福祉部").Id);
        var lineId = app.WithDb(db => db.BudgetRequests.Where(r => r.FiscalYear == 2027 && db.OrgUnits.Any(u => u.Id == r.OrgUnitId && u.ParentId == welfare))
            .OrderBy(r => r.Id).Select(r => r.Id).First());
        var mayor = await app.SignedInAsync("shicho@komaki.example");
        var url = $"/BudgetFormulation/2027/Lines/{lineId}/Assess/MayorAssessment";
        var stale = await ShownFingerprint.OfAsync(mayor, url);
        var other = await ShownFingerprint.OfAsync(mayor, url);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(mayor, url, [.. Amounts(4_321, "別の画面で査定した額"), other])).StatusCode);
        var saved = Draft(lineId);

        var refused = await PostAsync(mayor, url, [.. Amounts(1_234, "古い画面からの査定"), stale]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(BudgetShown.Changed, await refused.Content.ReadAsStringAsync());
        Assert.Equal(saved, Draft(lineId));
        Assert.Equal(4_321_000, saved.Expenditure);
    }

    private (long Expenditure, string? Reason, DateTime At) Draft(int lineId) => app.WithDb(db => db.BudgetStageEntries
        .Where(e => e.BudgetRequestId == lineId && e.Stage == BudgetStage.MayorAssessment && !e.Committed).Select(e => new { e.Expenditure, e.Reason, e.RecordedAt })
        .AsEnumerable().Select(e => (e.Expenditure, e.Reason, e.RecordedAt)).Single());

    /// The mayor confirms a 部's total; a line assessed again after he opened the page refuses the commit; nothing of
    /// the stage is written, and the page opened again commits what it then shows.
    [Fact]
    public async Task A_department_changed_after_its_commit_page_was_opened_is_not_committed()
    {
        var department = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "都市建設部").Id);
        var lineId = app.WithDb(db => db.BudgetRequests.Where(r => r.FiscalYear == 2027 && db.OrgUnits.Any(u => u.Id == r.OrgUnitId && u.ParentId == department))
            .OrderBy(r => r.Id).Select(r => r.Id).First());
        var mayor = await app.SignedInAsync("shicho@komaki.example");
        var url = $"/BudgetFormulation/2027/Steps/MayorAssessment/{department}";
        var page = await mayor.GetStringAsync(url);
        var reasons = CommitReasons.Of(page, "法令に基づく義務的な経費であり、認めた。");
        var opened = await ShownFingerprint.OfAsync(mayor, url);
        var assess = $"/BudgetFormulation/2027/Lines/{lineId}/Assess/MayorAssessment";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(mayor, assess, [.. Amounts(7_777, "再査定で減額"), await ShownFingerprint.OfAsync(mayor, assess)])).StatusCode);
        var entries = app.WithDb(db => db.BudgetStageEntries.Count(e => e.Stage == BudgetStage.MayorAssessment && e.Committed));

        var refused = await PostAsync(mayor, url, [.. reasons, opened]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(BudgetShown.Changed, await refused.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.BudgetStageCommits.Any(c => c.FiscalYear == 2027 && c.Stage == BudgetStage.MayorAssessment && c.DepartmentId == department)));
        Assert.Equal(entries, app.WithDb(db => db.BudgetStageEntries.Count(e => e.Stage == BudgetStage.MayorAssessment && e.Committed)));

        page = await mayor.GetStringAsync(url);
        reasons = CommitReasons.Of(page, "法令に基づく義務的な経費であり、認めた。");
        // Two reasons for one line are refused beside the reasons, not one of them silently kept.
        var n = reasons.Length / 2;
        var twice = await PostAsync(mayor, url, [.. reasons, ($"Reasons[{n}].RequestId", lineId.ToString()), ($"Reasons[{n}].Text", "一つ目"),
            ($"Reasons[{n + 1}].RequestId", lineId.ToString()), ($"Reasons[{n + 1}].Text", "二つ目"), await ShownFingerprint.OfAsync(mayor, url)]);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("同じ行の理由が2つ送られました", await twice.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.BudgetStageCommits.Any(c => c.FiscalYear == 2027 && c.Stage == BudgetStage.MayorAssessment && c.DepartmentId == department)));
        var committed = await PostAsync(mayor, url, [.. reasons, await ShownFingerprint.OfAsync(mayor, url)]);
        Assert.True(committed.StatusCode == HttpStatusCode.Redirect, await committed.Content.ReadAsStringAsync());
        Assert.Equal(7_777_000, app.WithDb(db => db.BudgetStageEntries.Single(e => e.BudgetRequestId == lineId && e.Stage == BudgetStage.MayorAssessment).Expenditure));
    }
}
