using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Workflow;

/// Every step that closes or publishes — 内部統制 取りまとめ・作成, publishing a year's actuals, 一次評価確定 and a
/// sheet's 公表, 人事評価's 開示, next year's allocation, closing a forum session and the results report's 議会提出 —
/// is taken from a page that lists what is incomplete and asks for a reason: sent without one, the step is not taken.
public sealed class ClosingStepsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Promotion = "gyosei@komaki.example", Planning = "kikaku@komaki.example", Personnel = "jinji@komaki.example", RoadHead = "doro-kacho@komaki.example";

    /// A closing step: who takes it, the page that asks, the form's action, and whether the step has been taken.
    private sealed record Step(string Name, string Account, string Page, string Action, Func<bool> Taken);

    private static async Task PostAsync(HttpClient client, string url, params (string, string)[] fields) =>
        await client.PostAsync(url, KomakiFactory.Form(await KomakiFactory.TokenAsync(client, "/Account/ChangePassword"), fields));

    /// A reviewed 道路課 sheet of 令和7年度 put back at the given state with 目的 unwritten.
    private int SheetWithoutPurpose(int skip, EvaluationState state) => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
        var e = db.ProjectEvaluations.Where(x => x.FiscalYear == 2025 && x.OwnerUnitId == road && x.State >= EvaluationState.SecondReviewed).OrderBy(x => x.Id).Skip(skip).First();
        db.ProjectEvaluations.Where(x => x.Id == e.Id).ExecuteUpdate(s => s.SetProperty(x => x.State, state).SetProperty(x => x.PurposeTarget, (string?)null)
            .SetProperty(x => x.FirstReviewFindings, (string?)null).SetProperty(x => x.SecondReviewFindings, (string?)null).SetProperty(x => x.PublishFindings, (string?)null).SetProperty(x => x.PublishedAt, (DateTime?)null).SetProperty(x => x.PublishedSheet, (string?)null));
        return e.ProjectId;
    });

    [Fact]
    public async Task Every_closing_step_lists_what_is_missing_and_is_not_taken_without_a_reason()
    {
        // 内部統制 of a year of its own: requested, nothing registered.
        var promotion = await app.SignedInAsync(Promotion);
        await PostAsync(promotion, "/Control/Year/2027/Schedule", ("entryDue", "2026-07-31"), ("evaluationDue", "2027-02-26"));
        await PostAsync(promotion, "/Control/Report/2027/Request", ("on", "2026-11-01"));
        var draft = SheetWithoutPurpose(0, EvaluationState.Draft);
        var reviewed = SheetWithoutPurpose(1, EvaluationState.SecondReviewed);
        var session = app.WithDb(db => db.ExternalReviews.Single(s => !s.IsClosed).Id);
        Step[] steps =
        [
            new("内部統制の取りまとめ", Promotion, "/Control/Report/2027/Steps/Consolidate", "/Control/Report/2027/Steps/Consolidate", () => app.WithDb(db => db.ControlYears.Single(y => y.FiscalYear == 2027).ConsolidatedOn != null)),
            new("実績値の公開", Planning, "/Publications/Publish?kind=IndicatorActuals&year=2026", "/Publications/Publish?kind=IndicatorActuals&year=2026",
                () => app.WithDb(db => db.Publications.Any(p => p.Kind == PublicationKind.IndicatorActuals && p.FiscalYear == 2026))),
            new("一次評価確定", RoadHead, $"/Evaluations/2025/{draft}/Steps/FirstReview", $"/Evaluations/2025/{draft}/Steps/FirstReview",
                () => app.WithDb(db => db.ProjectEvaluations.Single(e => e.ProjectId == draft && e.FiscalYear == 2025).State != EvaluationState.Draft)),
            new("評価シートの公表", Planning, $"/Evaluations/2025/{reviewed}/Steps/Publish", $"/Evaluations/2025/{reviewed}/Steps/Publish",
                () => app.WithDb(db => db.ProjectEvaluations.Single(e => e.ProjectId == reviewed && e.FiscalYear == 2025).State == EvaluationState.Published)),
            new("人事評価の開示", Personnel, "/Personnel/Division/Disclose/2026", "/Personnel/Division/Disclose/2026",
                () => app.WithDb(db => db.PersonnelEvaluations.Any(e => e.FiscalYear == 2026 && e.State == PersonnelState.Disclosed))),
            new("次年度の配分", Personnel, "/Staffing/Year/2026/Allocate", "/Staffing/Year/2026/Allocate", () => app.WithDb(db => db.StaffingLines.Any(l => l.FiscalYear == 2027))),
            new("市民公開フォーラムの会の終了", Planning, $"/Forum/{session}/Close", $"/Forum/{session}/Close", () => app.WithDb(db => db.ExternalReviews.Single(s => s.Id == session).IsClosed)),
            new("主要施策成果説明書の議会提出", Planning, "/Reports/Results/Submit?year=2025", "/Reports/Results/Submit?year=2025", () => app.WithDb(db => db.ResultsSubmissions.Any())),
        ];
        var failures = new List<string>();
        foreach (var step in steps)
        {
            var client = await app.SignedInAsync(step.Account);
            var response = await client.GetAsync(step.Page);
            var page = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK) { failures.Add($"{step.Name}: {step.Page} answered {(int)response.StatusCode}"); continue; }
            var missing = Regex.Match(page, "<(section|div)[^>]*id=\"(missing|findings)\".*?</\\1>", RegexOptions.Singleline).Value;
            if (!missing.Contains("<li", StringComparison.Ordinal)) failures.Add($"{step.Name}: {step.Page} lists nothing missing");
            var form = Regex.Match(page, $"<form[^>]*action=\"{Regex.Escape(step.Action.Replace("&", "&amp;", StringComparison.Ordinal))}\"[^>]*>.*?</form>", RegexOptions.Singleline).Value;
            if (!Regex.IsMatch(form, "<textarea[^>]*name=\"(Comment|reason|Explanation)\"")) { failures.Add($"{step.Name}: the form to {step.Action} asks for no reason"); continue; }
            var fields = HtmlForms.Fields(form).Where(f => f.Key is not ("Comment" or "reason" or "Explanation")).Select(f => (f.Key, f.Value)).ToArray();
            await client.PostAsync(step.Action, KomakiFactory.Form(KomakiFactory.TokenIn(page), fields));
            if (step.Taken()) failures.Add($"{step.Name}: taken without a reason");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The rest of the 内部統制 year, each step from the page its button opens: 取りまとめ goes ahead with its reason;
        // 作成, 議会提出 and 公表 list what is missing and are refused with the message beside the reason; the audit
        // committee's 審査 (nothing to be missing) is refused without its opinion, beside that field.
        Assert.Contains("href=\"/Control/Report/2027/Steps/Consolidate\"", await promotion.GetStringAsync("/Control?year=2027"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Planning)).GetAsync("/Control/Report/2027/Steps/Report")).StatusCode);
        const string Why = "試行の年度のため、登録のないまま進める。";
        Assert.Contains(Why, (await ControlStepAsync(promotion, "Consolidate", ("reason", Why))).State);
        var auditor = await app.SignedInAsync("kansa@komaki.example");
        var planning = await app.SignedInAsync(Planning);
        foreach (var (client, step, field, value, opener) in new[]
        {
            (promotion, "Report", "reason", Why, "/Control/Report?year=2027"), (auditor, "AuditReview", "opinion", "記録がそろっていないことを指摘する。", "/Control/Report?year=2027"),
            (planning, "Council", "reason", Why, "/Control/Report?year=2027"), (planning, "Publish", "reason", Why, "/Control/Report?year=2027"),
        })
        {
            var url = $"/Control/Report/2027/Steps/{step}";
            Assert.Contains($"href=\"{url}\"", await client.GetStringAsync(opener));
            var page = await client.GetStringAsync(url);
            if (field == "reason") Assert.Contains("この年度のリスクが1件も登録されていません。", Regex.Match(page, "<section[^>]*id=\"missing\".*?</section>", RegexOptions.Singleline).Value);
            var before = YearState();
            var (refused, notTaken) = await ControlStepAsync(client, step);
            Assert.Equal(before, notTaken);
            Assert.Matches($"<textarea[^>]*name=\"{field}\"[^>]*>[^<]*</textarea>\\s*<div class=\"invalid-feedback\">[^<]*(理由|意見)[^<]*</div>", refused);
            Assert.NotEqual(before, (await ControlStepAsync(client, step, (field, value))).State);
        }
        var cycle = app.WithDb(db => db.ControlYears.Single(y => y.FiscalYear == 2027));
        Assert.True(cycle.ReportedOn is not null && cycle.AuditReviewedOn is not null && cycle.CouncilOn is not null && cycle.PublishedOn is not null);
    }

    /// Opens a 内部統制 step's confirmation page and posts its form as shown, with the given fields filled in: the page
    /// answered and the year's state after it.
    private async Task<(string Page, string State)> ControlStepAsync(HttpClient client, string step, params (string Key, string Value)[] filled)
    {
        var url = $"/Control/Report/2027/Steps/{step}";
        var page = await client.GetStringAsync(url);
        var fields = HtmlForms.Fields(page, url);
        foreach (var (key, value) in filled) fields[key] = value;
        var response = await client.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(page), fields.Select(f => (f.Key, f.Value)).ToArray()));
        return (await response.Content.ReadAsStringAsync(), YearState());
    }

    /// The 2027 year's step notes and dates.
    private string YearState() => app.WithDb(db =>
    {
        var y = db.ControlYears.AsNoTracking().Single(c => c.FiscalYear == 2027);
        return $"{y.StepNotes}|{y.ConsolidatedOn}|{y.ReportedOn}|{y.AuditReviewedOn}|{y.AuditOpinion}|{y.CouncilOn}|{y.PublishedOn}";
    });
}
