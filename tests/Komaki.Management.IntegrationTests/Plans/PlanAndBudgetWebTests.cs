using System.Net;
using Komaki.Management.Core.Budgets;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Plans;

/// Editing a project's three years and its budget on screen: the checks beside the fields, the input kept,
/// and each unit's records only.
public class PlanAndBudgetWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private (int ProjectId, int OtherProjectId) RoadAndOther() => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
        return (db.Projects.First(p => p.OwnerUnitId == road && p.RetiredAt == null).Id, db.Projects.First(p => p.OwnerUnitId != road).Id);
    });

    private static (string, string)[] Years(params (int Year, string Status, string Cost, string General, string National)[] years) =>
        years.SelectMany((y, i) => new[]
        {
            ($"Years[{i}].Year", y.Year.ToString()), ($"Years[{i}].Status", y.Status), ($"Years[{i}].Content", "内容"),
            ($"Years[{i}].Cost", y.Cost), ($"Years[{i}].General", y.General), ($"Years[{i}].National", y.National),
        }).ToArray();

    [Fact]
    public async Task A_department_head_edits_their_own_projects_plan_and_a_sum_that_does_not_match_is_shown_beside_the_field()
    {
        var (project, other) = RoadAndOther();
        var client = await app.SignedInAsync("doro-kacho@komaki.example");
        var url = $"/ImplementationPlans/2026/Projects/{project}";
        var token = await KomakiFactory.TokenAsync(client, url);

        var wrong = await client.PostAsync(url, KomakiFactory.Form(token, Years(
            (2026, "Continuing", "１，０００", "900", "50"), (2027, "Continuing", "1000", "1000", ""), (2028, "Expanded", "1200", "1200", ""))));
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("財源内訳の合計 950千円 が事業費 1,000千円 と一致しません（差 ▲50千円）。", html);
        Assert.Contains("value=\"１，０００\"", html);

        var before = app.Snapshot().Audit;
        var right = await client.PostAsync(url, KomakiFactory.Form(token, Years(
            (2026, "Continuing", "１，０００", "950", "50"), (2027, "Continuing", "1000", "1000", ""), (2028, "Expanded", "1200", "1200", ""))));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var lines = app.WithDb(db => db.ImplementationPlanLines.Where(l => l.ProjectId == project && l.ImplementationPlan!.FiscalYear == 2026).OrderBy(l => l.FiscalYear).ToList());
        Assert.Equal([1_000_000L, 1_000_000L, 1_200_000L], lines.Select(l => l.Cost));
        Assert.Equal(50_000, lines[0].Funding.National);
        Assert.True(app.Snapshot().Audit > before);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/ImplementationPlans/2026/Projects/{other}")).StatusCode);
        var forged = await client.PostAsync($"/ImplementationPlans/2026/Projects/{other}", KomakiFactory.Form(token, Years(
            (2026, "Continuing", "1", "1", ""), (2027, "Continuing", "1", "1", ""), (2028, "Continuing", "1", "1", ""))));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task A_department_enters_its_request_but_not_the_assessment()
    {
        // A year outside 予算編成 (in a year whose policy is set, its stages set 要求額 and 査定額: BudgetLineFormulationTests).
        const int Year = 2028;
        Assert.False(app.WithDb(db => db.BudgetRounds.Any(r => r.FiscalYear == Year)));
        var project = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            return db.Projects.First(p => p.OwnerUnitId == road && p.RetiredAt == null && !db.BudgetLines.Any(b => b.ProjectId == p.Id && b.FiscalYear == Year && b.Assessed != null)
                && !db.BudgetRequests.Any(r => r.ProjectId == p.Id && r.FiscalYear == Year && r.SubmittedAt != null)).Id;
        });
        var client = await app.SignedInAsync("doro-kacho@komaki.example");
        var url = $"/Budgets/{Year}/{project}";
        var page = await client.GetStringAsync(url);
        var token = KomakiFactory.TokenIn(page);
        var version = app.WithDb(db => db.BudgetLines.Where(b => b.ProjectId == project && b.FiscalYear == Year).Select(b => (int?)b.Version).FirstOrDefault()) ?? 0;

        var saved = await client.PostAsync(url, KomakiFactory.Form(token, ("Version", version.ToString()), ("Requested", "12,345")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(12_345_000, app.WithDb(db => db.BudgetLines.Single(b => b.ProjectId == project && b.FiscalYear == Year).Requested));

        var line = app.WithDb(db => db.BudgetLines.Single(b => b.ProjectId == project && b.FiscalYear == Year));
        // Every stage after the request is planning's: a department's form that changes any of them is refused, saying why.
        foreach (var field in new[] { "Assessed", "Initial", "Supplementary", "Settled" })
        {
            var forged = await client.PostAsync(url, KomakiFactory.Form(token, ("Version", line.Version.ToString()), ("Requested", "12,345"), (field, "99,999")));
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Contains(BudgetLineRule.LaterStagesRefused, await forged.Content.ReadAsStringAsync());
        }
        var unchanged = app.WithDb(db => db.BudgetLines.Single(b => b.ProjectId == project && b.FiscalYear == Year));
        Assert.Equal((line.Version, (long?)null, (long?)null, (long?)null, (long?)null), (unchanged.Version, unchanged.Assessed, unchanged.Initial, unchanged.Supplementary, unchanged.Settled));
    }

    /// The form's sentence on who enters 査定額 and after is the rule's own (BudgetLineRule.LaterStagesNote): the one
    /// it names may, and a role it does not name (the 財政課) may not — so the page never promises what the rule refuses.
    [Fact]
    public async Task Who_the_budget_form_says_enters_the_later_stages_is_who_the_rule_lets()
    {
        const int Year = 2028;
        var (project, _) = RoadAndOther();
        var url = $"/Budgets/{Year}/{project}";
        var head = await (await app.SignedInAsync("doro-kacho@komaki.example")).GetStringAsync(url);
        Assert.Contains(BudgetLineRule.LaterStagesNote, head);
        var note = head[head.IndexOf("id=\"later-stages-note\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("財政", note[..note.IndexOf("</span>", StringComparison.Ordinal)]);
        Assert.Contains(BudgetLineRule.LaterStagesBy, BudgetLineRule.LaterStagesNote);

        // Who the note names (企画課) enters the later stages: its form has them editable and no note.
        var planning = await (await app.SignedInAsync("kikaku@komaki.example")).GetStringAsync(url);
        Assert.DoesNotContain(BudgetLineRule.LaterStagesNote, planning);
        Assert.DoesNotMatch("<input[^>]*id=\"Initial\"[^>]*readonly", planning);

        // A role the note does not name (the 財政課) is refused the form.
        var finance = await app.SignedInAsync("zaisei@komaki.example");
        var refused = await finance.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_comparison_groups_add_up_to_the_total_of_every_project()
    {
        var client = await app.SignedInAsync("shicho@komaki.example");
        foreach (var by in new[] { "Measure", "Policy", "Department" })
        {
            var html = await client.GetStringAsync($"/Budgets/2025/Comparison?by={by}");
            var table = html[html.IndexOf("id=\"comparison\"", StringComparison.Ordinal)..];
            var body = table[table.IndexOf("<tbody>", StringComparison.Ordinal)..table.IndexOf("</tbody>", StringComparison.Ordinal)];
            var settledColumn = System.Text.RegularExpressions.Regex.Matches(body, "<tr>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
                .Select(m => System.Text.RegularExpressions.Regex.Matches(m.Groups[1].Value, "<td class=\"num[^\"]*\">([^<]*)</td>")[7].Groups[1].Value)
                .Sum(v => decimal.Parse(v.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture));
            var expected = app.WithDb(db => db.BudgetLines.Where(b => b.FiscalYear == 2025).Sum(b => b.Settled ?? 0)) / 1000m;
            Assert.Equal(expected, settledColumn);
        }
    }
}
