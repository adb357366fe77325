using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Microsoft.EntityFrameworkCore;

using Komaki.Management.IntegrationTests.Support;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// 予算編成 over HTTP as each role does it: the 財政課 sets the year's policy and frames; a 課 enters a request with the
/// evaluation beside it and its head submits it; the stages are committed through their confirmation pages, refused
/// without a reason for what goes against the evaluation; 内示, a 復活要求 answered, 予算案; the amounts reach the budget
/// table; nothing committed is overwritten; and the 評価の効き目 report reconciles to the budget table to the yen.
public sealed class BudgetFormulationWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const int Year = 2028;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    private static (string, string)[] Amounts(long expenditureThousands, long nationalThousands = 0, string reason = "") =>
    [
        ("Expenditure", expenditureThousands.ToString()), ("National", nationalThousands.ToString()), ("Prefectural", "0"), ("Bonds", "0"), ("OtherSpecific", "0"),
        ("General", (expenditureThousands - nationalThousands).ToString()), ("Reason", reason),
    ];

    private async Task SetPolicyAsync()
    {
        if (app.WithDb(db => db.BudgetRounds.Any(r => r.FiscalYear == Year))) return;
        var finance = await app.SignedInAsync("zaisei@komaki.example");
        var page = await finance.GetStringAsync($"/BudgetFormulation/{Year}/Policy");
        var departments = Regex.Matches(page, "name=\"Frames\\[(\\d+)\\]\\.DepartmentId\" value=\"(\\d+)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        var fields = new List<(string, string)> { ("Version", "0"), ("Policy", "枠の内で要求すること。") };
        var stages = Enum.GetValues<BudgetStage>();
        for (var i = 0; i < stages.Length; i++)
            fields.AddRange([($"Stages[{i}].Stage", stages[i].ToString()), ($"Stages[{i}].InUse", "true"), ($"Stages[{i}].DueOn", new DateOnly(Year - 1, 11, 1).AddDays(i * 10).ToString("yyyy-MM-dd"))]);
        foreach (var (i, id) in departments) fields.AddRange([($"Frames[{i}].DepartmentId", id), ($"Frames[{i}].GeneralFund", "1")]);
        var saved = await PostAsync(finance, $"/BudgetFormulation/{Year}/Policy", [.. fields]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private (int Road, int Department, int Project, long Plan) RoadProject() => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課");
        var edition = db.ImplementationPlans.Where(p => p.FiscalYear <= Year).OrderByDescending(p => p.FiscalYear).First().Id;
        var line = db.ImplementationPlanLines.Where(l => l.ImplementationPlanId == edition && l.FiscalYear == Year && l.Project!.OwnerUnitId == road.Id && l.Cost > 0)
            .OrderBy(l => l.ProjectId).First();
        return (road.Id, road.ParentId!.Value, line.ProjectId, line.Cost);
    });

    [Fact]
    public async Task One_department_goes_through_every_stage_with_the_evaluation_beside_and_reasons_required()
    {
        await SetPolicyAsync();
        var (_, department, project, plan) = RoadProject();
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var finance = await app.SignedInAsync("zaisei@komaki.example");
        var mayor = await app.SignedInAsync("shicho@komaki.example");

        // The request form shows the evaluation and the 実施計画's amount beside it; funding that does not add up is refused beside 一般財源.
        var form = await staff.GetStringAsync($"/BudgetFormulation/{Year}/Request/{project}");
        Assert.Contains("id=\"evaluation-beside\"", form);
        Assert.Contains(Core.Common.Amounts.Thousands(plan), form);
        var over = plan / 1000 + 1_000;
        var mismatch = await PostAsync(staff, $"/BudgetFormulation/{Year}/Request/{project}", [("Version", "0"), ("IsNew", "false"), .. Amounts(over, 10).Select(f => f.Item1 == "General" ? ("General", "1") : f).Select(f => f.Item1 == "Reason" ? ("Reason", "老朽化した橋りょうの補修") : f)]);
        var refused = await mismatch.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        Assert.Contains("財源内訳の合計", refused);
        Assert.False(app.WithDb(db => db.BudgetRequests.Any(r => r.FiscalYear == Year && r.ProjectId == project)));

        var saved = await PostAsync(staff, $"/BudgetFormulation/{Year}/Request/{project}", [("Version", "0"), ("IsNew", "false"), .. Amounts(over, 10, "老朽化した橋りょうの補修")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var request = app.WithDb(db => db.BudgetRequests.Single(r => r.FiscalYear == Year && r.ProjectId == project));
        Assert.Equal(over * 1000, request.Expenditure);

        // The one who entered it may not submit it; the head submits, and the request above the 実施計画 needs a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/BudgetFormulation/{Year}/Lines/{request.Id}/Submit")).StatusCode);
        var confirm = await head.GetStringAsync($"/BudgetFormulation/{Year}/Lines/{request.Id}/Submit");
        Assert.Contains("実施計画の額", confirm);
        var noReason = await (await PostAsync(head, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Submit", ("Comment", ""), await ShownFingerprint.OfAsync(head, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Submit"))).Content.ReadAsStringAsync();
        Assert.Contains("提出する理由を書いてください", noReason);
        Assert.Null(app.WithDb(db => db.BudgetRequests.Single(r => r.Id == request.Id).SubmittedAt));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Submit", ("Comment", "資材価格の上昇のため"), await ShownFingerprint.OfAsync(head, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Submit"))).StatusCode);
        Assert.Equal(over * 1000, app.WithDb(db => db.BudgetLines.Single(b => b.FiscalYear == Year && b.ProjectId == project).Requested));
        // Once submitted the request is no longer the 課's to change.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/BudgetFormulation/{Year}/Request/{project}")).StatusCode);

        // 財政課査定: a draft with a cut needs its reason; committing is refused without the reason for the finding.
        var cut = (over - 500).ToString();
        var noCutReason = await (await PostAsync(finance, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Assess/FinanceAssessment", [.. Amounts(over - 500, 10), await ShownFingerprint.OfAsync(finance, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Assess/FinanceAssessment")])).Content.ReadAsStringAsync();
        Assert.Contains("査定の理由を書いてください", noCutReason);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(finance, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Assess/FinanceAssessment", [.. Amounts(over - 500, 10, "単価を見直して減額"), await ShownFingerprint.OfAsync(finance, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Assess/FinanceAssessment")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/BudgetFormulation/{Year}/Steps/FinanceAssessment/{department}")).StatusCode);
        var commitPage = await finance.GetStringAsync($"/BudgetFormulation/{Year}/Steps/FinanceAssessment/{department}");
        Assert.Contains(request.Id, CommitReasons.Asked(commitPage));
        var refusedCommit = await PostAsync(finance, $"/BudgetFormulation/{Year}/Steps/FinanceAssessment/{department}", await ShownFingerprint.OfAsync(finance, $"/BudgetFormulation/{Year}/Steps/FinanceAssessment/{department}"));
        Assert.Equal(HttpStatusCode.OK, refusedCommit.StatusCode);
        Assert.Contains("理由を書いてください", await refusedCommit.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.BudgetStageCommits.Any(c => c.FiscalYear == Year && c.Stage == BudgetStage.FinanceAssessment)));
        await CommitAsync(finance, BudgetStage.FinanceAssessment, department, request.Id);
        Assert.Equal((over - 500) * 1000, app.WithDb(db => db.BudgetLines.Single(b => b.FiscalYear == Year && b.ProjectId == project).Assessed));

        // A request that comes after the 部's 財政課査定 is committed (追加要求) is refused with the reason, never slipped
        // into a stage it missed: the form, the save and — for one entered before — the submission all say so.
        var lateProject = app.WithDb(db => db.Projects.Where(p => p.OwnerUnitId == request.OrgUnitId && p.Id != project && p.RetiredAt == null).OrderBy(p => p.Id).Select(p => p.Id).First());
        var lateForm = await staff.GetAsync($"/BudgetFormulation/{Year}/Request/{lateProject}");
        Assert.Equal(HttpStatusCode.Forbidden, lateForm.StatusCode);
        Assert.Contains("財政課査定は確定済のため", await lateForm.Content.ReadAsStringAsync());
        var lateSave = await PostAsync(staff, $"/BudgetFormulation/{Year}/Request/{lateProject}", [("Version", "0"), ("IsNew", "true"), .. Amounts(100, 0, "後から分かった修繕")]);
        Assert.Contains("財政課に追加要求として相談してください", await lateSave.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.BudgetRequests.Any(r => r.FiscalYear == Year && r.ProjectId == lateProject)));
        var lateEntered = app.WithDb(db =>
        {
            var r = new BudgetRequest { FiscalYear = Year, ProjectId = lateProject, OrgUnitId = request.OrgUnitId, Expenditure = 100_000, Funding = Funding.None with { General = 100_000 }, Reason = "締切前に入力した修繕", EnteredBy = "doro-tanto@komaki.example" };
            db.BudgetRequests.Add(r);
            db.SaveChanges();
            return r.Id;
        });
        var lateSubmit = await PostAsync(head, $"/BudgetFormulation/{Year}/Lines/{lateEntered}/Submit", ("Comment", ""));
        Assert.Contains("確定済のため", await lateSubmit.Content.ReadAsStringAsync());
        Assert.Null(app.WithDb(db => db.BudgetRequests.Single(r => r.Id == lateEntered).SubmittedAt));
        // The 部 cannot go on while it holds a line outside the stages: the 財政課 sees it on the next confirmation page.
        Assert.Contains("提出されていない要求が 1件", await mayor.GetStringAsync($"/BudgetFormulation/{Year}/Steps/MayorAssessment/{department}"));
        app.WithDb(db => db.BudgetRequests.Where(r => r.Id == lateEntered).ExecuteDelete());

        // Committed is committed: the assessment of the stage cannot be changed any more.
        var late = await PostAsync(finance, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Assess/FinanceAssessment", [.. Amounts(over - 900, 10, "さらに減額")]);
        Assert.Contains("確定した額は変えられません", await late.Content.ReadAsStringAsync());

        // 市長査定 by the mayor, 内示 by the 財政課, a 復活要求 by the head answered by the 財政課, 復活査定 and 予算案.
        await CommitAsync(mayor, BudgetStage.MayorAssessment, department, request.Id);
        await CommitAsync(finance, BudgetStage.Notice, department, request.Id);
        var notice = await head.GetStringAsync($"/BudgetFormulation/{Year}/Lines/{request.Id}");
        Assert.Contains("id=\"restore\"", notice);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Restoration/Create", ("Amount", "300"), ("Reason", "安全対策上、減額分の一部が必要"))).StatusCode);
        await CommitAsync(finance, BudgetStage.Restoration, department, request.Id);
        var restoration = app.WithDb(db => db.BudgetRestorations.Single(r => r.BudgetRequestId == request.Id));
        var missingAnswer = await finance.GetStringAsync($"/BudgetFormulation/{Year}/Steps/RestorationAssessment/{department}");
        Assert.Contains("復活要求に回答していません", missingAnswer);
        // 回答する shows where the line's rule lets the reader answer (the 財政課), and not to the 課 that asked.
        var answer = $"Restorations/{restoration.Id}/Answer";
        Assert.Contains(answer, await finance.GetStringAsync($"/BudgetFormulation/{Year}/Department/{department}"));
        var asked = await head.GetAsync($"/BudgetFormulation/{Year}/Department/{department}");
        Assert.DoesNotContain(answer, await asked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(finance, $"/BudgetFormulation/{Year}/Restorations/{restoration.Id}/Answer/Submit", ("Version", restoration.Version.ToString()), ("Granted", "200"), ("Answer", "安全対策分として200千円を認める"))).StatusCode);
        await CommitAsync(finance, BudgetStage.RestorationAssessment, department, request.Id);
        await CommitAsync(finance, BudgetStage.Proposal, department, request.Id);

        var entries = app.WithDb(db => db.BudgetStageEntries.Where(e => e.BudgetRequestId == request.Id).OrderBy(e => e.Stage).ToList());
        Assert.Equal(Enum.GetValues<BudgetStage>(), entries.Select(e => e.Stage));
        Assert.All(entries, e => Assert.True(e.Committed));
        Assert.Equal(new long[] { over, over - 500, over - 500, over - 500, over - 200, over - 300, over - 300 }, entries.Select(e => e.Expenditure / 1000));
        Assert.All(entries, e => Assert.Equal(e.Expenditure, e.Funding.Sum));
        Assert.Equal((over - 300) * 1000, app.WithDb(db => db.BudgetLines.Single(b => b.FiscalYear == Year && b.ProjectId == project).Assessed));

        // Every door that could touch a committed stage is closed: the request, its submission, each stage's draft and
        // commit, the 復活要求 and its answer, and turning a stage off in the policy. Nothing of the snapshot moves.
        var snapshot = Snapshot(request.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, $"/BudgetFormulation/{Year}/Request/{project}", [("Version", request.Version.ToString()), ("IsNew", "false"), .. Amounts(1, 0, "書き換え")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(head, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Submit", ("Comment", "再提出"))).StatusCode);
        foreach (var stage in new[] { BudgetStage.FinanceAssessment, BudgetStage.MayorAssessment, BudgetStage.RestorationAssessment, BudgetStage.Proposal })
        {
            var client = stage == BudgetStage.MayorAssessment ? mayor : finance;
            var draft = await PostAsync(client, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Assess/{stage}", [.. Amounts(1, 0, "書き換え")]);
            Assert.Contains("確定した額は変えられません", await draft.Content.ReadAsStringAsync());
        }
        foreach (var stage in Enum.GetValues<BudgetStage>().Where(s => s != BudgetStage.Request))
        {
            var again = await PostAsync(stage == BudgetStage.MayorAssessment ? mayor : finance, $"/BudgetFormulation/{Year}/Steps/{stage}/{department}", ("Reasons[0].RequestId", request.Id.ToString()), ("Reasons[0].Text", "もう一度"));
            Assert.Contains("確定済です", await again.Content.ReadAsStringAsync());
        }
        Assert.Contains("受付は締め切られました", await (await PostAsync(head, $"/BudgetFormulation/{Year}/Lines/{request.Id}/Restoration/Create", ("Amount", "999"), ("Reason", "もう一度"))).Content.ReadAsStringAsync());
        var answered = app.WithDb(db => db.BudgetRestorations.Single(r => r.BudgetRequestId == request.Id));
        Assert.Contains("回答は変えられません", await (await PostAsync(finance, $"/BudgetFormulation/{Year}/Restorations/{answered.Id}/Answer/Submit", ("Version", answered.Version.ToString()), ("Granted", "300"), ("Answer", "全額認める"))).Content.ReadAsStringAsync());
        var policy = await finance.GetStringAsync($"/BudgetFormulation/{Year}/Policy");
        var policyFields = Regex.Matches(policy, "<input[^>]*>").Select(m => (Regex.Match(m.Value, "name=\"([^\"]+)\"").Groups[1].Value, WebUtility.HtmlDecode(Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value)))
            .Where(f => f.Item1.Length > 0 && f.Item1 != "__RequestVerificationToken" && !(f.Item1 == "Stages[2].InUse" && f.Item2 == "true")).ToList();
        // The selects and text areas too, as a browser sends them (a form without a field it showed is refused).
        policyFields.AddRange(HtmlForms.Fields(policy).Where(f => policyFields.All(x => x.Item1 != f.Key) && !f.Key.EndsWith(".InUse", StringComparison.Ordinal)).Select(f => (f.Key, f.Value)));
        var turnedOff = await PostAsync(finance, $"/BudgetFormulation/{Year}/Policy", [.. policyFields]);
        Assert.Contains("使うかどうかは変えられません", await turnedOff.Content.ReadAsStringAsync());
        Assert.Equal(snapshot, Snapshot(request.Id));

        // The comparison line by line and in total, and the 査定調書 with the reasons given against the 実施計画.
        var compare = await finance.GetStringAsync($"/BudgetFormulation/{Year}/Compare?from=Request&to=Proposal&departmentId={department}");
        Assert.Contains(Core.Common.Amounts.Thousands(-300_000), compare);
        var chousho = await head.GetStringAsync($"/BudgetFormulation/{Year}/Chousho/{department}");
        Assert.Contains("資材価格の上昇のため", chousho);
        Assert.Contains("単価を見直して減額", chousho);
    }

    /// Everything a committed stage holds for a line and its 部, as text to compare before and after.
    private string Snapshot(int requestId) => app.WithDb(db =>
    {
        var request = db.BudgetRequests.Single(r => r.Id == requestId);
        var entries = db.BudgetStageEntries.Where(e => e.BudgetRequestId == requestId).OrderBy(e => e.Id).AsEnumerable()
            .Select(e => $"{e.Id}|{e.Stage}|{e.Expenditure}|{e.Funding.National}|{e.Funding.General}|{e.Reason}|{e.CheckReason}|{e.RecordedBy}|{e.RecordedAt:O}|{e.Committed}");
        var commits = db.BudgetStageCommits.Where(c => c.FiscalYear == Year).OrderBy(c => c.Id).AsEnumerable().Select(c => $"{c.Id}|{c.Stage}|{c.DepartmentId}|{c.Expenditure}|{c.General}|{c.CommittedAt:O}");
        var restorations = db.BudgetRestorations.Where(r => r.BudgetRequestId == requestId).AsEnumerable().Select(r => $"{r.Amount}|{r.Granted}|{r.Answer}|{r.Version}");
        var stages = db.Set<BudgetRoundStage>().Where(s => db.BudgetRounds.Any(r => r.Id == s.BudgetRoundId && r.FiscalYear == Year)).OrderBy(s => s.Stage).AsEnumerable().Select(s => $"{s.Stage}|{s.InUse}");
        var line = db.BudgetLines.Single(b => b.FiscalYear == Year && b.ProjectId == request.ProjectId);
        return string.Join("\n", [$"{request.Expenditure}|{request.SubmittedAt:O}|{request.Version}", .. entries, .. commits, .. restorations, .. stages, $"{line.Requested}|{line.Assessed}"]);
    });

    private async Task CommitAsync(HttpClient client, BudgetStage stage, int department, int requestId)
    {
        var url = $"/BudgetFormulation/{Year}/Steps/{stage}/{department}";
        var page = await client.GetStringAsync(url);
        var fields = CommitReasons.Of(page, $"{stage.Label()}: 工事の必要性を確認した");
        var response = await PostAsync(client, url, [.. fields, await ShownFingerprint.OfAsync(client, url)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{stage}: {await response.Content.ReadAsStringAsync()}");
        Assert.True(app.WithDb(db => db.BudgetStageCommits.Any(c => c.FiscalYear == Year && c.Stage == stage && c.DepartmentId == department)));
    }

    /// Committing a stage for a 部 is written set-based (issue 31: a 部 of 300 lines within a second); what it stores is
    /// what change tracking stored: every line's entry committed (a draft in place), the budget table's 査定額 with its
    /// version raised, and a history entry for each — Created with the values for a new entry, Updated old → new for a
    /// draft and for each budget line that changed.
    [Fact]
    public async Task Committing_a_stage_for_a_department_stores_every_line_its_budget_amount_and_their_history()
    {
        var department = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "都市建設部").Id);
        var before = app.WithDb(db =>
        {
            var requests = db.BudgetRequests.Where(r => r.FiscalYear == 2027 && db.OrgUnits.Any(u => u.Id == r.OrgUnitId && u.ParentId == department)).Select(r => new { r.Id, r.ProjectId }).ToList();
            var ids = requests.Select(r => r.Id).ToList();
            var drafts = db.BudgetStageEntries.Where(e => ids.Contains(e.BudgetRequestId) && e.Stage == BudgetStage.MayorAssessment).Select(e => e.Id).ToList();
            var projects = requests.Select(r => r.ProjectId).ToList();
            var lines = db.BudgetLines.Where(b => b.FiscalYear == 2027 && projects.Contains(b.ProjectId)).ToDictionary(b => b.ProjectId, b => (b.Id, b.Assessed, b.Version));
            return (Requests: requests.ToDictionary(r => r.Id, r => r.ProjectId), Drafts: drafts, Lines: lines, Audit: db.AuditEntries.Max(a => a.Id));
        });
        Assert.True(before.Requests.Count >= 5);
        Assert.NotEmpty(before.Drafts);

        var mayor = await app.SignedInAsync("shicho@komaki.example");
        var url = $"/BudgetFormulation/2027/Steps/MayorAssessment/{department}";
        var page = await mayor.GetStringAsync(url);
        var reasons = CommitReasons.Of(page, "法令に基づく義務的な経費であり、認めた。");
        var response = await PostAsync(mayor, url, [.. reasons, await ShownFingerprint.OfAsync(mayor, url)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        app.WithDb(db =>
        {
            var ids = before.Requests.Keys.ToList();
            var entries = db.BudgetStageEntries.Where(e => ids.Contains(e.BudgetRequestId) && e.Stage == BudgetStage.MayorAssessment).ToList();
            Assert.Equal(before.Requests.Count, entries.Count);
            Assert.All(entries, e => Assert.True(e.Committed));
            Assert.All(before.Drafts, d => Assert.Contains(entries, e => e.Id == d));
            var history = db.AuditEntries.Where(a => a.Id > before.Audit).ToList();
            foreach (var e in entries)
            {
                var h = Assert.Single(history, a => a.RecordType == nameof(BudgetStageEntry) && a.RecordId == e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(before.Drafts.Contains(e.Id) ? Core.Auditing.AuditAction.Updated : Core.Auditing.AuditAction.Created, h.Action);
                Assert.Contains(h.Changes, c => c.Field == nameof(BudgetStageEntry.Committed) && c.New == "はい");
                if (h.Action == Core.Auditing.AuditAction.Created) Assert.Contains(h.Changes, c => c.Field == nameof(BudgetStageEntry.Expenditure) && c.New == e.Expenditure.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var projectId = before.Requests[e.BudgetRequestId];
                var line = db.BudgetLines.Single(b => b.FiscalYear == 2027 && b.ProjectId == projectId);
                Assert.Equal(e.Expenditure, line.Assessed);
                var (lineId, old, version) = before.Lines[projectId];
                var lineHistory = history.Where(a => a.RecordType == nameof(Core.Budgets.BudgetLine) && a.RecordId == lineId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
                if (old == e.Expenditure)
                {
                    Assert.Empty(lineHistory);
                    Assert.Equal(version, line.Version);
                    continue;
                }
                var change = Assert.Single(Assert.Single(lineHistory).Changes);
                Assert.Equal((nameof(Core.Budgets.BudgetLine.Assessed), old?.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Expenditure.ToString(System.Globalization.CultureInfo.InvariantCulture)), (change.Field, change.Old, change.New));
                Assert.Equal(version + 1, line.Version);
            }
            Assert.Single(history, a => a.RecordType == nameof(BudgetStageCommit));
            return 0;
        });
    }

    [Fact]
    public async Task A_request_breaks_its_expenditure_down_by_setsu_adding_up_to_the_line_and_the_chousho_shows_it()
    {
        // A year of its own: no stage of it is committed, so the 課 may still enter.
        const int year = Year + 1;
        var (_, department, project, _) = RoadProject();
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        var form = await staff.GetStringAsync($"/BudgetFormulation/{year}/Request/{project}");
        Assert.Contains("1 報酬", form);
        Assert.Contains("14 工事請負費", form);
        Assert.Contains("27 繰出金", form);
        Assert.Contains("name=\"Setsu[26].Number\" value=\"27\"", form);
        (string, string)[] Setsu(params (int Number, string Amount)[] rows) => [.. rows.SelectMany((r, i) => new[] { ($"Setsu[{i}].Number", r.Number.ToString()), ($"Setsu[{i}].Amount", r.Amount) })];
        var url = $"/BudgetFormulation/{year}/Request/{project}";

        var uneven = await PostAsync(staff, url, [("Version", "0"), ("IsNew", "false"), .. Amounts(1_000, 0, "舗装の打ち替え"), .. Setsu((14, "800"), (12, "100"))]);
        Assert.Equal(HttpStatusCode.OK, uneven.StatusCode);
        Assert.Contains("節の内訳の合計（900千円）が歳出（1,000千円）と一致しません", await uneven.Content.ReadAsStringAsync());
        var negative = await PostAsync(staff, url, [("Version", "0"), ("IsNew", "false"), .. Amounts(1_000, 0, "舗装の打ち替え"), .. Setsu((14, "-5"))]);
        Assert.Contains("節の金額は0以上の千円単位の数値で入力してください", await negative.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.BudgetRequests.Any(r => r.FiscalYear == year && r.ProjectId == project)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, url, [("Version", "0"), ("IsNew", "false"), .. Amounts(1_000, 0, "舗装の打ち替え"), .. Setsu((14, "900"), (12, "100"), (1, ""))])).StatusCode);
        var request = app.WithDb(db => db.BudgetRequests.Include(r => r.Breakdown).Single(r => r.FiscalYear == year && r.ProjectId == project));
        Assert.Equal(new[] { (12, 100_000L), (14, 900_000L) }, request.Breakdown.OrderBy(b => b.Setsu).Select(b => (b.Setsu, b.Amount)));
        var line = await staff.GetStringAsync($"/BudgetFormulation/{year}/Lines/{request.Id}");
        Assert.Contains("id=\"setsu-breakdown\"", line);
        Assert.Contains("14 工事請負費", line);

        // The form shows the 節 as saved; posting it back unchanged changes nothing, and a 節 cleared is gone.
        var again = await staff.GetStringAsync(url);
        Assert.Matches("name=\"Setsu\\[13\\].Amount\" value=\"900\"", again);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, url, [("Version", request.Version.ToString()), ("IsNew", "false"), .. Amounts(1_000, 0, "舗装の打ち替え"), .. Setsu((12, "100"), (14, "900"))])).StatusCode);
        Assert.Equal(request.Version, app.WithDb(db => db.BudgetRequests.Single(r => r.Id == request.Id).Version));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, url, [("Version", request.Version.ToString()), ("IsNew", "false"), .. Amounts(1_000, 0, "舗装の打ち替え"), .. Setsu((12, "1000"), (14, ""))])).StatusCode);
        Assert.Equal(new[] { (12, 1_000_000L) }, app.WithDb(db => db.Set<BudgetRequestSetsu>().Where(b => b.BudgetRequestId == request.Id).Select(b => new { b.Setsu, b.Amount }).AsEnumerable().Select(b => (b.Setsu, b.Amount)).ToList()));

        // The 査定調書 names the 節 of each line that gives them.
        var chousho = await (await app.SignedInAsync("doro-kacho@komaki.example")).GetStringAsync($"/BudgetFormulation/{year}/Chousho/{department}");
        Assert.Contains("12 委託料 1,000", chousho);
    }

    [Fact]
    public async Task A_division_sees_and_enters_only_its_own_requests_and_only_the_finance_division_assesses()
    {
        var (lineId, unit) = app.WithDb(db => db.BudgetRequests.Where(r => r.FiscalYear == 2027 && db.OrgUnits.Any(u => u.Id == r.OrgUnitId && u.Name == "道路課")).Select(r => new { r.Id, r.OrgUnitId }).AsEnumerable().Select(r => (r.Id, r.OrgUnitId)).First());
        var other = await app.SignedInAsync("kankyo-kacho@komaki.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/BudgetFormulation/2027/Lines/{lineId}")).StatusCode);
        var road = await app.SignedInAsync("doro-tanto@komaki.example");
        Assert.Equal(HttpStatusCode.OK, (await road.GetAsync($"/BudgetFormulation/2027/Lines/{lineId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await road.GetAsync($"/BudgetFormulation/2027/Lines/{lineId}/Assess/MayorAssessment")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await road.GetAsync("/BudgetFormulation/2027/Policy")).StatusCode);
        var department = app.WithDb(db => db.OrgUnits.Single(u => u.Id == unit).ParentId!.Value);
        Assert.Equal(HttpStatusCode.Forbidden, (await road.GetAsync($"/BudgetFormulation/2027/Steps/MayorAssessment/{department}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/BudgetFormulation/2027/Department/{department}")).StatusCode);
    }

    [Fact]
    public async Task The_demo_city_is_in_the_middle_of_the_mayors_assessment_with_two_departments_over_their_frame()
    {
        var finance = await app.SignedInAsync("zaisei@komaki.example");
        var index = await finance.GetStringAsync("/BudgetFormulation?year=2027");
        Assert.Equal(2, Regex.Count(index, "data-over=\"true\""));
        Assert.Contains("市長査定", index);
        var (divisions, withRequests, flagged) = app.WithDb(db => (
            db.OrgUnits.Count(u => u.Level == Core.Organization.OrgUnitLevel.Division && db.Projects.Any(p => p.OwnerUnitId == u.Id && p.RetiredAt == null && p.StartYear <= 2027 && (p.EndYear == null || p.EndYear >= 2027))),
            db.BudgetRequests.Where(r => r.FiscalYear == 2027).Select(r => r.OrgUnitId).Distinct().Count(),
            db.BudgetStageEntries.Count(e => e.CheckReason != null)));
        Assert.Equal(divisions, withRequests);
        // A submitted request is its committed 要求 stage, in the demo as when a head submits it: the 査定調書 says so.
        Assert.True(app.WithDb(db => db.BudgetRequests.Where(r => r.SubmittedAt != null).All(r => r.Entries.Any(e => e.Stage == BudgetStage.Request && e.Committed))));
        Assert.True(flagged >= 2, $"{flagged} lines with a reason against the evaluation");
        // 対応待ち: the 財政課 and the mayor see the stages they must commit, with the due date.
        var waiting = await (await app.SignedInAsync("shicho@komaki.example")).GetStringAsync("/Goals/Waiting");
        Assert.Contains("市長査定の確定", waiting);
        // The request page, for the 課, with the evaluation beside it.
        var roadLine = app.WithDb(db => db.BudgetRequests.Where(r => r.FiscalYear == 2027 && db.OrgUnits.Any(u => u.Id == r.OrgUnitId && u.Name == "道路課")).Select(r => r.Id).First());
        var line = await (await app.SignedInAsync("doro-kacho@komaki.example")).GetStringAsync($"/BudgetFormulation/2027/Lines/{roadLine}");
        Assert.Contains("id=\"evaluation-beside\"", line);
        Assert.Contains("財政課査定", line);
        var chousho = await finance.GetStringAsync($"/BudgetFormulation/2027/Chousho/{app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").ParentId)}");
        Assert.DoesNotContain("未提出", chousho);
    }

    /// Issue 31's demo, item by item, as the pages show it: requests from every 課, 財政課査定 done, 市長査定 under way,
    /// two 部 over their 枠, a few requests against their evaluation with reasons, and 令和7年度's verdicts traced into
    /// 令和8年度's budget — on the 財政課's screen and as published to citizens.
    [Fact]
    public async Task The_demo_city_shows_each_part_of_the_budget_round_the_issue_describes()
    {
        var finance = await app.SignedInAsync("zaisei@komaki.example");
        var index = await finance.GetStringAsync("/BudgetFormulation?year=2027");
        var standings = Regex.Matches(index, "<tr[^>]*data-department=\"(\\d+)\" data-over=\"(\\w+)\" data-reached=\"(\\w+)\">")
            .Select(m => (Department: int.Parse(m.Groups[1].Value), Over: m.Groups[2].Value == "true", Reached: Enum.Parse<BudgetStage>(m.Groups[3].Value))).ToList();
        var (divisions, requesting, departments) = app.WithDb(db => (
            db.OrgUnits.Where(u => u.Level == Core.Organization.OrgUnitLevel.Division
                && db.Projects.Any(p => p.OwnerUnitId == u.Id && p.RetiredAt == null && p.StartYear <= 2027 && (p.EndYear == null || p.EndYear >= 2027))).Select(u => u.Id).ToList(),
            db.BudgetRequests.Where(r => r.FiscalYear == 2027 && r.SubmittedAt != null).Select(r => r.OrgUnitId).Distinct().ToList(),
            db.OrgUnits.Where(u => u.Level == Core.Organization.OrgUnitLevel.Department && db.OrgUnits.Any(c => c.ParentId == u.Id && db.Projects.Any(p => p.OwnerUnitId == c.Id))).Count()));

        // Requests from every 課 (submitted), so every 部 with projects stands in the table.
        Assert.Empty(divisions.Except(requesting));
        Assert.Equal(departments, standings.Count);
        // 財政課査定 done for every 部; 市長査定 under way: committed for some 部, the mayor's amounts entered on lines of
        // others not yet committed.
        Assert.All(standings, s => Assert.True(s.Reached >= BudgetStage.FinanceAssessment, $"部 {s.Department}: {s.Reached}"));
        Assert.Contains(standings, s => s.Reached >= BudgetStage.MayorAssessment);
        Assert.Contains(standings, s => s.Reached == BudgetStage.FinanceAssessment);
        // The 部 heard first is ahead: its 内示 is out, a 復活要求 came in and the 財政課 has answered it.
        var ahead = Assert.Single(standings, s => s.Reached == BudgetStage.Restoration);
        var aheadPage = await finance.GetStringAsync($"/BudgetFormulation/2027/Department/{ahead.Department}");
        Assert.Contains("復活査定を確定する", aheadPage);
        Assert.Contains("回答済", Regex.Match(aheadPage, "<ul id=\"restorations\">.*?</ul>", RegexOptions.Singleline).Value);
        var underWay = 0;
        foreach (var s in standings.Where(s => s.Reached == BudgetStage.FinanceAssessment))
        {
            var department = await finance.GetStringAsync($"/BudgetFormulation/2027/Department/{s.Department}");
            Assert.Contains("市長査定を確定する", department);
            underWay += Regex.Count(department, "title=\"確定前の入力\"");
        }
        Assert.True(underWay >= 1, "no 市長査定 entered but not yet committed");
        Assert.Contains("市長査定の確定", await (await app.SignedInAsync("shicho@komaki.example")).GetStringAsync("/Goals/Waiting"));
        // Two 部 over their 枠.
        Assert.Equal(2, standings.Count(s => s.Over));
        Assert.Equal(2, Regex.Count(index, "千円超過"));
        // A few requests and assessments against the evaluation, each with its reason on the 部's 査定調書.
        var againstEvaluation = 0;
        foreach (var s in standings)
        {
            var chousho = await finance.GetStringAsync($"/BudgetFormulation/2027/Chousho/{s.Department}");
            againstEvaluation += Regex.Matches(chousho, "<td class=\"small\" data-check-reasons>(.*?)</td>", RegexOptions.Singleline)
                .Count(m => m.Groups[1].Value.Contains("評価の方向性", StringComparison.Ordinal) || m.Groups[1].Value.Contains("指標の悪化", StringComparison.Ordinal));
        }
        Assert.InRange(againstEvaluation, 2, 40);

        // The verdicts given in 令和7年度 traced from 令和7年度's 当初予算 into 令和8年度's budget: every verdict has its row
        // with 令和8年度's amounts (令和8年度 is not over, so its 決算 is still to come), on the screen and as the 財政課
        // published it, both saying which years.
        var effect = await finance.GetStringAsync("/BudgetFormulation/Effect?year=2025");
        var verdicts = Regex.Matches(Regex.Match(effect, "id=\"effect-city\".*?</tbody>", RegexOptions.Singleline).Value, "<tr data-verdict=\"(\\w+)\">(.*?)</tr>", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        foreach (var v in new[] { "Expand", "Continue", "Reduce" })
        {
            Assert.True(verdicts.ContainsKey(v), $"no row for {v}");
            Assert.Matches("data-initial=\"[1-9]\\d*\"", verdicts[v]);
        }
        Assert.Contains("令和7年度に行った評価（令和6年度の事業が対象）→ 令和7年度当初予算から令和8年度へ", effect);
        var published = await app.NewClient().GetStringAsync("/public/budget-effect");
        Assert.Contains("令和7年度に行った評価（令和6年度の事業が対象）→ 令和7年度当初予算から令和8年度へ", published);
        Assert.Matches("data-kind=\"City\"[^>]*data-verdict=\"縮小\"", published);
    }

    [Fact]
    public async Task The_effect_of_evaluation_reconciles_to_the_budget_table_to_the_yen()
    {
        var page = await (await app.SignedInAsync("kikaku@komaki.example")).GetStringAsync("/BudgetFormulation/Effect?year=2025");
        var total = Regex.Match(page, "<tr class=\"fw-bold\" id=\"effect-total\">(.*?)</tr>", RegexOptions.Singleline).Value;
        long Attr(string name) => long.Parse(Regex.Match(total, $"data-{name}=\"(-?\\d*)\"").Groups[1].Value is { Length: > 0 } v ? v : "0");
        var (before, requested, assessed, initial, settled) = app.WithDb(db => (
            db.BudgetLines.Where(b => b.FiscalYear == 2025).Sum(b => b.Initial ?? 0), db.BudgetLines.Where(b => b.FiscalYear == 2026).Sum(b => b.Requested ?? 0),
            db.BudgetLines.Where(b => b.FiscalYear == 2026).Sum(b => b.Assessed ?? 0), db.BudgetLines.Where(b => b.FiscalYear == 2026).Sum(b => b.Initial ?? 0),
            db.BudgetLines.Where(b => b.FiscalYear == 2026).Sum(b => b.Settled ?? 0)));
        Assert.Equal(before, Attr("base"));
        Assert.Equal(requested, Attr("requested"));
        Assert.Equal(assessed, Attr("assessed"));
        Assert.Equal(initial, Attr("initial"));
        Assert.Equal(settled, Attr("settled"));
        // Every verdict in the city's words has its row, and the rows add up to the total.
        var rows = Regex.Matches(Regex.Match(page, "id=\"effect-city\".*?</tbody>", RegexOptions.Singleline).Value, "data-requested=\"(-?\\d*)\"").Select(m => m.Groups[1].Value.Length == 0 ? 0 : long.Parse(m.Groups[1].Value)).ToList();
        Assert.True(rows.Count >= 3);
        Assert.Equal(requested, rows.Sum());
        // The budget table's comparison says the same total.
        var budgets = await (await app.SignedInAsync("kikaku@komaki.example")).GetStringAsync("/Budgets/2026/Comparison");
        Assert.Contains(Core.Common.Amounts.Thousands(requested), budgets);
    }
}
