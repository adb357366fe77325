using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Staffing;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Control;

/// 内部統制 and 定員管理 over HTTP: a risk's year from entry to the report's counts, a staffing request assessed and
/// reconciled, and every role's forbidden paths.
public class ControlAndStaffingWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string RoadHead = "doro-kacho@komaki.example", RoadStaff = "doro-tanto@komaki.example", Promotion = "gyosei@komaki.example", Evaluation = "somu@komaki.example";

    private int Unit(string name) => app.WithDb(db => db.OrgUnits.Single(u => u.Name == name).Id);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    private static async Task<Dictionary<string, int>> CountsAsync(HttpClient client, int year)
    {
        var html = await client.GetStringAsync($"/Control/Report?year={year}");
        return Regex.Matches(html, "data-count=\"(\\w+)\">(\\d+)<").ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
    }

    [Fact]
    public async Task A_risk_is_entered_submitted_evaluated_corrected_and_the_report_counts_it()
    {
        var promotion = await app.SignedInAsync(Promotion);
        var before = await CountsAsync(promotion, 2026);

        var staff = await app.SignedInAsync(RoadStaff);
        var road = Unit("道路課");
        (string, string)[] fields = [("FiscalYear", "2026"), ("OrgUnitId", road.ToString()), ("Area", "Finance"), ("Scope", "UnitSpecific"), ("Process", "橋梁点検業務の委託"),
            ("Description", "点検結果の報告が遅れ、補修の判断が遅れる"), ("Cause", "納期の管理を担当者任せにしている"), ("ExistingControl", "契約書の納期条項"), ("Likelihood", "3"), ("Impact", "2"),
            ("Response", "Reduce"), ("Measures", "納期の2週間前に進捗を確認する"), ("Owner", "道路課長"), ("DueOn", "2027-03-31"), ("ProjectCodes", "6-2-01 9-9-99")];
        var refused = await PostAsync(staff, "/Control/Risks/Create?year=2026", fields);
        Assert.Contains("事業コード「9-9-99」の事務事業がありません。", await refused.Content.ReadAsStringAsync());
        fields[^1] = ("ProjectCodes", "6-2-01");
        var created = await PostAsync(staff, "/Control/Risks/Create?year=2026", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(Regex.Match(created.Headers.Location!.ToString(), @"/Control/Risks/(\d+)").Groups[1].Value);
        var risk = app.WithDb(db => db.ControlRisks.Include(r => r.Links).Single(r => r.Id == id));
        Assert.Equal((RiskPriority.High, 1), (risk.Priority, risk.Links.Count));
        Assert.Matches(@"^R26-\d{4}-03$", risk.Code);
        Assert.Contains("発生可能性 3 × 影響度 2 = 6", await staff.GetStringAsync($"/Control/Risks/{id}"));

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, $"/Control/Risks/{id}/Submit", ("version", risk.Version.ToString()))).StatusCode);
        var head = await app.SignedInAsync(RoadHead);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, $"/Control/Risks/{id}/Submit", ("version", risk.Version.ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, $"/Control/Risks/{id}/Edit", fields)).StatusCode);

        var evaluator = await app.SignedInAsync(Evaluation);
        var version = app.WithDb(db => db.ControlRisks.Single(r => r.Id == id).Version.ToString());
        var incomplete = await PostAsync(evaluator, $"/Control/Risks/{id}/Evaluate", ("Version", version), ("DesignRating", "Effective"), ("DesignEvidence", "委託仕様書を確認"),
            ("OperationRating", "Deficient"), ("OperationEvidence", "3件中1件で確認の記録なし"));
        var page = await incomplete.Content.ReadAsStringAsync();
        Assert.True(page.Contains("不備の内容を入力してください。", StringComparison.Ordinal), string.Join("\n", Regex.Matches(page, "text-danger[^>]*>([^<]+)<").Select(m => m.Groups[1].Value)) + Regex.Match(page, "<h1.*?</h1>", RegexOptions.Singleline).Value);
        Assert.Contains("是正措置を入力してください。", page);
        Assert.Equal(RiskState.Submitted, app.WithDb(db => db.ControlRisks.Single(r => r.Id == id).State));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(evaluator, $"/Control/Risks/{id}/Evaluate", ("Version", version), ("DesignRating", "Effective"), ("DesignEvidence", "委託仕様書を確認"),
            ("OperationRating", "Deficient"), ("OperationEvidence", "3件中1件で確認の記録なし"), ("DeficiencyKind", "Operation"), ("DeficiencyDescription", "納期前の進捗確認が行われていない"),
            ("CorrectiveAction", "進捗確認を工程表に記載し、係長が確認する"), ("DeficiencyDue", "2026-12-31"))).StatusCode);
        var deficiency = app.WithDb(db => db.ControlDeficiencies.Single(d => d.ControlRiskId == id));

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, $"/Control/Deficiencies/{deficiency.Id}/Correct", ("version", deficiency.Version.ToString()), ("correctedOn", "2026-11-20"), ("correctionNote", "x"))).StatusCode);
        var future = await PostAsync(head, $"/Control/Deficiencies/{deficiency.Id}/Correct", ("version", deficiency.Version.ToString()), ("correctedOn", "2099-01-01"), ("correctionNote", "工程表を改めた"));
        Assert.Contains("是正した日に先の日付は入れられません。", await future.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, $"/Control/Deficiencies/{deficiency.Id}/Correct", ("version", deficiency.Version.ToString()), ("correctedOn", "2026-11-20"), ("correctionNote", "工程表を改めた"))).StatusCode);

        var after = await CountsAsync(promotion, 2026);
        Assert.Equal(before["risks"] + 1, after["risks"]);
        Assert.Equal(before["evaluated"] + 1, after["evaluated"]);
        Assert.Equal(before["operation"] + 1, after["operation"]);
        Assert.Equal(before["corrected"] + 1, after["corrected"]);
        Assert.Equal(before["effective"], after["effective"]);

        // Rated effective again while the deficiency awaits the 評価部局's confirmation: refused beside the field, nothing changes.
        version = app.WithDb(db => db.ControlRisks.Single(r => r.Id == id).Version.ToString());
        var again = await PostAsync(evaluator, $"/Control/Risks/{id}/Evaluate", ("Version", version), ("DesignRating", "Effective"), ("DesignEvidence", "委託仕様書を確認"),
            ("OperationRating", "Effective"), ("OperationEvidence", "是正後の3件を確認"));
        Assert.Contains("是正の確認が済んでいない不備（運用上の不備）があります。", await again.Content.ReadAsStringAsync());
        Assert.Equal(ControlRating.Deficient, app.WithDb(db => db.ControlRisks.Single(r => r.Id == id).OperationRating));
        Assert.Equal(app.WithDb(db => db.ControlRisks.Count(r => r.FiscalYear == 2026)), after["risks"]);

        var excel = await promotion.GetAsync("/Control/Report/Excel?year=2026");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_cycle_is_recorded_in_order_each_step_by_its_body()
    {
        var promotion = await app.SignedInAsync(Promotion);
        var auditor = await app.SignedInAsync("kansa@komaki.example");
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        // A year of its own, so the other tests' 令和8年度 stays open.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(planning, "/Control/Year/2027/Schedule", ("entryDue", "2026-07-31"), ("evaluationDue", "2027-02-26"))).StatusCode);
        await PostAsync(promotion, "/Control/Year/2027/Schedule", ("entryDue", "2026-07-31"), ("evaluationDue", "2027-02-26"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(auditor, "/Control/Report/2027/Consolidate", ("on", "2026-11-01"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(planning, "/Control/Report/2027/AuditReview", ("on", "2026-11-01"), ("opinion", "x"))).StatusCode);
        await PostAsync(promotion, "/Control/Report/2027/Report", ("on", "2026-11-01"));
        Assert.Null(app.WithDb(db => db.ControlYears.Single(y => y.FiscalYear == 2027).ReportedOn));
        await PostAsync(promotion, "/Control/Report/2027/Request", ("on", "2026-11-01"));
        // A year without a single risk is not consolidated without a word: the form lists what is missing and the step
        // is refused until a reason is given, which stays on record.
        Assert.Contains("この年度のリスクが1件も登録されていません。", await promotion.GetStringAsync("/Control?year=2027"));
        await PostAsync(promotion, "/Control/Report/2027/Consolidate", ("on", "2026-11-01"));
        Assert.Null(app.WithDb(db => db.ControlYears.Single(y => y.FiscalYear == 2027).ConsolidatedOn));
        const string Why = "新しい年度の試行のため、登録のないまま進める。";
        await PostAsync(promotion, "/Control/Report/2027/Consolidate", ("on", "2026-11-01"), ("reason", Why));
        Assert.Contains(Why, app.WithDb(db => db.ControlYears.Single(y => y.FiscalYear == 2027).StepNotes));
        await PostAsync(promotion, "/Control/Report/2027/Report", ("on", "2026-11-02"), ("reason", Why));
        await PostAsync(auditor, "/Control/Report/2027/AuditReview", ("on", "2026-11-10"));
        Assert.Null(app.WithDb(db => db.ControlYears.Single(y => y.FiscalYear == 2027).AuditReviewedOn));
        await PostAsync(auditor, "/Control/Report/2027/AuditReview", ("on", "2026-11-10"), ("opinion", "適正と認める。"));
        await PostAsync(planning, "/Control/Report/2027/Council", ("on", "2026-11-20"), ("reason", Why));
        await PostAsync(planning, "/Control/Report/2027/Publish", ("on", "2026-11-25"), ("reason", Why));
        var cycle = app.WithDb(db => db.ControlYears.Single(y => y.FiscalYear == 2027));
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 25)),
            (cycle.ConsolidatedOn!.Value, cycle.ReportedOn!.Value, cycle.AuditReviewedOn!.Value, cycle.PublishedOn!.Value));
        Assert.Contains("適正と認める。", await auditor.GetStringAsync("/Control/Report?year=2027"));
        // Once the report is written, the evaluation of the year is closed.
        var submitted = app.WithDb(db =>
        {
            var risk = db.ControlRisks.AsNoTracking().First(r => r.FiscalYear == 2026);
            var copy = new ControlRisk
            {
                FiscalYear = 2027, Code = "R27-TEST-01", OrgUnitId = risk.OrgUnitId, Process = risk.Process, Description = risk.Description, Cause = risk.Cause, ExistingControl = "",
                Likelihood = 1, Impact = 1, Measures = "", Owner = risk.Owner, State = RiskState.Submitted,
            };
            db.ControlRisks.Add(copy);
            db.SaveChanges();
            return copy;
        });
        var evaluator = await app.SignedInAsync(Evaluation);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(evaluator, $"/Control/Risks/{submitted.Id}/Evaluate", ("Version", submitted.Version.ToString()), ("DesignRating", "Effective"),
            ("DesignEvidence", "x"), ("OperationRating", "Effective"), ("OperationEvidence", "x"))).StatusCode);
    }

    [Fact]
    public async Task Each_role_reads_and_writes_only_what_it_may()
    {
        var roadRisk = app.WithDb(db => db.ControlRisks.First(r => r.OrgUnitId == db.OrgUnits.Single(u => u.Name == "道路課").Id && r.FiscalYear == 2026));
        foreach (var outsider in new[] { "kankyo-kacho@komaki.example", "kikaku@komaki.example", "jinji@komaki.example", "admin@komaki.example" })
        {
            var client = await app.SignedInAsync(outsider);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Control/Risks/{roadRisk.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Control/Risks/{roadRisk.Id}/Edit")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/History/ControlRisk/{roadRisk.Id}")).StatusCode);
            Assert.DoesNotContain(roadRisk.Code, await client.GetStringAsync("/Control?unitId=0"));
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, $"/Control/Risks/{roadRisk.Id}/Submit", ("version", roadRisk.Version.ToString()))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, $"/Control/Risks/{roadRisk.Id}/Edit", ("Version", roadRisk.Version.ToString()), ("Process", "書き換え"))).StatusCode);
        }
        foreach (var all in new[] { Promotion, Evaluation, "shicho@komaki.example" })
            Assert.Contains(roadRisk.Code, await (await app.SignedInAsync(all)).GetStringAsync("/Control?unitId=0"));
        var head = await app.SignedInAsync(RoadHead);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Control/Report?year=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(head, $"/Control/Risks/{roadRisk.Id}/Evaluate", ("Version", "0"), ("DesignRating", "Effective"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(head, "/Control/Policy", ("title", "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(head, $"/Control/Errors/{app.WithDb(db => db.ProcessingErrors.First().Id)}/Publish", ("year", "2026"))).StatusCode);
        var auditor = await app.SignedInAsync("kansa@komaki.example");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Control/Report?year=2025")).StatusCode);
        foreach (var url in new[] { "/Control", $"/Control/Risks/{roadRisk.Id}", "/Staffing", "/Personnel" })
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync(url)).StatusCode);
        var reviewer = await app.SignedInAsync("hyoka@komaki.example");
        foreach (var url in new[] { "/Control", "/Control/Report", "/Staffing", "/Staffing/Reconcile" })
            Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync(url)).StatusCode);

        // Staffing: another division's head, a unit's staff, and a forged assessment by a head.
        var env = Unit("環境対策課");
        var road = Unit("道路課");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/Staffing/2026/{env}/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(RoadStaff)).GetAsync($"/Staffing/2026/{road}/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Staffing/Year/2026")).StatusCode);
        var line = app.WithDb(db => db.StaffingLines.First(l => l.FiscalYear == 2026 && l.OrgUnitId == road && l.Employment == Core.Personnel.EmploymentType.Regular));
        await PostAsync(head, $"/Staffing/2026/{road}/Edit", ("Lines[0].Id", line.Id.ToString()), ("Lines[0].Version", line.Version.ToString()), ("Lines[0].Allocated", "99"),
            ("Lines[0].Requested", line.Requested!.Value.ToString()), ("Lines[0].RequestReason", line.RequestReason!), ("Lines[0].Assessed", "99"), ("Lines[0].AssessmentReason", "自分で査定"));
        var after = app.WithDb(db => db.StaffingLines.Single(l => l.Id == line.Id));
        Assert.Equal((line.Allocated, (decimal?)null, StaffingState.Requested), (after.Allocated, after.Assessed, after.State));
    }

    [Fact]
    public async Task A_staffing_request_is_assessed_and_the_evaluations_person_years_are_reconciled_with_the_staff()
    {
        var parks = Unit("公園緑地課");
        var chief = await app.SignedInAsync("toshi-bucho@komaki.example");
        var lines = app.WithDb(db => db.StaffingLines.Where(l => l.FiscalYear == 2026 && l.OrgUnitId == parks).OrderBy(l => l.JobType).ThenBy(l => l.Employment).ToList());
        Assert.All(lines, l => Assert.Equal(StaffingState.Draft, l.State));
        (string, string)[] Row(int n, StaffingLine l, string requested, string reason) =>
            [($"Lines[{n}].Id", l.Id.ToString()), ($"Lines[{n}].Version", l.Version.ToString()), ($"Lines[{n}].Requested", requested), ($"Lines[{n}].RequestReason", reason)];
        var noReason = await PostAsync(chief, $"/Staffing/2026/{parks}/Edit", [.. Row(0, lines[0], (lines[0].Allocated + 1).ToString(), ""), .. Row(1, lines[1], "", "")]);
        Assert.Contains("配分定数から増やす・減らす要求には理由を書いてください。", await noReason.Content.ReadAsStringAsync());
        Assert.All(app.WithDb(db => db.StaffingLines.Where(l => l.OrgUnitId == parks && l.FiscalYear == 2026).ToList()), l => Assert.Equal(StaffingState.Draft, l.State));
        var ok = await PostAsync(chief, $"/Staffing/2026/{parks}/Edit", [.. Row(0, lines[0], (lines[0].Allocated + 1).ToString(), "公園の再整備で工事監督が増えるため。"), .. Row(1, lines[1], "", "")]);
        Assert.True(ok.StatusCode == HttpStatusCode.Redirect, string.Join("\n", Regex.Matches(await ok.Content.ReadAsStringAsync(), "text-danger[^>]*>([^<]+)<").Select(m => m.Groups[1].Value)));
        var requested = app.WithDb(db => db.StaffingLines.Where(l => l.OrgUnitId == parks && l.FiscalYear == 2026).OrderBy(l => l.JobType).ThenBy(l => l.Employment).ToList());
        Assert.Equal((lines[0].Allocated + 1, lines[1].Allocated), (requested[0].Requested, requested[1].Requested));
        Assert.Contains("定員の要求の査定", await (await app.SignedInAsync("jinji@komaki.example")).GetStringAsync("/Goals/Waiting"));

        var personnel = await app.SignedInAsync("jinji@komaki.example");
        (string, string)[] Assess(int n, StaffingLine l, string assessed, string reason) =>
            [($"Lines[{n}].Id", l.Id.ToString()), ($"Lines[{n}].Version", l.Version.ToString()), ($"Lines[{n}].Allocated", l.Allocated.ToString()), ($"Lines[{n}].ActualApril1", l.ActualApril1?.ToString() ?? ""),
             ($"Lines[{n}].Assessed", assessed), ($"Lines[{n}].AssessmentReason", reason)];
        var unexplained = await PostAsync(personnel, $"/Staffing/2026/{parks}/Edit", [.. Assess(0, requested[0], requested[0].Allocated.ToString(), ""), .. Assess(1, requested[1], requested[1].Requested!.Value.ToString(), "")]);
        Assert.Contains("要求と違う査定数にするときは、査定の理由を書いてください。", await unexplained.Content.ReadAsStringAsync());
        var assessed = await PostAsync(personnel, $"/Staffing/2026/{parks}/Edit", [.. Assess(0, requested[0], requested[0].Allocated.ToString(), "窓口の補助は現員で対応する。"), .. Assess(1, requested[1], requested[1].Requested!.Value.ToString(), "")]);
        Assert.True(assessed.StatusCode == HttpStatusCode.Redirect, string.Join("\n", Regex.Matches(await assessed.Content.ReadAsStringAsync(), "text-danger[^>]*>([^<]+)<").Select(m => m.Groups[1].Value)));
        Assert.All(app.WithDb(db => db.StaffingLines.Where(l => l.OrgUnitId == parks && l.FiscalYear == 2026).ToList()), l => Assert.Equal(StaffingState.Assessed, l.State));

        var road = Unit("道路課");
        var html = await personnel.GetStringAsync("/Staffing/Reconcile?year=2025");
        // The 課's evaluations include those of its 係.
        var units = app.WithDb(db => db.OrgUnits.Where(u => u.Id == road || u.ParentId == road).Select(u => u.Id).ToList());
        var (personYears, staff) = app.WithDb(db => (
            db.ProjectEvaluations.Where(e => e.FiscalYear == 2025 && units.Contains(e.OwnerUnitId)).Sum(e => e.StaffPersonYears),
            db.StaffingLines.Where(l => l.FiscalYear == 2025 && l.OrgUnitId == road).Sum(l => l.ActualApril1 ?? l.Allocated)));
        var row = Regex.Match(html, $"<tr class=\"[^\"]*\" data-unit=\"{road}\" data-flagged=\"(\\w+)\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success);
        Assert.Equal(Math.Abs(staff - personYears) > 0.5m ? "true" : "false", row.Groups[1].Value);
        Assert.Equal("true", row.Groups[1].Value);
        Assert.Contains((staff - personYears).ToString("+0.##;-0.##;0"), WebUtility.HtmlDecode(row.Groups[2].Value));
        // 道路課 broke its 人工 down: the 会計年度任用 part is compared with its 会計年度任用 staff.
        Assert.Contains("会計年度任用 0.5／1", WebUtility.HtmlDecode(row.Groups[2].Value));
    }

    [Fact]
    public async Task A_processing_error_is_recorded_by_its_division_and_reaches_citizens_only_once_planning_publishes_it()
    {
        var staff = await app.SignedInAsync(RoadStaff);
        var page = await staff.GetStringAsync("/Control/Errors?year=2026");
        Assert.Contains("id=\"error-form\"", page);
        var road = Unit("道路課");
        var otherRisk = app.WithDb(db => db.ControlRisks.First(r => r.FiscalYear == 2026 && r.OrgUnitId != road).Id);
        (string, string)[] fields = [("OrgUnitId", road.ToString()), ("OccurredOn", "2026-11-05"), ("Title", "工事検査日の通知漏れ"), ("WhatHappened", "検査日を業者に通知しなかった。"),
            ("Cause", "通知の担当を決めていなかった。"), ("Impact", "検査が1日遅れた。"), ("Correction", "翌日に検査を行った。"), ("Prevention", "通知を工程表に記載する。"), ("ControlRiskId", otherRisk.ToString())];
        Assert.Contains("関係するリスクは、その課の登録簿から選んでください。", await (await PostAsync(staff, "/Control/Errors?year=2026", fields)).Content.ReadAsStringAsync());
        fields[^1] = ("ControlRiskId", "");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, "/Control/Errors?year=2026", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(await app.SignedInAsync("kankyo-kacho@komaki.example"), "/Control/Errors?year=2026", fields)).StatusCode);
        var id = app.WithDb(db => db.ProcessingErrors.Single(e => e.Title == "工事検査日の通知漏れ").Id);

        var visitor = app.NewClient();
        var before = await visitor.GetStringAsync("/public/control");
        Assert.Contains("滞納整理通知の誤送付", before);
        Assert.DoesNotContain("工事検査日の通知漏れ", before);
        Assert.DoesNotContain("道路占用許可書の記載誤り", before);
        Assert.Contains("令和7年度 内部統制評価報告書", before);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, $"/Control/Errors/{id}/Publish", ("year", "2026"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(await app.SignedInAsync("kikaku@komaki.example"), $"/Control/Errors/{id}/Publish", ("year", "2026"))).StatusCode);
        Assert.Contains("工事検査日の通知漏れ", await visitor.GetStringAsync("/public/control"));
    }

    [Fact]
    public async Task A_new_edition_of_the_policy_keeps_what_was_typed_when_refused_and_names_the_same_bodies()
    {
        var promotion = await app.SignedInAsync(Promotion);
        var current = app.WithDb(db => db.ControlPolicies.OrderByDescending(p => p.Edition).First());
        (string, string)[] fields = [("Title", ""), ("Text", new string('あ', 9000)), ("AdoptedOn", "2026-11-30"), ("ChiefName", "小牧 誠"), ("ResponsibleName", "副市長"),
            ("PromotionUnitId", current.PromotionUnitId.ToString()), ("EvaluationUnitId", "999999")];
        var refused = WebUtility.HtmlDecode(await (await PostAsync(promotion, "/Control/Policy", fields)).Content.ReadAsStringAsync());
        Assert.Contains("方針の名称を入力してください。", refused);
        Assert.Contains("本文は8000文字以内で入力してください。", refused);
        Assert.Contains("評価部局を選んでください。", refused);
        Assert.Contains("value=\"2026-11-30\"", refused);
        Assert.Equal(current.Edition, app.WithDb(db => db.ControlPolicies.Max(p => p.Edition)));
        fields[0] = ("Title", "小牧市内部統制基本方針（改定）");
        fields[1] = ("Text", "財務に関する事務に加え、情報管理の事務も対象とする。");
        fields[^1] = ("EvaluationUnitId", current.EvaluationUnitId.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(promotion, "/Control/Policy", fields)).StatusCode);
        Assert.Equal(("小牧市内部統制基本方針（改定）", current.Edition + 1), app.WithDb(db => db.ControlPolicies.OrderByDescending(p => p.Edition).Select(p => new { p.Title, p.Edition }).AsEnumerable().Select(p => (p.Title, p.Edition)).First()));
    }

    /// The closing step that makes next year's allocation lists, on its confirmation page, each 課 of the year's
    /// organisation with no staffing line, each whose request was never submitted and each whose lines are not all
    /// assessed; it makes nothing without a reason, and with one it records the reason with what was missing, the
    /// unassessed line going on with its 配分定数.
    [Fact]
    public async Task Next_years_allocation_lists_what_is_missing_and_goes_on_only_with_a_recorded_reason()
    {
        const int year = 2027;
        var (roadName, parksName, welfareName) = app.WithDb(db =>
        {
            var r = db.OrgUnits.Single(u => u.Name == "道路課");
            var p = db.OrgUnits.Single(u => u.Name == "公園緑地課");
            db.StaffingLines.Where(l => l.FiscalYear >= year).ExecuteDelete();
            db.StaffingYears.Where(y => y.FiscalYear >= year).ExecuteDelete();
            db.StaffingYears.Add(new StaffingYear { FiscalYear = year, OrdinanceQuota = 800, RequestDue = new DateOnly(year, 11, 30), AssessmentDue = new DateOnly(year + 1, 1, 31) });
            db.StaffingLines.AddRange(
                new StaffingLine { FiscalYear = year, OrgUnitId = r.Id, JobType = JobType.Administrative, Employment = Core.Personnel.EmploymentType.Regular, Allocated = 10 },
                new StaffingLine { FiscalYear = year, OrgUnitId = p.Id, JobType = JobType.Administrative, Employment = Core.Personnel.EmploymentType.Regular, Allocated = 8, Requested = 9, RequestReason = "再整備", Assessed = 9, AssessmentReason = "認める", State = StaffingState.Assessed },
                new StaffingLine { FiscalYear = year, OrgUnitId = db.OrgUnits.Single(u => u.Name == "都市政策課").Id, JobType = JobType.Technical, Employment = Core.Personnel.EmploymentType.Regular, Allocated = 6, Requested = 7, RequestReason = "立地適正化計画の改定", State = StaffingState.Requested });
            db.SaveChanges();
            return (r.Name, p.Name, db.OrgUnits.Single(u => u.Name == "福祉総務課").Name);
        });
        var personnel = await app.SignedInAsync("jinji@komaki.example");
        var page = await personnel.GetStringAsync($"/Staffing/Year/{year}/Allocate");
        Assert.Contains($"{roadName}: 定員の要求が出されていません（1 行とも、いまの配分定数のまま次年度に写します）。", page);
        Assert.Contains($"{welfareName}: 定員の行がありません", page);
        Assert.Contains("都市政策課: 査定していない行が 1 行あります（いまの配分定数のまま次年度に写します）。", page);
        Assert.DoesNotContain($"{parksName}: ", page);
        Assert.Contains("name=\"Comment\"", page);

        var refused = await personnel.PostAsync($"/Staffing/Year/{year}/Allocate", KomakiFactory.Form(KomakiFactory.TokenIn(page)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("理由を書いてください", await refused.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.StaffingLines.Any(l => l.FiscalYear == year + 1)));

        var made = await personnel.PostAsync($"/Staffing/Year/{year}/Allocate", KomakiFactory.Form(KomakiFactory.TokenIn(page), ("Comment", "道路課の要求は1月の組織改正後に出し直すため、いまの配分で作る。")));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var next = app.WithDb(db => db.StaffingLines.Where(l => l.FiscalYear == year + 1).Select(l => new { l.OrgUnitId, l.Allocated }).ToList());
        Assert.Equal(3, next.Count);
        Assert.Contains(next, l => l.Allocated == 10);
        Assert.Contains(next, l => l.Allocated == 6);
        Assert.Contains(next, l => l.Allocated == 9);
        var note = app.WithDb(db => db.StaffingYears.Single(y => y.FiscalYear == year).AllocationNote);
        Assert.Contains("道路課の要求は1月の組織改正後に出し直す", note);
        Assert.Contains($"{roadName}: 定員の要求が出されていません", note);
        Assert.Contains("道路課の要求は1月の組織改正後に出し直す", await personnel.GetStringAsync($"/Staffing?year={year}"));
    }
}
