using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Goals;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Goals;

/// Organisational goals over HTTP: the whole workflow, and every forbidden path tried by editing URLs and fields.
public class GoalsWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string RoadHead = "doro-kacho@komaki.example";
    private const string EnvHead = "kankyo-kacho@komaki.example";
    private const string Mayor = "shicho@komaki.example";
    private const string Planning = "kikaku@komaki.example";

    private int Unit(string name) => app.WithDb(db => db.OrgUnits.Single(u => u.Name == name).Id);

    private static (string, string)[] GoalFields(int unitId, string title) =>
    [
        ("OrgUnitId", unitId.ToString()), ("FiscalYear", "2026"), ("Title", title), ("Reason", "舗装の苦情が多い。"),
        ("MeasureCodes", "6-2"), ("ProjectCodes", "6-2-01"), ("ManifestoNumbers", "4-2"),
        ("Indicators[0].Name", "補修完了件数"), ("Indicators[0].Unit", "件"), ("Indicators[0].Target", "１２０"),
        ("Steps[0].Action", "路面調査"), ("Steps[0].Schedule", "4月〜6月"),
    ];

    private static async Task<int> CreateGoalAsync(HttpClient client, int unitId, string title)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Goals/Create");
        var created = await client.PostAsync("/Goals/Create", KomakiFactory.Form(token, GoalFields(unitId, title)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(Regex.Match(created.Headers.Location!.ToString(), @"/Goals/(\d+)").Groups[1].Value);
    }

    private async Task<HttpResponseMessage> ActAsync(HttpClient client, int id, GoalAction action, params (string, string)[] fields)
    {
        // Someone who may not read the goal takes the form token from the list, as a forger would.
        var page = await client.GetAsync($"/Goals/{id}");
        var html = page.IsSuccessStatusCode ? await page.Content.ReadAsStringAsync() : await client.GetStringAsync("/Goals");
        var version = app.WithDb(db => db.OrganizationalGoals.Single(g => g.Id == id).Version);
        return await client.PostAsync($"/Goals/{id}/Act", KomakiFactory.Form(KomakiFactory.TokenIn(html),
            [("Version", version.ToString()), ("Action", action.ToString()), .. fields]));
    }

    private GoalState StateOf(int id) => app.WithDb(db => db.OrganizationalGoals.Single(g => g.Id == id).State);

    [Fact]
    public async Task A_goal_goes_from_draft_to_confirmation_with_who_and_when_recorded()
    {
        var head = await app.SignedInAsync(RoadHead);
        var id = await CreateGoalAsync(head, Unit("道路課"), "舗装補修の迅速化");
        var goal = app.WithDb(db => db.OrganizationalGoals.Include(g => g.Links).Include(g => g.Indicators).Single(g => g.Id == id));
        Assert.Equal(GoalState.Draft, goal.State);
        Assert.Equal(3, goal.Links.Count);
        Assert.Equal(120, goal.Indicators.Single().Target);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(head, id, GoalAction.Submitted)).StatusCode);
        var mayor = await app.SignedInAsync(Mayor);
        Assert.Contains(id.ToString(), await mayor.GetStringAsync("/Goals/Waiting"));
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(mayor, id, GoalAction.Agreed, ("Comment", "この内容で進めてください。"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(head, id, GoalAction.MidYearReviewed, ("MidYearReview", "上半期で60件完了。"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(head, id, GoalAction.SelfAssessed, ("Grade", "A"), ("GradeEvidence", "130件を完了した。"), ("Actuals[0]", "130"))).StatusCode);
        var planning = await app.SignedInAsync(Planning);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(planning, id, GoalAction.Confirmed)).StatusCode);

        var done = app.WithDb(db => db.OrganizationalGoals.Include(g => g.Events).Include(g => g.Indicators).Single(g => g.Id == id));
        Assert.Equal(GoalState.Confirmed, done.State);
        Assert.Equal(GoalGrade.A, done.Grade);
        Assert.Equal(130, done.Indicators.Single().Actual);
        Assert.Equal(
            [(GoalAction.Created, RoadHead), (GoalAction.Submitted, RoadHead), (GoalAction.Agreed, Mayor), (GoalAction.MidYearReviewed, RoadHead), (GoalAction.SelfAssessed, RoadHead), (GoalAction.Confirmed, Planning)],
            done.Events.OrderBy(e => e.Id).Select(e => (e.Action, e.UserName)));
        Assert.Contains("この内容で進めてください。", await head.GetStringAsync($"/Goals/{id}"));
    }

    [Fact]
    public async Task Another_units_head_cannot_create_read_for_edit_submit_or_assess_by_editing_urls_and_fields()
    {
        var road = await app.SignedInAsync(RoadHead);
        var id = await CreateGoalAsync(road, Unit("道路課"), "他課から触られない目標");
        var env = await app.SignedInAsync(EnvHead);

        // A draft is its unit's and the top's: another unit neither opens it nor finds it in the lists.
        Assert.Equal(HttpStatusCode.Forbidden, (await env.GetAsync($"/Goals/{id}")).StatusCode);
        Assert.DoesNotContain("他課から触られない目標", await env.GetStringAsync("/Goals"));
        Assert.Equal(HttpStatusCode.Forbidden, (await env.GetAsync($"/History/OrganizationalGoal/{id}")).StatusCode);
        Assert.Contains("他課から触られない目標", await (await app.SignedInAsync("shicho@komaki.example")).GetStringAsync($"/Goals/{id}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await env.GetAsync($"/Goals/{id}/Edit")).StatusCode);
        var token = await KomakiFactory.TokenAsync(env, "/Goals/Create");
        Assert.Equal(HttpStatusCode.Forbidden, (await env.PostAsync($"/Goals/{id}/Edit", KomakiFactory.Form(token, GoalFields(Unit("道路課"), "書き換え")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await env.PostAsync("/Goals/Create", KomakiFactory.Form(token, GoalFields(Unit("道路課"), "なりすまし")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(env, id, GoalAction.Submitted)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await env.PostAsync($"/Goals/{id}/Comment", KomakiFactory.Form(token, ("comment", "横から")))).StatusCode);
        Assert.Equal(GoalState.Draft, StateOf(id));
        Assert.Equal("他課から触られない目標", app.WithDb(db => db.OrganizationalGoals.Single(g => g.Id == id).Title));
        Assert.Equal(0, app.WithDb(db => db.OrganizationalGoals.Count(g => g.Title == "なりすまし")));
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_with_a_clear_message_and_nothing_changes()
    {
        var head = await app.SignedInAsync(RoadHead);
        var id = await CreateGoalAsync(head, Unit("道路課"), "順序を守る目標");

        var early = await ActAsync(head, id, GoalAction.SelfAssessed, ("Grade", "S"), ("GradeEvidence", "まだ"), ("Actuals[0]", "1"));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("年度末の自己評価は、ヒアリングでの合意と中間確認の後に行えます。", await early.Content.ReadAsStringAsync());
        var selfAgree = await ActAsync(head, id, GoalAction.Agreed);
        Assert.Contains("ヒアリングでの合意・修正依頼は、市長・副市長と企画担当が行います。", await selfAgree.Content.ReadAsStringAsync());
        Assert.Equal(GoalState.Draft, StateOf(id));

        await ActAsync(head, id, GoalAction.Submitted);
        var edit = await head.GetAsync($"/Goals/{id}/Edit");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var mayor = await app.SignedInAsync(Mayor);
        var noReason = await ActAsync(mayor, id, GoalAction.ChangesRequested);
        Assert.Contains("修正を依頼する点をコメントに書いてください。", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(GoalState.Submitted, StateOf(id));
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(mayor, id, GoalAction.ChangesRequested, ("Comment", "指標を見直してください。"))).StatusCode);
        Assert.Equal(GoalState.ChangesRequested, StateOf(id));
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/Goals/{id}/Edit")).StatusCode);
    }

    [Fact]
    public async Task The_board_shows_every_division_and_the_hearing_list_exports_every_goal_of_the_year()
    {
        var planning = await app.SignedInAsync(Planning);
        var board = await planning.GetStringAsync("/Goals/Board?year=2026");
        Assert.Contains("道路課", board);
        Assert.Contains("未作成", board);
        var export = await planning.GetAsync("/Goals/Export?year=2026");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var package = XlsxPackage.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        var grid = package.ReadSheet();
        var titles = grid.Rows.Where(r => r.Number > 3).Select(r => r.Get(3)).ToList();
        var expected = app.WithDb(db => db.OrganizationalGoals.Where(g => g.FiscalYear == 2026).Select(g => g.Title).ToList());
        Assert.Equal(expected.Order(), titles.Order());
        Assert.Contains("組織目標シート", await planning.GetStringAsync($"/Goals/Sheet?unitId={Unit("道路課")}&year=2026"));
    }
}

/// The goal form: indicators carry where the unit stands now (現状値) and which way is better; rows are added by
/// posting back what was typed, without saving.
public class GoalFormTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task Adding_a_row_keeps_what_was_typed_and_saves_nothing_and_indicators_keep_baseline_and_direction()
    {
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var form = await head.GetStringAsync($"/Goals/Create?unitId={road}&year=2026");
        var rows = System.Text.RegularExpressions.Regex.Count(form, "id=\"ind-name-\\d+\"");
        (string, string)[] fields =
        [
            ("OrgUnitId", road.ToString()), ("FiscalYear", "2026"), ("Title", "通学路の安全点検"), ("Reason", "事故が続いた。"),
            ("Indicators[0].Name", "危険箇所の解消率"), ("Indicators[0].Unit", "%"), ("Indicators[0].Baseline", "40"), ("Indicators[0].Target", "70"),
            ("Indicators[1].Name", "通学路での事故件数"), ("Indicators[1].Unit", "件"), ("Indicators[1].Baseline", "12"), ("Indicators[1].Target", "6"), ("Indicators[1].Direction", "LowerIsBetter"),
            ("Steps[0].Action", "合同点検"), ("Steps[0].Schedule", "5月"),
        ];
        var goals = app.WithDb(db => db.OrganizationalGoals.Count());
        var added = await head.PostAsync("/Goals/Create", KomakiFactory.Form(KomakiFactory.TokenIn(form), [.. fields, ("AddRow", "indicator")]));
        var html = await added.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(rows + 1, System.Text.RegularExpressions.Regex.Count(html, "id=\"ind-name-\\d+\""));
        Assert.Contains("value=\"通学路での事故件数\"", html);
        Assert.DoesNotContain("is-invalid", html);
        Assert.Equal(goals, app.WithDb(db => db.OrganizationalGoals.Count()));

        var saved = await head.PostAsync("/Goals/Create", KomakiFactory.Form(KomakiFactory.TokenIn(html), fields));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var stored = app.WithDb(db => db.OrganizationalGoals.Include(g => g.Indicators).Single(g => g.Title == "通学路の安全点検").Indicators.OrderBy(i => i.SortOrder).ToList());
        Assert.Equal((40m, Core.Plans.IndicatorDirection.HigherIsBetter), (stored[0].Baseline!.Value, stored[0].Direction));
        Assert.Equal((12m, Core.Plans.IndicatorDirection.LowerIsBetter), (stored[1].Baseline!.Value, stored[1].Direction));
        var page = await head.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains("通学路での事故件数 <span class=\"small text-muted\">（低いほど良い）</span>", page);
    }

    [Fact]
    public async Task A_code_is_found_by_name_and_picked_without_script_keeping_the_rest_of_the_form()
    {
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var measure = app.WithDb(db => db.Measures.Single(m => m.Code == "6-2"));
        var form = await head.GetStringAsync($"/Goals/Create?unitId={road}&year=2026");
        (string, string)[] typed = [("OrgUnitId", road.ToString()), ("FiscalYear", "2026"), ("Title", "橋の点検を早める"), ("ProjectCodes", "6-2-01")];
        var goals = app.WithDb(db => db.OrganizationalGoals.Count());

        var found = await (await head.PostAsync("/Goals/Create", KomakiFactory.Form(KomakiFactory.TokenIn(form),
            [.. typed, ("Lookup[MeasureCodes]", measure.Name[..3]), ("LookupField", "MeasureCodes")]))).Content.ReadAsStringAsync();
        Assert.Contains($"name=\"Pick\" value=\"MeasureCodes:{measure.Code}\"", found);
        Assert.Contains("value=\"橋の点検を早める\"", found);

        var picked = await (await head.PostAsync("/Goals/Create", KomakiFactory.Form(KomakiFactory.TokenIn(found), [.. typed, ("Pick", $"MeasureCodes:{measure.Code}")]))).Content.ReadAsStringAsync();
        Assert.Matches($"id=\"MeasureCodes\" name=\"MeasureCodes\" value=\"{measure.Code}\"", picked);
        Assert.Contains("value=\"6-2-01\"", picked);
        Assert.Equal(goals, app.WithDb(db => db.OrganizationalGoals.Count()));
    }
}
