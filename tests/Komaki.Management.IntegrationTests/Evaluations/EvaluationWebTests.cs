using System.Net;
using Komaki.Management.Core.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Evaluations;

/// 事務事業評価 over HTTP: the sheet starts from the budget and indicators, the reviews go in order, drafts stay
/// with their unit, and a changed direction needs a reason.
public class EvaluationWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string RoadHead = "doro-kacho@komaki.example";
    private const string RoadStaff = "doro-tanto@komaki.example";
    private const string Planning = "kikaku@komaki.example";

    /// The n-th project of the road division, with any demo evaluation of the year removed so the test starts it afresh.
    private int RoadProjectWithoutEvaluation(int year, int n) => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
        var id = db.Projects.Where(p => p.OwnerUnitId == road && p.RetiredAt == null).OrderBy(p => p.Code).Select(p => p.Id).Skip(n).First();
        db.ImprovementActions.Where(a => a.ProjectEvaluation!.ProjectId == id && a.FiscalYear == year).ExecuteDelete();
        db.ProjectEvaluations.Where(e => e.ProjectId == id && e.FiscalYear == year).ExecuteDelete();
        return id;
    });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string postUrl, params (string, string)[] fields) =>
        await client.PostAsync(postUrl, KomakiFactory.Form(await KomakiFactory.TokenAsync(client, pageUrl), fields));

    private ProjectEvaluation Evaluation(int projectId, int year) => app.WithDb(db => db.ProjectEvaluations.AsNoTracking().Single(e => e.ProjectId == projectId && e.FiscalYear == year));

    /// The demo city evaluated from 令和6年度: a sheet's 令和5年度 has no 人件費, which a review confirms with a reason.
    private static readonly (string, string) OlderYears = ("Explanation", "令和5年度は評価を始める前で、人工の記録がない。");

    private static (string, string)[] Ratings(string direction, string? improvement) =>
    [
        ("StaffPersonYears", "１．５"), ("PurposeTarget", "市道を通行する歩行者と車両"), ("PurposeIntent", "安全に通行できる"), ("Means", "舗装を補修する"), ("Necessity", "A"), ("NecessityReason", "必要"), ("Effectiveness", "B"), ("EffectivenessReason", "概ね有効"),
        ("Efficiency", "B"), ("EfficiencyReason", "妥当"), ("Equity", "A"), ("EquityReason", "公平"), ("FirstDirection", direction), ("Improvement", improvement ?? ""),
    ];

    [Fact]
    public async Task A_sheet_starts_from_the_settled_cost_the_head_reviews_planning_changes_the_direction_with_a_reason_and_publishes()
    {
        var year = 2025;
        var projectId = RoadProjectWithoutEvaluation(year, 0);
        var settled = app.WithDb(db => db.BudgetLines.Single(b => b.ProjectId == projectId && b.FiscalYear == year).Settled);
        var url = $"/Evaluations/{year}/{projectId}";
        var staff = await app.SignedInAsync(RoadStaff);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, url, url + "/Start")).StatusCode);
        Assert.Equal(settled, Evaluation(projectId, year).SettledCost);

        var v = Evaluation(projectId, year).Version;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, url + "/Edit", url + "/Edit", [("Version", v.ToString()), .. Ratings("Improve", "窓口の予約制を導入する。")])).StatusCode);
        var e = Evaluation(projectId, year);
        Assert.Equal(1.5m, e.StaffPersonYears);
        Assert.Equal(settled + 12_000_000, e.FullCost);
        Assert.Contains(Amounts(settled!.Value + 12_000_000), await staff.GetStringAsync(url));

        // Staff cannot give the first review; the head can.
        var byStaff = await PostAsync(staff, url, url + "/Steps/FirstReview", ("Version", e.Version.ToString()));
        Assert.Contains("一次評価を確定できるのは、その事業の所属長だけです。", await byStaff.Content.ReadAsStringAsync());
        var head = await app.SignedInAsync(RoadHead);
        var early = await PostAsync(head, url, url + "/Steps/Publish", ("Version", e.Version.ToString()));
        Assert.Contains("公表は企画担当が行います。", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, url, url + "/Steps/FirstReview", ("Version", e.Version.ToString()), OlderYears)).StatusCode);
        Assert.Equal(EvaluationState.FirstReviewed, Evaluation(projectId, year).State);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync(url + "/Edit")).StatusCode);

        var planning = await app.SignedInAsync(Planning);
        e = Evaluation(projectId, year);
        var publishEarly = await PostAsync(planning, url, url + "/Steps/Publish", ("Version", e.Version.ToString()));
        Assert.Contains("公表は二次評価の後に行えます。", await publishEarly.Content.ReadAsStringAsync());
        var noReason = await PostAsync(planning, url, url + "/Steps/SecondReview", ("Version", e.Version.ToString()), ("SecondDirection", "Reduce"));
        Assert.Contains("一次評価と異なる方向性にするときは、その理由を入力してください。", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(planning, url, url + "/Steps/SecondReview", ("Version", e.Version.ToString()), ("SecondDirection", "Reduce"), ("SecondReason", "利用が減っている。"), OlderYears)).StatusCode);
        e = Evaluation(projectId, year);
        Assert.Equal((Direction.Improve, Direction.Reduce, Direction.Reduce), (e.FirstDirection!.Value, e.SecondDirection!.Value, e.FinalDirection!.Value));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(planning, url, url + "/Steps/Publish", ("Version", e.Version.ToString()), OlderYears)).StatusCode);
        Assert.Equal(EvaluationState.Published, Evaluation(projectId, year).State);
        var page = await planning.GetStringAsync(url);
        Assert.Contains("縮小（変更）", page);
        Assert.Contains("利用が減っている。", page);
    }

    [Fact]
    public async Task A_draft_stays_with_its_unit_and_a_first_review_needs_every_rating()
    {
        var year = 2025;
        var projectId = RoadProjectWithoutEvaluation(year, 1);
        var url = $"/Evaluations/{year}/{projectId}";
        var head = await app.SignedInAsync(RoadHead);
        await PostAsync(head, url, url + "/Start");
        var incomplete = await PostAsync(head, url, url + "/Steps/FirstReview", ("Version", Evaluation(projectId, year).Version.ToString()));
        Assert.Contains("一次評価の前に、次を入力してください: 必要性、有効性、効率性、公平性、今後の方向性。", await incomplete.Content.ReadAsStringAsync());

        var other = await app.SignedInAsync("kankyo-kacho@komaki.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url + "/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/History/ProjectEvaluation/{Evaluation(projectId, year).Id}")).StatusCode);
        var token = await KomakiFactory.TokenAsync(other, "/Evaluations");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync(url + "/Edit", KomakiFactory.Form(token, [("Version", "1"), .. Ratings("Expand", "x")]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync(url + "/Steps/FirstReview", KomakiFactory.Form(token, ("Version", "1")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync(url + "/Start", KomakiFactory.Form(token))).StatusCode);
        Assert.Null(Evaluation(projectId, year).FirstDirection);

        // Once reviewed by the unit, the evaluation is open to every staff member.
        var published = app.WithDb(db => db.ProjectEvaluations.First(e => e.FiscalYear == 2024 && e.State == EvaluationState.Published && e.OwnerUnitId == db.OrgUnits.Single(u => u.Name == "道路課").Id));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/Evaluations/2024/{published.ProjectId}")).StatusCode);
    }

    [Fact]
    public async Task The_list_counts_each_direction_and_the_sheet_flags_a_settled_cost_above_the_budget()
    {
        var planning = await app.SignedInAsync(Planning);
        var html = await planning.GetStringAsync("/Evaluations?year=2025");
        var continued = app.WithDb(db => db.ProjectEvaluations.Count(e => e.FiscalYear == 2025 && e.State != EvaluationState.Draft
            && (e.SecondDirection ?? e.FirstDirection) == Direction.Continue));
        Assert.Contains($"維持 <span class=\"direction-count\">{continued}</span>", html);

        var projectId = RoadProjectWithoutEvaluation(2025, 2);
        app.WithDb(db =>
        {
            var b = db.BudgetLines.Single(x => x.ProjectId == projectId && x.FiscalYear == 2025);
            b.Settled = b.Current + 5_000_000;
            return db.SaveChanges();
        });
        var sheet = await planning.GetStringAsync($"/Evaluations/2025/{projectId}");
        Assert.Contains("が予算現額", sheet);
        Assert.Contains("を上回っています。", sheet);
    }

    private static string Amounts(long yen) => Core.Common.Amounts.Thousands(yen);

    [Fact]
    public async Task The_years_evaluations_export_as_an_overview_and_one_sheet_per_project_without_drafts()
    {
        static async Task<List<string>> Exported(HttpClient client)
        {
            var response = await client.GetAsync("/Imports/evaluations/2025/Export");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            using var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            var codes = wb.Worksheet("一覧").RowsUsed().Where(r => r.RowNumber() > 3).Select(r => r.Cell(1).GetString()).ToList();
            Assert.Equal(codes.Count + 1, wb.Worksheets.Count);
            Assert.All(codes, c => Assert.Contains(wb.Worksheets, w => w.Name == c));
            return codes;
        }
        // Planning exports every reviewed evaluation; the mayor only what is published (the rest belongs to its unit).
        var reviewed = app.WithDb(db => db.ProjectEvaluations.Where(e => e.FiscalYear == 2025 && e.State != EvaluationState.Draft).Select(e => e.Project!.Code).ToList());
        var published = app.WithDb(db => db.ProjectEvaluations.Where(e => e.FiscalYear == 2025 && e.State == EvaluationState.Published).Select(e => e.Project!.Code).ToList());
        Assert.True(reviewed.Count > published.Count);
        Assert.Equal(reviewed.Order(), (await Exported(await app.SignedInAsync(Planning))).Order());
        Assert.Equal(published.Order(), (await Exported(await app.SignedInAsync("shicho@komaki.example"))).Order());
        // Bringing in a previous system's evaluations is planning's job.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(Planning)).GetAsync("/Imports/evaluations/2025/Upload")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(RoadHead)).GetAsync("/Imports/evaluations/2025/Upload")).StatusCode);
    }
}
