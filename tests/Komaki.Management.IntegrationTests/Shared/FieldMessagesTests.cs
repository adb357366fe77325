using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.InternalControl;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Shared;

/// What a person sees when a step's form is refused (issue 28, one validation path): a value too long, missing or not
/// what the field takes is answered on the same page, in Japanese, beside the field it concerns — the length read from
/// the model — and nothing is written. One or more of each controller whose steps bind a form of their own.
public sealed class FieldMessagesTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string RoadHead = "doro-kacho@komaki.example", Promotion = "gyosei@komaki.example", Auditor = "kansa@komaki.example", Planning = "kikaku@komaki.example";

    private static async Task<string> RefusedAsync(HttpClient client, string page, string url, params (string, string)[] fields)
    {
        var response = await client.PostAsync(url, KomakiFactory.Form(await KomakiFactory.TokenAsync(client, page), fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
        return html;
    }

    /// The message follows the field it concerns (and what was typed in it), before any other field.
    private static void Beside(string html, string field, string message) =>
        Assert.True(Regex.IsMatch(html, $"name=\"{Regex.Escape(field)}\"[^>]*>(?:(?!name=\")[\\s\\S]){{0,6000}}?{Regex.Escape(message)}"),
            $"「{message}」 is not beside {field}: " + string.Join(" / ", Regex.Matches(html, "(?:invalid-feedback|text-danger)[^>]*>([^<]+)<").Select(m => m.Groups[1].Value)));

    [Fact]
    public async Task A_correction_missing_or_too_long_is_refused_beside_its_field_and_nothing_changes()
    {
        var deficiencyId = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            var risk = db.ControlRisks.First(r => r.FiscalYear == 2026 && r.OrgUnitId == road);
            var deficiency = new ControlDeficiency { ControlRiskId = risk.Id, Kind = DeficiencyKind.Operation, Description = "点検記録の押印が漏れている", CorrectiveAction = "点検表に確認欄を設ける", DueOn = new DateOnly(2026, 12, 25) };
            db.ControlDeficiencies.Add(deficiency);
            db.SaveChangesAsync().GetAwaiter().GetResult();
            return deficiency.Id;
        });
        var (riskId, version) = app.WithDb(db => db.ControlDeficiencies.Where(d => d.Id == deficiencyId).Select(d => new { d.ControlRiskId, d.Version }).Single() is var x ? (x.ControlRiskId, x.Version) : default);
        var head = await app.SignedInAsync(RoadHead);
        var page = $"/Control/Risks/{riskId}";
        var url = $"/Control/Deficiencies/{deficiencyId}/Correct";

        var missing = await RefusedAsync(head, page, url, ("version", version.ToString()), ("correctedOn", "2026-11-20"), ("correctionNote", " "));
        Beside(missing, "correctionNote", "是正の内容（何をどう直したか）を入力してください。");
        var tooLong = await RefusedAsync(head, page, url, ("version", version.ToString()), ("correctedOn", "2026-11-20"), ("correctionNote", new string('直', 2001)));
        Beside(tooLong, "correctionNote", "是正の内容は2000文字以内で入力してください（いま2001文字）。");
        Assert.Contains(new string('直', 2001), tooLong);
        var noDay = await RefusedAsync(head, page, url, ("version", version.ToString()), ("correctedOn", ""), ("correctionNote", "点検表を改めた"));
        Beside(noDay, "correctedOn", "是正した日を入力してください。");
        Assert.Null(app.WithDb(db => db.ControlDeficiencies.Single(d => d.Id == deficiencyId).CorrectionNote));
    }

    [Fact]
    public async Task The_schedule_and_a_chase_are_refused_beside_their_fields_on_the_register()
    {
        var promotion = await app.SignedInAsync(Promotion);
        var before = app.WithDb(db => db.ControlYears.AsNoTracking().Single(y => y.FiscalYear == 2026));
        var backwards = await RefusedAsync(promotion, "/Control?year=2026", "/Control/Year/2026/Schedule", ("entryDue", "2026-09-30"), ("evaluationDue", "2026-08-31"));
        Beside(backwards, "evaluationDue", "評価の期限は記入期限より後にしてください。");
        var none = await RefusedAsync(promotion, "/Control?year=2026", "/Control/Year/2026/Schedule", ("entryDue", ""), ("evaluationDue", "2027-02-26"));
        Beside(none, "entryDue", "各課の記入期限を入力してください。");
        var after = app.WithDb(db => db.ControlYears.AsNoTracking().Single(y => y.FiscalYear == 2026));
        Assert.Equal((before.EntryDue, before.EvaluationDue, before.Version), (after.EntryDue, after.EvaluationDue, after.Version));

        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var chases = app.WithDb(db => db.ControlChases.Count());
        var chase = await RefusedAsync(promotion, "/Control?year=2026", "/Control/Year/2026/Chase", ("unitId", road.ToString()), ("Message", new string('督', 501)));
        Beside(chase, "Message", "督促の文面は500文字以内で入力してください（いま501文字）。");
        Assert.Equal(chases, app.WithDb(db => db.ControlChases.Count()));
    }

    [Fact]
    public async Task A_step_of_the_year_refuses_an_opinion_too_long_and_a_missing_day_beside_the_field()
    {
        var auditor = await app.SignedInAsync(Auditor);
        var before = app.WithDb(db => db.ControlYears.AsNoTracking().Single(y => y.FiscalYear == 2026).Version);
        var opinion = await RefusedAsync(auditor, "/Account/ChangePassword", "/Control/Report/2026/Steps/AuditReview", ("on", "2026-11-10"), ("opinion", new string('意', 4001)));
        Beside(opinion, "opinion", "意見は4000文字以内で入力してください（いま4001文字）。");
        var day = await RefusedAsync(auditor, "/Account/ChangePassword", "/Control/Report/2026/Steps/AuditReview", ("on", ""), ("opinion", "適正と認める。"));
        Beside(day, "on", "日付を入力してください。");
        Assert.Equal(before, app.WithDb(db => db.ControlYears.AsNoTracking().Single(y => y.FiscalYear == 2026).Version));
    }

    [Fact]
    public async Task A_comment_on_a_goal_missing_or_too_long_is_refused_beside_it()
    {
        var goal = app.WithDb(db => db.OrganizationalGoals.OrderBy(g => g.Id).First().Id);
        var mayor = await app.SignedInAsync("shicho@komaki.example");
        var events = app.WithDb(db => db.GoalEvents.Count());
        Beside(await RefusedAsync(mayor, $"/Goals/{goal}", $"/Goals/{goal}/Comment", ("comment", "  ")), "comment", "コメントを入力してください。");
        Beside(await RefusedAsync(mayor, $"/Goals/{goal}", $"/Goals/{goal}/Comment", ("comment", new string('語', 4001))), "comment", "コメントは4000文字以内で入力してください（いま4001文字）。");
        Assert.Equal(events, app.WithDb(db => db.GoalEvents.Count()));
    }

    [Fact]
    public async Task A_manifesto_link_without_a_code_and_progress_too_long_are_refused_beside_their_fields()
    {
        var item = app.WithDb(db => db.ManifestoItems.OrderBy(i => i.Id).First().Id);
        var planning = await app.SignedInAsync(Planning);
        var (links, progress) = app.WithDb(db => (db.ManifestoLinks.Count(), db.ManifestoProgress.Count()));
        Beside(await RefusedAsync(planning, $"/Manifesto/Items/{item}", $"/Manifesto/Items/{item}/Links", ("level", "Measure"), ("code", "")), "code", "コードを入力してください（例: 1-2 / 1-2-03）。");
        var unknown = await RefusedAsync(planning, $"/Manifesto/Items/{item}", $"/Manifesto/Items/{item}/Links", ("level", "Measure"), ("code", "9-9"));
        Beside(unknown, "code", "コード「9-9」の施策が現行の計画にありません。");
        Assert.Contains("value=\"9-9\"", unknown);
        var tooLong = await RefusedAsync(planning, $"/Manifesto/Items/{item}", $"/Manifesto/Items/{item}/Progress",
            ("fiscalYear", "2026"), ("status", "Started"), ("commentary", new string('進', 4001)), ("evidence", ""), ("version", "0"));
        Beside(tooLong, "commentary", "進捗の説明は4000文字以内で入力してください（いま4001文字）。");
        Beside(await RefusedAsync(planning, $"/Manifesto/Items/{item}", $"/Manifesto/Items/{item}/Progress",
            ("fiscalYear", "2026"), ("status", "Started"), ("commentary", "準備を始めた"), ("evidence", new string('根', 4001)), ("version", "0")), "evidence", "根拠は4000文字以内で入力してください（いま4001文字）。");
        Assert.Equal((links, progress), app.WithDb(db => (db.ManifestoLinks.Count(), db.ManifestoProgress.Count())));
    }

    [Fact]
    public async Task A_reason_too_long_to_publish_or_to_submit_the_report_is_refused_beside_it()
    {
        var planning = await app.SignedInAsync(Planning);
        var (publications, submissions) = app.WithDb(db => (db.Publications.Count(), db.ResultsSubmissions.Count()));
        Beside(await RefusedAsync(planning, "/Publications", "/Publications/Publish?kind=IndicatorActuals&year=2026", ("Comment", new string('理', 1501))),
            "Comment", "理由は1500文字以内で入力してください（いま1501文字）。");
        Beside(await RefusedAsync(planning, "/Publications", "/Reports/Results/Submit?year=2025", ("Comment", new string('理', 1501))),
            "Comment", "理由は1500文字以内で入力してください（いま1501文字）。");
        Assert.Equal((publications, submissions), app.WithDb(db => (db.Publications.Count(), db.ResultsSubmissions.Count())));
    }

    [Fact]
    public async Task A_two_factor_code_that_is_not_six_digits_and_an_empty_new_password_are_refused_beside_them()
    {
        var staff = await app.SignedInAsync("kankyo-kacho@komaki.example");
        Beside(await RefusedAsync(staff, "/Account/TwoFactor", "/Account/TwoFactor", ("code", "12a456")), "code", "確認コードは、認証アプリに今表示されている6桁の数字で入力してください。");
        Assert.Contains("2段階認証", await staff.GetStringAsync("/Account/TwoFactor"));

        var admin = await app.SignedInAsync("admin@komaki.example");
        var user = app.WithDb(db => db.Users.Single(u => u.Email == "doro-tanto@komaki.example"));
        Beside(await RefusedAsync(admin, "/Users", $"/Users/ResetPassword/{user.Id}", ("newPassword", "")), "newPassword", "新しいパスワードを入力してください。");
        Assert.Equal(user.PasswordHash, app.WithDb(db => db.Users.Single(u => u.Id == user.Id).PasswordHash));
    }
}
