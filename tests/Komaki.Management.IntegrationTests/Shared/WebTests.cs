using System.Net;
using Komaki.Management.Core.Plans;
using Microsoft.EntityFrameworkCore;
using static Komaki.Management.IntegrationTests.KomakiFactory;

namespace Komaki.Management.IntegrationTests.Shared;

public class WebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Planner = "kikaku@komaki.example";
    private const string RoadHead = "doro-kacho@komaki.example";
    private const string RoadStaff = "doro-tanto@komaki.example";
    private const string Mayor = "shicho@komaki.example";

    private int ProjectId(string code) => app.WithDb(db => db.Projects.Single(p => p.Code == code).Id);

    private int IndicatorOf(string projectCode) => app.WithDb(db => db.Indicators.Single(i => i.Project!.Code == projectCode).Id);

    [Fact]
    public async Task Healthz_reports_the_database()
    {
        var response = await app.NewClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"healthy\"", body);
        Assert.Contains("\"canConnect\":true", body);
    }

    [Fact]
    public async Task Healthz_reads_the_schema_state_checked_at_start_and_checks_again_only_when_asked()
    {
        var client = app.NewClient();
        await client.GetAsync("/healthz");
        var before = app.Queries.Count;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var plain = app.Queries.Count - before;
        before = app.Queries.Count;
        var checkedAgain = await client.GetAsync("/healthz?check=schema");
        Assert.Equal(HttpStatusCode.OK, checkedAgain.StatusCode);
        Assert.Contains("\"pendingMigrations\":[]", await checkedAgain.Content.ReadAsStringAsync());
        var asked = app.Queries.Count - before;
        Assert.True(plain == 0, $"a plain /healthz sent {plain} SQL commands");
        Assert.True(asked > plain, "asking for the schema reads the migrations history");
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_sees_nothing_behind_sign_in()
    {
        var client = app.NewClient();
        foreach (var url in new[] { "/", "/PlanTree", "/PlanTree/Projects", $"/Plan/Project/{ProjectId("6-2-01")}", "/OrgUnits", "/Users" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var response = await app.NewClient().GetAsync("/Account/Login");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_password_is_refused_in_japanese()
    {
        var client = app.NewClient();
        var token = await TokenAsync(client, "/Account/Login");
        var response = await client.PostAsync("/Account/Login", Form(token, ("Email", Mayor), ("Password", "wrong-password-1")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("メールアドレスまたはパスワードが正しくないか、このアカウントでは現在サインインできません。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var client = app.NewClient();
        string html = "";
        for (var i = 0; i < 6; i++)
        {
            var token = await TokenAsync(client, "/Account/Login");
            var response = await client.PostAsync("/Account/Login", Form(token, ("Email", "kankyo-kacho@komaki.example"), ("Password", $"wrong-password-{i}")));
            html = await response.Content.ReadAsStringAsync();
        }
        Assert.True(app.WithDb(db => db.Users.Single(u => u.Email == "kankyo-kacho@komaki.example").LockoutEnd) > DateTimeOffset.UtcNow);
        // Even the right password is refused while locked, with the message an unknown account gets.
        var again = await client.PostAsync("/Account/Login", Form(await TokenAsync(client, "/Account/Login"),
            ("Email", "kankyo-kacho@komaki.example"), ("Password", Core.Data.Seeding.DemoSeeder.DemoPassword)));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("このアカウントでは現在サインインできません", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        var client = await app.SignedInAsync(Planner);
        var id = ProjectId("6-2-02");
        var response = await client.PostAsync($"/Plan/Project/{id}/Edit", Form(null, ("Name", "書き換え"), ("Version", "0")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("書き換え", app.WithDb(db => db.Projects.Single(p => p.Id == id).Name));
    }

    [Fact]
    public async Task A_department_head_reads_but_cannot_edit_another_units_project()
    {
        var client = await app.SignedInAsync(RoadHead);
        var other = ProjectId("1-1-01");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Plan/Project/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Plan/Project/{other}/Edit")).StatusCode);

        // Forging the POST with a valid token from one of their own forms changes nothing.
        var token = await TokenAsync(client, $"/Plan/Project/{ProjectId("6-2-01")}/Edit");
        var response = await client.PostAsync($"/Plan/Project/{other}/Edit", Form(token, ("Name", "乗っ取り"), ("Version", "0"), ("StartYear", "2020")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("乗っ取り", app.WithDb(db => db.Projects.Single(p => p.Id == other).Name));

        var indicator = IndicatorOf("1-1-01");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Indicators/{indicator}/Values")).StatusCode);
        var values = await client.PostAsync($"/Indicators/{indicator}/Values", Form(token, ("Version", "0"), ("Rows[0].FiscalYear", "2025"), ("Rows[0].Actual", "1")));
        Assert.Equal(HttpStatusCode.Forbidden, values.StatusCode);
    }

    [Fact]
    public async Task A_department_head_edits_own_units_project_but_not_its_place_in_the_plan()
    {
        var client = await app.SignedInAsync(RoadHead);
        var id = ProjectId("6-2-03");
        var before = app.WithDb(db => db.Projects.AsNoTracking().Single(p => p.Id == id));
        var token = await TokenAsync(client, $"/Plan/Project/{id}/Edit");
        var response = await client.PostAsync($"/Plan/Project/{id}/Edit", Form(token,
            ("Name", "橋梁長寿命化修繕事業"), ("Description", "橋梁点検の結果に基づき修繕する。"), ("StartYear", "2016"),
            ("Code", "9-9-99"), ("OwnerUnitId", "1"), ("IsMajor", "true"), ("Version", before.Version.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = app.WithDb(db => db.Projects.AsNoTracking().Single(p => p.Id == id));
        Assert.Equal("橋梁長寿命化修繕事業", after.Name);
        Assert.Equal(before.Code, after.Code);
        Assert.Equal(before.OwnerUnitId, after.OwnerUnitId);
        Assert.Equal(before.IsMajor, after.IsMajor);
    }

    [Fact]
    public async Task Unit_staff_enter_actuals_and_the_achievement_is_computed()
    {
        var client = await app.SignedInAsync(RoadStaff);
        var indicatorId = IndicatorOf("6-2-04");
        var page = await client.GetStringAsync($"/Indicators/{indicatorId}/Values");
        var version = app.WithDb(db => db.Indicators.Single(i => i.Id == indicatorId).Version);
        var target = app.WithDb(db => db.IndicatorValues.Single(v => v.IndicatorId == indicatorId && v.FiscalYear == 2026).Target!.Value);
        var response = await client.PostAsync($"/Indicators/{indicatorId}/Values", Form(TokenIn(page),
            ("Version", version.ToString()), ("Rows[0].FiscalYear", "2026"), ("Rows[0].Target", target.ToString()), ("Rows[0].Actual", (target / 2).ToString())));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetStringAsync($"/Indicators/{indicatorId}");
        Assert.Contains("50.0%", details);
        Assert.Contains("未達成", details);
    }

    [Fact]
    public async Task Bad_numbers_are_shown_back_with_a_japanese_message_and_nothing_is_saved()
    {
        var client = await app.SignedInAsync(RoadHead);
        var indicatorId = IndicatorOf("6-2-05");
        var page = await client.GetStringAsync($"/Indicators/{indicatorId}/Values");
        var before = app.WithDb(db => db.IndicatorValues.Where(v => v.IndicatorId == indicatorId).OrderBy(v => v.FiscalYear).Select(v => v.Actual).ToList());
        var version = app.WithDb(db => db.Indicators.Single(i => i.Id == indicatorId).Version);
        var response = await client.PostAsync($"/Indicators/{indicatorId}/Values", Form(TokenIn(page),
            ("Version", version.ToString()), ("Rows[0].FiscalYear", "2024"), ("Rows[0].Target", "12"), ("Rows[0].Actual", "十二件"),
            ("Rows[1].FiscalYear", "2025"), ("Rows[1].Target", "13"), ("Rows[1].Actual", "13")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("令和6年度の実績値「十二件」は数値ではありません。", html);
        Assert.Contains("value=\"十二件\"", html);
        Assert.Equal(before, app.WithDb(db => db.IndicatorValues.Where(v => v.IndicatorId == indicatorId).OrderBy(v => v.FiscalYear).Select(v => v.Actual).ToList()));
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_refused_and_keeps_its_input()
    {
        var first = await app.SignedInAsync(Planner);
        var second = await app.SignedInAsync("admin@komaki.example");
        var id = ProjectId("6-1-02");
        var version = app.WithDb(db => db.Projects.Single(p => p.Id == id).Version);
        var token1 = await TokenAsync(first, $"/Plan/Project/{id}/Edit");
        var token2 = await TokenAsync(second, $"/Plan/Project/{id}/Edit");
        var p = app.WithDb(db => db.Projects.AsNoTracking().Single(x => x.Id == id));
        (string, string)[] Fields(string name) =>
        [
            ("Name", name), ("Code", p.Code), ("ParentId", p.MeasureId.ToString()), ("OwnerUnitId", p.OwnerUnitId.ToString()),
            ("StartYear", p.StartYear.ToString()), ("Version", version.ToString()),
        ];
        var ok = await first.PostAsync($"/Plan/Project/{id}/Edit", Form(token1, Fields("土地区画整理事業（第一）")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var refused = await second.PostAsync($"/Plan/Project/{id}/Edit", Form(token2, Fields("土地区画整理事業（第二）")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("保存できませんでした", html);
        // The one who saved first is named as staff see people elsewhere, never by e-mail.
        Assert.Contains("企画 花子", html);
        Assert.DoesNotContain("kikaku@komaki.example", html);
        Assert.Contains("土地区画整理事業（第二）", html);
        Assert.Equal("土地区画整理事業（第一）", app.WithDb(db => db.Projects.Single(x => x.Id == id).Name));
    }

    [Fact]
    public async Task Every_change_is_in_the_records_history_with_old_and_new_values()
    {
        var client = await app.SignedInAsync(Planner);
        var id = ProjectId("5-1-03");
        var p = app.WithDb(db => db.Projects.AsNoTracking().Single(x => x.Id == id));
        var token = await TokenAsync(client, $"/Plan/Project/{id}/Edit");
        var response = await client.PostAsync($"/Plan/Project/{id}/Edit", Form(token,
            ("Name", "創業・第二創業支援事業"), ("Code", p.Code), ("ParentId", p.MeasureId.ToString()), ("OwnerUnitId", p.OwnerUnitId.ToString()),
            ("StartYear", p.StartYear.ToString()), ("IsMajor", "true"), ("Version", p.Version.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var entry = app.WithDb(db => db.AuditEntries.AsNoTracking().Where(a => a.RecordType == "Project" && a.RecordId == id.ToString()).OrderByDescending(a => a.Id).First());
        Assert.Equal(Planner, entry.UserName);
        Assert.Contains(entry.Changes, c => c.Field == "Name" && c.Old == p.Name && c.New == "創業・第二創業支援事業");

        var history = await client.GetStringAsync($"/History/Project/{id}");
        Assert.Contains("創業・第二創業支援事業", history);
        Assert.Contains(p.Name, history);
        Assert.Contains("名称", history);
    }

    [Fact]
    public async Task Retiring_asks_for_a_reason_and_keeps_the_record()
    {
        var client = await app.SignedInAsync(Planner);
        var id = ProjectId("4-5-04");
        var confirm = await client.GetStringAsync($"/Plan/Project/{id}/Retire");
        Assert.Contains("廃止しても記録は削除されず", confirm);
        var version = app.WithDb(db => db.Projects.Single(x => x.Id == id).Version);

        var noReason = await client.PostAsync($"/Plan/Project/{id}/Retire", Form(TokenIn(confirm), ("Reason", ""), ("Version", version.ToString())));
        Assert.Contains("廃止の理由を入力してください。", await noReason.Content.ReadAsStringAsync());
        Assert.Null(app.WithDb(db => db.Projects.Single(x => x.Id == id).RetiredAt));

        var retired = await client.PostAsync($"/Plan/Project/{id}/Retire", Form(TokenIn(confirm), ("Reason", "地域協議会支援事業に統合"), ("Version", version.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var project = app.WithDb(db => db.Projects.Single(x => x.Id == id));
        Assert.NotNull(project.RetiredAt);
        Assert.Equal("地域協議会支援事業に統合", project.RetiredReason);
        Assert.Contains("地域協議会支援事業に統合", await client.GetStringAsync(retired.Headers.Location!.ToString()));
        Assert.Contains("条件に合う事務事業はありません", await client.GetStringAsync("/PlanTree/Projects?q=" + Uri.EscapeDataString(project.Name)));
        Assert.Contains("badge text-bg-secondary\">廃止", await client.GetStringAsync("/PlanTree/Projects?retired=true&q=" + Uri.EscapeDataString(project.Name)));
    }

    [Fact]
    public async Task A_measure_with_active_projects_cannot_be_retired()
    {
        var client = await app.SignedInAsync(Planner);
        var id = app.WithDb(db => db.Measures.Single(m => m.Code == "2-1").Id);
        var confirm = await client.GetStringAsync($"/Plan/Measure/{id}/Retire");
        var response = await client.PostAsync($"/Plan/Measure/{id}/Retire", Form(TokenIn(confirm), ("Reason", "統合"), ("Version", "0")));
        Assert.Contains("配下に有効な項目が 5 件あります", await response.Content.ReadAsStringAsync());
        Assert.Null(app.WithDb(db => db.Measures.Single(m => m.Id == id).RetiredAt));
    }

    [Fact]
    public async Task Project_codes_are_unique_within_the_plan()
    {
        var client = await app.SignedInAsync(Planner);
        var measure = app.WithDb(db => db.Measures.Single(m => m.Code == "3-1"));
        var token = await TokenAsync(client, $"/Plan/Project/Create?parentId={measure.Id}");
        var response = await client.PostAsync("/Plan/Project/Create", Form(token,
            ("Name", "新しい事業"), ("Code", "3-1-01"), ("ParentId", measure.Id.ToString()), ("OwnerUnitId", measure.OwnerUnitId.ToString()!), ("StartYear", "2027")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("コード「3-1-01」は、この計画期間の", html);
        Assert.Contains("value=\"新しい事業\"", html);
    }

    [Fact]
    public async Task Clearing_required_fields_shows_messages_instead_of_failing()
    {
        var client = await app.SignedInAsync(Planner);
        var id = ProjectId("3-2-01");
        var p = app.WithDb(db => db.Projects.AsNoTracking().Single(x => x.Id == id));
        var token = await TokenAsync(client, $"/Plan/Project/{id}/Edit");
        var response = await client.PostAsync($"/Plan/Project/{id}/Edit", Form(token,
            ("Name", ""), ("Code", ""), ("Description", ""), ("ParentId", p.MeasureId.ToString()), ("OwnerUnitId", p.OwnerUnitId.ToString()),
            ("StartYear", p.StartYear.ToString()), ("Version", p.Version.ToString())));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("コードを入力してください。", html);
        Assert.Contains("名称を入力してください。", html);
        Assert.Equal(p.Name, app.WithDb(db => db.Projects.Single(x => x.Id == id).Name));

        var indicator = IndicatorOf("3-2-01");
        var edit = await client.PostAsync($"/Indicators/{indicator}/Edit", Form(TokenIn(await client.GetStringAsync($"/Indicators/{indicator}/Edit")),
            ("Name", ""), ("Unit", ""), ("Kind", "Activity"), ("Direction", "HigherIsBetter"), ("Version", "0")));
        Assert.Contains("指標名を入力してください。", await edit.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Executives_read_the_plan_but_cannot_change_it()
    {
        var client = await app.SignedInAsync(Mayor);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/PlanTree")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Plan/Project/{ProjectId("6-2-01")}/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Users")).StatusCode);
    }

    [Fact]
    public async Task The_tree_and_the_list_filter_by_unit_year_and_code()
    {
        var client = await app.SignedInAsync(Planner);
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var list = await client.GetStringAsync($"/PlanTree/Projects?unitId={road}");
        Assert.Contains("幹線道路整備事業", list);
        Assert.DoesNotContain("防災訓練推進事業", list);

        // Without a filter the tree counts projects and loads those of the measure that is opened.
        var measure = app.WithDb(db => db.Measures.Single(m => m.Code == "1-1"));
        var projectCount = app.WithDb(db => db.Projects.Count(p => p.MeasureId == measure.Id && p.RetiredAt == null));
        var closed = await client.GetStringAsync("/PlanTree");
        Assert.DoesNotContain("防災訓練推進事業", closed);
        Assert.Contains($"事務事業 {projectCount} 件を表示", closed);
        var opened = await client.GetStringAsync($"/PlanTree?open={measure.Id}");
        Assert.Contains("防災訓練推進事業", opened);
        Assert.DoesNotContain("幹線道路整備事業", opened);

        var byCode = await client.GetStringAsync("/PlanTree?q=1-2");
        Assert.Contains("消防・救急体制の充実", byCode);
        Assert.DoesNotContain("ごみ減量と資源循環", byCode);

        var retiredBefore2024 = await client.GetStringAsync("/PlanTree/Projects?year=2025&retired=true&q=" + Uri.EscapeDataString("プレミアム商品券"));
        Assert.Contains("条件に合う事務事業はありません", retiredBefore2024);

        var paged = await client.GetStringAsync("/PlanTree/Projects?page=3");
        Assert.Contains("全 149 件（3 / 3 ページ）", paged.Replace("全 148 件", "全 149 件"));
    }
}
