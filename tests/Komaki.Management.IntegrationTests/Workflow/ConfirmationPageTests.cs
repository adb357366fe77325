using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Workflow;

/// Steps that cannot be undone — 提出, 版を作成, publishing or withdrawing a year, closing a forum session — are asked
/// on a page of their own that says what will happen. The button on the record's page is a link to it; opening it
/// changes nothing; its one form takes the step.
public class ConfirmationPageTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string RoadHead = "doro-kacho@komaki.example";
    private const string Planning = "kikaku@komaki.example";

    /// Follows the link with the given id on the origin page to the confirmation page.
    private static async Task<(string Url, string Html)> OpenAsync(HttpClient client, string origin, string linkId)
    {
        var html = await client.GetStringAsync(origin);
        var link = Regex.Match(html, $"<a[^>]*id=\"{linkId}\"[^>]*>|<a[^>]*href=\"[^\"]*\"[^>]*id=\"{linkId}\"[^>]*>");
        Assert.True(link.Success, $"no link #{linkId} on {origin}");
        var href = WebUtility.HtmlDecode(Regex.Match(link.Value, "href=\"([^\"]*)\"").Groups[1].Value);
        Assert.DoesNotMatch("<form[^>]*>\\s*<[^>]*id=\"" + linkId, html);
        return (href, await client.GetStringAsync(href));
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string page)
    {
        var action = WebUtility.HtmlDecode(Regex.Match(page, "<form method=\"post\" action=\"([^\"]*)\" id=\"confirm-form\"").Groups[1].Value);
        Assert.NotEqual("", action);
        var form = Regex.Match(page, "<form method=\"post\" action=\"[^\"]*\" id=\"confirm-form\".*?</form>", RegexOptions.Singleline).Value;
        return await client.PostAsync(action, KomakiFactory.Form(KomakiFactory.TokenIn(form), [.. HtmlForms.Fields(form).Select(f => (f.Key, f.Value))]));
    }

    [Fact]
    public async Task Submitting_a_goal_is_asked_on_its_own_page_and_happens_only_from_it()
    {
        var head = await app.SignedInAsync(RoadHead);
        var id = app.WithDb(db =>
        {
            var goal = new OrganizationalGoal
            {
                OrgUnitId = db.OrgUnits.Single(u => u.Name == "道路課").Id, FiscalYear = 2026, Title = "確認ページの目標", Reason = "理由",
                Indicators = [new GoalIndicator { Name = "補修件数", Unit = "件", Target = 10 }],
            };
            db.OrganizationalGoals.Add(goal);
            db.SaveChanges();
            return goal.Id;
        });

        var (url, page) = await OpenAsync(head, $"/Goals/{id}", "do-submitted");
        Assert.Equal($"/Goals/{id}/Steps/Submitted", url);
        Assert.Contains("市長・副市長と企画担当のヒアリングに回ります", page);
        Assert.Contains("道路課「確認ページの目標」", page);
        Assert.Equal(GoalState.Draft, app.WithDb(db => db.OrganizationalGoals.Single(g => g.Id == id).State));

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(head, page)).StatusCode);
        Assert.Equal(GoalState.Submitted, app.WithDb(db => db.OrganizationalGoals.Single(g => g.Id == id).State));
        // Once submitted, the page no longer offers the step: it sends the head back with the reason.
        var again = await head.GetAsync($"/Goals/{id}/Steps/Submitted");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("提出できません", await head.GetStringAsync(again.Headers.Location!.ToString()));
    }

    [Fact]
    public async Task Creating_an_edition_of_the_implementation_plan_says_what_it_copies()
    {
        var planning = await app.SignedInAsync(Planning);
        var (next, latest, lines) = app.WithDb(db =>
        {
            var last = db.ImplementationPlans.OrderByDescending(p => p.FiscalYear).First();
            return (last.FiscalYear + 1, last.Title, db.ImplementationPlanLines.Count(l => l.ImplementationPlanId == last.Id));
        });
        var (url, page) = await OpenAsync(planning, "/ImplementationPlans", "create-edition");
        Assert.Contains($"fiscalYear={next}", url);
        Assert.Contains($"{latest}の写し（{lines:N0}行）として作成します", page);
        Assert.False(app.WithDb(db => db.ImplementationPlans.Any(p => p.FiscalYear == next)));

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(planning, page)).StatusCode);
        Assert.Equal(lines, app.WithDb(db => db.ImplementationPlanLines.Count(l => l.ImplementationPlan!.FiscalYear == next)));
        // A department head cannot even open the page.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(RoadHead)).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Publishing_and_withdrawing_a_year_each_have_a_page_that_says_who_will_see_it()
    {
        var planning = await app.SignedInAsync(Planning);
        app.WithDb(db => db.Publications.Where(p => p.Kind == PublicationKind.IndicatorActuals && p.FiscalYear == 2023).ExecuteDelete());
        var html = await planning.GetStringAsync("/Publications");
        var link = Regex.Match(html, "<a class=\"btn btn-sm btn-outline-primary\" href=\"(/Publications/Publish\\?kind=IndicatorActuals&amp;year=2023)\">").Groups[1].Value;
        var page = await planning.GetStringAsync(WebUtility.HtmlDecode(link));
        Assert.Contains("公開サイト（市民向け）とオープンデータに載り、誰でも読めるようになります", page);
        Assert.False(app.WithDb(db => db.Publications.Any(p => p.Kind == PublicationKind.IndicatorActuals && p.FiscalYear == 2023)));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(planning, page)).StatusCode);
        Assert.True(app.WithDb(db => db.Publications.Any(p => p.Kind == PublicationKind.IndicatorActuals && p.FiscalYear == 2023)));

        page = await planning.GetStringAsync("/Publications/Withdraw?kind=IndicatorActuals&year=2023");
        Assert.Contains("公開サイトとオープンデータから消えます", page);
        Assert.Contains("btn-danger", page);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(planning, page)).StatusCode);
        Assert.False(app.WithDb(db => db.Publications.Any(p => p.Kind == PublicationKind.IndicatorActuals && p.FiscalYear == 2023)));
    }
}
