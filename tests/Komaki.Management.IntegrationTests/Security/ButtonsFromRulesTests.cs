using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.IntegrationTests.Shared;

namespace Komaki.Management.IntegrationTests.Security;

/// A button shows exactly when its step would be accepted (issue 28): the pages whose views once asked the reader's
/// roles now read the answer of the rule the step itself asks. For every demo account, each button below is shown
/// if and only if its target admits that account — a button hidden from someone the step would admit fails, and so
/// does one shown to someone it would refuse.
public sealed class ButtonsFromRulesTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    /// A page, what marks the button on it, and the step it leads to (a GET, or a POST of a form the step refuses to
    /// save so nothing changes): accepted when it answers 200.
    private sealed record Button(string Page, string Pattern, string Target, (string Key, string Value)[]? Post = null);

    private static readonly Button[] Buttons =
    [
        new("/Evaluations?year=2025", "href=\"/Imports/evaluations/2025/Upload", "/Imports/evaluations/2025/Upload"),
        new("/Evaluations?year=2025", "href=\"/Imports/evaluations/2025/Export", "/Imports/evaluations/2025/Export"),
        new("/ExecutionPlans?year=2026", "href=\"/Imports/execution-plan/2026/Upload", "/Imports/execution-plan/2026/Upload"),
        new("/ExecutionPlans?year=2026", "href=\"/Imports/execution-plan/2026/Export", "/Imports/execution-plan/2026/Export"),
        new("/Forum", "href=\"/Forum/Create\"", "/Forum/Create"),
        new("/Reports/Results?year=2025", "id=\"submit-report\"", "/Reports/Results/Submit?year=2025"),
        new("/Board/Bands", "name=\"rows\\[0\\].Grade\"", "/Board/Bands", [("rows[0].Grade", "S"), ("rows[0].Label", "達成"), ("rows[0].MinPercent", "百"), ("rows[0].Color", "#1a7f37")]),
    ];

    [Fact]
    public async Task Each_button_shows_exactly_when_its_step_admits_the_reader()
    {
        var wrong = new List<string>();
        var shownSomewhere = new HashSet<Button>();
        foreach (var account in LoadPages.Read().Keys.Where(a => a != LoadPages.Public).Order(StringComparer.Ordinal))
        {
            var client = await app.SignedInAsync($"{account}@komaki.example");
            foreach (var b in Buttons)
            {
                var page = await client.GetAsync(b.Page);
                var shown = page.StatusCode == HttpStatusCode.OK && Regex.IsMatch(await page.Content.ReadAsStringAsync(), b.Pattern);
                var target = b.Post is null ? await client.GetAsync(b.Target)
                    : await client.PostAsync(b.Target, KomakiFactory.Form(await KomakiFactory.TokenAsync(client, "/Account/ChangePassword"), b.Post));
                var accepted = target.StatusCode == HttpStatusCode.OK;
                if (shown) shownSomewhere.Add(b);
                if (shown != accepted) wrong.Add($"{account} {b.Page} {b.Pattern}: {(shown ? "shown" : "hidden")}, the step answers {(int)target.StatusCode}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(Buttons.Length, shownSomewhere.Count);
    }
}
