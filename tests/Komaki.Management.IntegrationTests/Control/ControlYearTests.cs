using System.Net;
using Komaki.Management.Core.InternalControl;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Control;

/// 内部統制 as the 推進部局, a division, the 評価部局 and the audit committee run a year, over plain form POSTs: the
/// register city-wide for those who see everything, the coverage table with every 課 (未着手 included) and a chase,
/// the whole register submitted through a confirmation page, a correction confirmed or sent back, and the audit
/// committee reading — never editing — the register once the report is written.
public sealed class ControlYearTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Promotion = "gyosei@komaki.example";
    private const string Evaluation = "somu@komaki.example";
    private const string RoadHead = "doro-kacho@komaki.example";
    private const string Auditor = "kansa@komaki.example";

    private int Unit(string name) => app.WithDb(db => db.OrgUnits.Single(u => u.Name == name).Id);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    [Fact]
    public async Task The_city_wide_register_is_searched_and_paged_and_the_coverage_carries_one_form()
    {
        var promotion = await app.SignedInAsync(Promotion);
        var risk = app.WithDb(db => db.ControlRisks.AsNoTracking().Where(r => r.FiscalYear == 2026).OrderBy(r => r.Id).First());
        var html = await promotion.GetStringAsync($"/Control?year=2026&q={Uri.EscapeDataString(risk.Code)}");
        var rows = System.Text.RegularExpressions.Regex.Matches(html, @"<td class=""text-nowrap""><a href=""/Control/Risks/(\d+)""").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([risk.Id], rows);
        Assert.Contains("全 1 件", html);
        Assert.Contains("条件に合うリスクはありません。", await promotion.GetStringAsync("/Control?year=2026&q=" + Uri.EscapeDataString("存在しない語句")));
        // One antiforgery token for the whole coverage table, however many 課 the city has.
        var all = await promotion.GetStringAsync("/Control?year=2026");
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(all, "id=\"chase-form\""));
        Assert.True(System.Text.RegularExpressions.Regex.Count(all, "name=\"__RequestVerificationToken\"") <= 4);
    }

    /// The city-wide register is a read model kept under the data versions (CityRegister.Areas): each kind of write that
    /// changes what it shows — a risk added, changed, given a deficiency, corrected, deleted — shows on the very next
    /// request (the 督促 is the chase test's).
    [Fact]
    public async Task The_city_wide_register_shows_each_kind_of_write_on_the_next_request()
    {
        var promotion = await app.SignedInAsync(Promotion);
        const string Search = "/Control?year=2025&q=R25-KEPT";
        Assert.Contains("条件に合うリスクはありません。", await promotion.GetStringAsync(Search));
        var road = Unit("道路課");
        var id = app.WithDb(db =>
        {
            var r = new ControlRisk { FiscalYear = 2025, Code = "R25-KEPT-1", OrgUnitId = road, Process = "占用許可", Description = "占用料の算定誤り", Likelihood = 2, Impact = 2 };
            db.ControlRisks.Add(r);
            db.SaveChanges();
            return r.Id;
        });
        Assert.Contains("占用料の算定誤り", await promotion.GetStringAsync(Search));

        var changed = app.WithDb(db =>
        {
            db.ControlRisks.Single(r => r.Id == id).Description = "占用料の算定誤り（面積の読み違い）";
            return db.SaveChanges();
        });
        Assert.Equal(1, changed);
        Assert.Contains("占用料の算定誤り（面積の読み違い）", await promotion.GetStringAsync(Search));

        var deficiency = app.WithDb(db =>
        {
            var d = new ControlDeficiency { ControlRiskId = id, Kind = DeficiencyKind.Operation, Description = "照合の記録がない", CorrectiveAction = "照合簿を作る", DueOn = new DateOnly(2026, 3, 31) };
            db.ControlDeficiencies.Add(d);
            db.SaveChanges();
            return d.Id;
        });
        Assert.Contains("（未是正）", await promotion.GetStringAsync(Search));
        app.WithDb(db =>
        {
            db.ControlDeficiencies.Single(d => d.Id == deficiency).CorrectedOn = new DateOnly(2026, 2, 1);
            return db.SaveChanges();
        });
        var corrected = await promotion.GetStringAsync(Search);
        Assert.Contains("（是正済）", corrected);
        Assert.DoesNotContain("（未是正）", corrected);

        app.WithDb(db =>
        {
            db.ControlDeficiencies.Remove(db.ControlDeficiencies.Single(d => d.Id == deficiency));
            db.ControlRisks.Remove(db.ControlRisks.Single(r => r.Id == id));
            return db.SaveChanges();
        });
        Assert.Contains("条件に合うリスクはありません。", await promotion.GetStringAsync(Search));
    }

    [Fact]
    public async Task The_promotion_body_opens_city_wide_sees_every_division_not_started_and_chases_it()
    {
        var promotion = await app.SignedInAsync(Promotion);
        var html = await promotion.GetStringAsync("/Control?year=2026");
        Assert.Contains("全庁のリスクを表示しています。", html);
        Assert.Contains("R26-", html);
        var personnel = Unit("人事課");
        Assert.Equal(0, app.WithDb(db => db.ControlRisks.Count(r => r.FiscalYear == 2026 && r.OrgUnitId == personnel)));
        // Every 課 of the year's organisation is a row, 未着手 included, each linking to its register.
        var divisions = app.WithDb(db => db.OrgUnits.AsNoTracking().ToList().Count(u => u.Level == Core.Organization.OrgUnitLevel.Division && u.IsValidIn(2026)));
        Assert.Equal(divisions, System.Text.RegularExpressions.Regex.Count(html, "<tr data-unit="));
        Assert.Contains($"<tr data-unit=\"{personnel}\" class=\"table-warning\">", html);
        Assert.Contains($"href=\"/Control?year=2026&amp;unitId={personnel}\"", html);
        Assert.Contains("未着手", html);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(promotion, "/Control/Year/2026/Chase", ("unitId", personnel.ToString()))).StatusCode);
        Assert.Contains("督促済", await promotion.GetStringAsync("/Control?year=2026"));
        // The 課 sees the chase on its own register; nobody but the 推進部局 chases.
        var division = await app.SignedInAsync("jinji@komaki.example");
        Assert.Contains("推進部局から督促があります", await division.GetStringAsync("/Control?year=2026"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(division, "/Control/Year/2026/Chase", ("unitId", personnel.ToString()))).StatusCode);
        // A division opens on its own register, not the city's.
        Assert.DoesNotContain("全庁のリスクを表示しています。", await (await app.SignedInAsync(RoadHead)).GetStringAsync("/Control?year=2026"));
    }

    [Fact]
    public async Task A_division_submits_its_whole_register_through_a_confirmation_page()
    {
        var road = Unit("道路課");
        var drafts = app.WithDb(db =>
        {
            foreach (var r in db.ControlRisks.Where(r => r.FiscalYear == 2026 && r.OrgUnitId == road)) r.State = RiskState.Draft;
            db.SaveChanges();
            return db.ControlRisks.Where(r => r.FiscalYear == 2026 && r.OrgUnitId == road).Select(r => r.Code).ToList();
        });
        Assert.NotEmpty(drafts);
        var head = await app.SignedInAsync(RoadHead);
        var page = await head.GetStringAsync($"/Control/Register/{road}/Submit?year=2026");
        Assert.Contains("リスク登録簿の提出", page);
        Assert.All(drafts, code => Assert.Contains(code, page));
        Assert.All(drafts, code => Assert.Equal(RiskState.Draft, app.WithDb(db => db.ControlRisks.Single(r => r.Code == code).State)));
        // Only the 課's head submits it.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(await app.SignedInAsync("doro-tanto@komaki.example"), $"/Control/Register/{road}/Submit?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(head, $"/Control/Register/{Unit("環境対策課")}/Submit?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, $"/Control/Register/{road}/Submit?year=2026")).StatusCode);
        Assert.All(drafts, code => Assert.Equal(RiskState.Submitted, app.WithDb(db => db.ControlRisks.Single(r => r.Code == code).State)));
        var again = await PostAsync(head, $"/Control/Register/{road}/Submit?year=2026");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task The_evaluation_body_confirms_a_correction_or_sends_it_back()
    {
        var deficiency = app.WithDb(db => db.ControlDeficiencies.AsNoTracking().First(d => d.CorrectedOn == null).Id);
        var riskId = app.WithDb(db => db.ControlDeficiencies.Single(d => d.Id == deficiency).ControlRiskId);
        string Version() => app.WithDb(db => db.ControlDeficiencies.Single(d => d.Id == deficiency).Version.ToString());
        var unitName = app.WithDb(db => db.OrgUnits.Single(u => u.Id == db.ControlRisks.Single(r => r.Id == riskId).OrgUnitId).Name);
        Assert.Equal("収税課", unitName);
        var evaluation = await app.SignedInAsync(Evaluation);
        // Nothing to confirm before the division records its correction.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(evaluation, $"/Control/Deficiencies/{deficiency}/ConfirmCorrection", ("version", Version()), ("reopen", "false"))).StatusCode);
        app.WithDb(db =>
        {
            var d = db.ControlDeficiencies.Single(x => x.Id == deficiency);
            d.CorrectedOn = new DateOnly(2026, 11, 28);
            d.CorrectionNote = "確認印の欄を設けた。";
            return db.SaveChanges();
        });
        Assert.Contains("評価部局の確認待ち", await evaluation.GetStringAsync($"/Control/Risks/{riskId}"));
        // The correction waits in the 評価部局's 対応待ち, opening the risk.
        var waiting = await evaluation.GetStringAsync("/Goals/Waiting");
        Assert.Contains("の是正の確認（R26-", waiting);
        Assert.Contains($"href=\"/Control/Risks/{riskId}\"", waiting);
        var noReason = await PostAsync(evaluation, $"/Control/Deficiencies/{deficiency}/ConfirmCorrection", ("version", Version()), ("reopen", "true"));
        Assert.Contains("差し戻す理由（是正として足りない点）を入力してください。", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(evaluation, $"/Control/Deficiencies/{deficiency}/ConfirmCorrection", ("version", Version()), ("reopen", "true"),
            ("reopenNote", "欄を設けただけで、11月分の点検がまだ記録されていない。"))).StatusCode);
        var reopened = app.WithDb(db => db.ControlDeficiencies.AsNoTracking().Single(d => d.Id == deficiency));
        Assert.Null(reopened.CorrectedOn);
        Assert.Contains("11月分の点検がまだ記録されていない", reopened.ReopenNote);

        app.WithDb(db =>
        {
            var d = db.ControlDeficiencies.Single(x => x.Id == deficiency);
            d.CorrectedOn = new DateOnly(2026, 12, 1);
            d.CorrectionNote = "11月分の点検を記録した。";
            return db.SaveChanges();
        });
        // Only the 評価部局 confirms (the 推進部局 evaluates none of 収税課's risks).
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(await app.SignedInAsync(Promotion), $"/Control/Deficiencies/{deficiency}/ConfirmCorrection", ("version", Version()), ("reopen", "false"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(evaluation, $"/Control/Deficiencies/{deficiency}/ConfirmCorrection", ("version", Version()), ("reopen", "false"))).StatusCode);
        Assert.NotNull(app.WithDb(db => db.ControlDeficiencies.Single(d => d.Id == deficiency).CorrectionConfirmedOn));
        Assert.DoesNotContain("の是正の確認（R26-", await evaluation.GetStringAsync("/Goals/Waiting"));
        Assert.Contains("評価部局の確認", await evaluation.GetStringAsync($"/Control/Risks/{riskId}"));
    }

    [Fact]
    public async Task The_audit_committee_reads_the_register_once_the_report_is_written_and_never_edits_it()
    {
        var auditor = await app.SignedInAsync(Auditor);
        // 令和8年度 has no report yet: no register.
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/Control?year=2026")).StatusCode);
        var current = app.WithDb(db => db.ControlRisks.First(r => r.FiscalYear == 2026).Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/Control/Risks/{current}")).StatusCode);
        // 令和7年度's report is written: the register behind it is open to read.
        Assert.Contains("id=\"read-register\"", await auditor.GetStringAsync("/Control/Report?year=2025"));
        var register = await auditor.GetStringAsync("/Control?year=2025&unitId=0");
        Assert.Contains("全庁のリスクを表示しています。", register);
        Assert.Contains("R25-", register);
        Assert.DoesNotContain("id=\"new-risk\"", register);
        var risk = app.WithDb(db => db.ControlRisks.First(r => r.FiscalYear == 2025).Id);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/Control/Risks/{risk}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Control/Register/Excel?year=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/Control/Risks/{risk}/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(auditor, $"/Control/Risks/{risk}/Evaluate", ("Version", "0"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/Control/Risks/Create?year=2025")).StatusCode);
    }
}
