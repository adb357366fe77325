using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Data.Seeding;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Personnel;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Goals;

/// 「あなたの対応待ち」 on the home page is the start of the full 対応待ち page: the same count and the same rows, 人事評価,
/// 内部統制 and 定員 included, for every account that has a home page.
public class HomeWaitingTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    public static TheoryData<string> Accounts => [.. DemoSeeder.DemoUsers.Select(u => u.Email)];

    private sealed record Lists(int HomeCount, IReadOnlyList<(string Source, string Href)> HomeRows, int FullCount, int FullRows, IReadOnlySet<string> FullHrefs);

    private static int CountIn(string html, string id)
    {
        var m = Regex.Match(html, $"id=\"{id}\">(\\d+)<");
        Assert.True(m.Success, $"no {id}");
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Lists> ListsOfAsync(HttpClient client)
    {
        var home = await client.GetStringAsync("/");
        var full = await client.GetStringAsync("/Goals/Waiting");
        var homeRows = Regex.Matches(home, "<tr[^>]*data-wait=\"(\\w+)\">.*?href=\"([^\"]+)\".*?</tr>", RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        // Every section of the full page: its work rows carry data-kind, the 内部統制・定員, 人事評価 and 全庁 rows data-wait.
        var fullRows = Regex.Count(full, "<tr[^>]*data-kind=\"\\w+\">") + Regex.Count(full, "<tr[^>]* data-wait>");
        var hrefs = Regex.Matches(full, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return new(CountIn(home, "home-work-count"), homeRows, CountIn(full, "waiting-count"), fullRows, hrefs);
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task The_home_page_counts_and_lists_the_same_work_as_the_full_page(string email)
    {
        var client = await app.SignedInAsync(email);
        var home = await client.GetAsync("/");
        if (home.StatusCode == HttpStatusCode.Redirect)
        {
            // The external reviewer, the audit committee and the mayor start elsewhere and have no staff home page.
            Assert.DoesNotContain(DemoSeeder.DemoUsers.Single(u => u.Email == email).Role, new[] { Core.Identity.Roles.DepartmentHead, Core.Identity.Roles.DepartmentStaff, Core.Identity.Roles.Personnel, Core.Identity.Roles.Planning });
            return;
        }
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var lists = await ListsOfAsync(client);
        Assert.Equal(lists.FullRows, lists.FullCount);
        Assert.Equal(lists.FullCount, lists.HomeCount);
        Assert.Equal(Math.Min(10, lists.FullCount), lists.HomeRows.Count);
        Assert.All(lists.HomeRows, r => Assert.Contains(r.Href, lists.FullHrefs));
    }

    [Fact]
    public async Task The_personnel_division_sees_a_complaint_waiting_on_the_home_page()
    {
        var evaluationId = app.WithDb(db =>
        {
            var e = db.PersonnelEvaluations.Include(x => x.Complaints).First(x => x.State == PersonnelState.Acknowledged);
            e.Complaints.Add(new PersonnelComplaint { FiledAt = DateTime.UtcNow, Content = "業績評価の根拠を説明してください。" });
            db.SaveChanges();
            return e.Id;
        });
        var jinji = await app.SignedInAsync("jinji@komaki.example");
        var lists = await ListsOfAsync(jinji);
        Assert.True(lists.HomeCount >= 1, "人事課 sees 0 件 with a complaint waiting");
        Assert.Equal(lists.FullCount, lists.HomeCount);
        var home = await jinji.GetStringAsync("/");
        Assert.Contains("苦情相談", home);
        // Answered on the evaluation itself: the row opens that evaluation.
        Assert.True(lists.HomeRows.Contains(("personnel", $"/Personnel/{evaluationId}")), string.Join("\n", lists.HomeRows));
    }

    [Fact]
    public async Task A_division_head_sees_every_kind_of_work_due_on_the_home_page()
    {
        const string head = "doro-kacho@komaki.example";
        // An open deficiency on one of the road division's risks, due long ago: the 是正 must be listed with the rest.
        var riskId = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            var risk = db.ControlRisks.Include(r => r.Deficiencies).First(r => r.OrgUnitId == road);
            risk.Deficiencies.Add(new ControlDeficiency { Kind = DeficiencyKind.Design, Description = "点検記録の様式が定められていない", DueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-190) });
            db.SaveChanges();
            return risk.Id;
        });
        var client = await app.SignedInAsync(head);
        var lists = await ListsOfAsync(client);
        Assert.Equal(lists.FullCount, lists.HomeCount);
        var home = await client.GetStringAsync("/");
        // The overdue correction comes first among what is shown, opening the risk it belongs to.
        Assert.True(lists.HomeRows.Contains(("control", $"/Control/Risks/{riskId}")), string.Join("\n", lists.HomeRows));
        // The demo 課長 has plan work, goals and his staff's 人事評価 due as well: every kind is on the home page.
        var sources = lists.HomeRows.Select(r => r.Source).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["control", "personnel", "plan"], StringComparer.Ordinal), sources);
        var full = await client.GetStringAsync("/Goals/Waiting");
        Assert.Contains("id=\"personnel-work\"", full);
        Assert.Contains("id=\"work-list\"", full);
        Assert.Contains("対応待ちをすべて見る", home);
    }

    [Fact]
    public async Task A_drafted_evaluation_opens_the_first_review_form_not_the_sheet()
    {
        var (projectId, evaluationYear) = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            var e = db.ProjectEvaluations.Include(x => x.Project).OrderByDescending(x => x.FiscalYear).First(x => x.Project!.OwnerUnitId == road && x.Project.RetiredAt == null);
            e.State = Core.Evaluation.EvaluationState.Draft;
            db.SaveChanges();
            return (e.ProjectId, e.FiscalYear);
        });
        // Planning makes the 一次評価 of that year due three days ago (the calendar's year is the one after the evaluated year).
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var year = evaluationYear + 1;
        var token = await KomakiFactory.TokenAsync(planning, $"/Cycle/Calendar?year={year}");
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync($"/Cycle/Calendar?year={year}", KomakiFactory.Form(token, ("Due[0].Stage", nameof(Core.Cycle.CycleStage.EvaluationFirstReview)), ("Due[0].On", due)))).StatusCode);

        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var full = await head.GetStringAsync("/Goals/Waiting");
        var form = $"/Evaluations/{evaluationYear}/{projectId}/Steps/FirstReview";
        Assert.Matches($"data-kind=\"EvaluationReview\">.*?href=\"{Regex.Escape(form)}\"", Regex.Replace(full, "\\s+", " "));
        var lists = await ListsOfAsync(head);
        Assert.Equal(lists.FullCount, lists.HomeCount);
        Assert.NotEqual(HttpStatusCode.NotFound, (await head.GetAsync(form)).StatusCode);
    }
}
