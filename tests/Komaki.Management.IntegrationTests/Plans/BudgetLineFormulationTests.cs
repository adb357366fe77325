using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Budgets;
using Komaki.Management.IntegrationTests.Support;

namespace Komaki.Management.IntegrationTests.Plans;

/// In a year under 予算編成 (its policy set), 要求額 and 査定額 come from its stages, for every project: the budget-line
/// form shows them read-only with a note saying where they come from, and a crafted POST that changes them is refused
/// beside the field — for a department and planning alike — while the later stages stay planning's to enter.
public class BudgetLineFormulationTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const int Year = 2027;

    private (int Formulated, int Outside) RoadProjects() => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
        var submitted = db.BudgetRequests.Where(r => r.FiscalYear == Year && r.SubmittedAt != null).Select(r => r.ProjectId);
        var roads = db.Projects.Where(p => p.OwnerUnitId == road && p.RetiredAt == null);
        return (roads.First(p => submitted.Contains(p.Id)).Id,
            roads.First(p => !submitted.Contains(p.Id) && !db.BudgetLines.Any(b => b.ProjectId == p.Id && b.FiscalYear == Year && b.Assessed != null)).Id);
    });

    private static bool ReadOnly(string html, string field) => Regex.IsMatch(html, $"<input[^>]*id=\"{field}\"[^>]*readonly");

    private static FormUrlEncodedContent Posted(string html, params (string Field, string Value)[] changes)
    {
        var fields = HtmlForms.Fields(html);
        foreach (var (field, value) in changes) fields[field] = value;
        return KomakiFactory.Form(KomakiFactory.TokenIn(html), [.. fields.Select(f => (f.Key, f.Value))]);
    }

    [Fact]
    public async Task Amounts_from_a_submitted_request_are_shown_read_only_and_a_crafted_change_is_refused_beside_the_field()
    {
        var (formulated, outside) = RoadProjects();
        var url = $"/Budgets/{Year}/{formulated}";
        var before = app.WithDb(db => db.BudgetLines.Single(b => b.ProjectId == formulated && b.FiscalYear == Year));
        Assert.NotNull(before.Requested);

        // The department may enter neither (査定額 was never theirs: a forged one stays a 403, PlanAndBudgetWebTests);
        // planning may enter the later stages but not these two.
        foreach (var (who, crafted) in new[]
        {
            ("doro-kacho@komaki.example", new[] { ("Requested", "99,999") }),
            ("kikaku@komaki.example", new[] { ("Requested", "99,999"), ("Assessed", "88,888") }),
        })
        {
            var client = await app.SignedInAsync(who);
            var html = await client.GetStringAsync(url);
            Assert.Contains(BudgetCommands.FromFormulationNote, WebUtility.HtmlDecode(html));
            Assert.True(ReadOnly(html, "Requested") && ReadOnly(html, "Assessed"), who);

            var refused = await client.PostAsync(url, Posted(html, crafted));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains($"<div class=\"invalid-feedback\">{BudgetCommands.RequestedFromFormulation}</div>", page);
            if (crafted.Length > 1) Assert.Contains($"<div class=\"invalid-feedback\">{BudgetCommands.AssessedFromFormulation}</div>", page);
            var after = app.WithDb(db => db.BudgetLines.Single(b => b.ProjectId == formulated && b.FiscalYear == Year));
            Assert.Equal((before.Requested, before.Assessed, before.Version), (after.Requested, after.Assessed, after.Version));
        }

        // The stages after 予算編成 remain planning's to enter on this form, with the amounts from 予算編成 posted back as shown.
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var form = await planning.GetStringAsync(url);
        Assert.False(ReadOnly(form, "Initial"));
        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync(url, Posted(form, ("Initial", "1,234")))).StatusCode);
        var saved = app.WithDb(db => db.BudgetLines.Single(b => b.ProjectId == formulated && b.FiscalYear == Year));
        Assert.Equal((before.Requested, 1_234_000L), (saved.Requested, saved.Initial!.Value));

        // A project with no request in a year under 予算編成 is no way around it: money typed into the budget table would
        // have no stage, no 査定 and no 査定調書 row, and the budget table would stop agreeing with 予算編成's totals.
        var lines = app.WithDb(db => db.BudgetLines.Count(b => b.FiscalYear == Year));
        var unrequested = await planning.GetStringAsync($"/Budgets/{Year}/{outside}");
        Assert.Contains(BudgetCommands.FromFormulationNote, WebUtility.HtmlDecode(unrequested));
        Assert.True(ReadOnly(unrequested, "Requested") && ReadOnly(unrequested, "Assessed"));
        var crafted2 = await planning.PostAsync($"/Budgets/{Year}/{outside}", Posted(unrequested, ("Requested", "50,000"), ("Assessed", "50,000")));
        Assert.Equal(HttpStatusCode.OK, crafted2.StatusCode);
        Assert.Contains($"<div class=\"invalid-feedback\">{BudgetCommands.RequestedFromFormulation}</div>", WebUtility.HtmlDecode(await crafted2.Content.ReadAsStringAsync()));
        Assert.Equal(lines, app.WithDb(db => db.BudgetLines.Count(b => b.FiscalYear == Year)));

        // A year whose 予算編成方針 was never set keeps the form as it was: the request is typed here.
        var plainYear = app.WithDb(db => Enumerable.Range(Year - 3, 3).Reverse().First(y => !db.BudgetRounds.Any(r => r.FiscalYear == y)
            && !db.BudgetRequests.Any(r => r.FiscalYear == y && r.ProjectId == outside && r.SubmittedAt != null)));
        var open = await planning.GetStringAsync($"/Budgets/{plainYear}/{outside}");
        Assert.DoesNotContain("formulation-note", open);
        Assert.False(ReadOnly(open, "Requested"));
    }
}
