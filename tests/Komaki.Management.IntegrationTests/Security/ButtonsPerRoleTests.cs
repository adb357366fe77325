using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.IntegrationTests.Shared;

namespace Komaki.Management.IntegrationTests.Security;

/// Which buttons and links each demo account is shown on the pages whose views once asked access rules themselves
/// (issue 28): the controllers now decide them through the one door and the views only read the model, and every
/// role sees what it saw before.
public sealed class ButtonsPerRoleTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    /// A button or link by what marks it in the page.
    private static readonly (string Name, string Pattern)[] Buttons =
    [
        ("add-policy", "href=\"/Plan/Policy/Create"),
        ("requests-excel", "id=\"requests-excel\""),
        ("requests-excel-own", "id=\"requests-excel\"[^>]*>所属の"),
        ("requests-import", "id=\"requests-import\""),
        ("chousho-excel", "id=\"chousho-excel\""),
        ("compare-excel", "id=\"compare-excel\""),
        ("effect-excel", "id=\"effect-excel\""),
        ("publish-effect", "id=\"publish-effect\""),
        ("submit-register", "id=\"submit-register\""),
        ("next-step", "id=\"next-step\""),
        ("confirm-policy", "action=\"/Control/Policy/Confirm"),
    ];

    [Fact]
    public async Task Each_demo_account_is_shown_the_buttons_its_role_may_use()
    {
        var department = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").ParentId!.Value);
        string[] pages = ["/PlanTree", "/BudgetFormulation?year=2027", "/BudgetFormulation/2027/Compare", $"/BudgetFormulation/2027/Chousho/{department}",
            "/BudgetFormulation/Effect?year=2025", "/Control?year=2026", "/Control/Report?year=2026", "/Control/Report?year=2025", "/Control/Policy"];
        var shown = new List<string>();
        foreach (var account in LoadPages.Read().Keys.Where(a => a != LoadPages.Public).Order(StringComparer.Ordinal))
        {
            var client = await app.SignedInAsync($"{account}@komaki.example");
            foreach (var page in pages)
            {
                var response = await client.GetAsync(page);
                var html = await response.Content.ReadAsStringAsync();
                var seen = response.StatusCode == HttpStatusCode.OK
                    ? string.Join(" ", Buttons.Where(b => Regex.IsMatch(html, b.Pattern)).Select(b => b.Name))
                    : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                shown.Add($"{account} {page}: {seen}");
            }
        }
        Assert.True(Expected.SequenceEqual(shown), "now:\n" + string.Join("\n", shown.Select(s => $"\"{s}\",")));
    }

    private static readonly string[] Expected =
    [
        "admin /PlanTree: add-policy",
        "admin /BudgetFormulation?year=2027: requests-excel",
        "admin /BudgetFormulation/2027/Compare: compare-excel",
        "admin /BudgetFormulation/2027/Chousho/10: ",
        "admin /BudgetFormulation/Effect?year=2025: effect-excel",
        "admin /Control?year=2026: ",
        "admin /Control/Report?year=2026: 403",
        "admin /Control/Report?year=2025: 403",
        "admin /Control/Policy: ",
        "doro-kacho /PlanTree: ",
        "doro-kacho /BudgetFormulation?year=2027: requests-excel requests-excel-own requests-import",
        "doro-kacho /BudgetFormulation/2027/Compare: compare-excel",
        "doro-kacho /BudgetFormulation/2027/Chousho/10: ",
        "doro-kacho /BudgetFormulation/Effect?year=2025: effect-excel",
        "doro-kacho /Control?year=2026: submit-register",
        "doro-kacho /Control/Report?year=2026: 403",
        "doro-kacho /Control/Report?year=2025: 403",
        "doro-kacho /Control/Policy: ",
        "doro-tanto /PlanTree: ",
        "doro-tanto /BudgetFormulation?year=2027: requests-excel requests-excel-own requests-import",
        "doro-tanto /BudgetFormulation/2027/Compare: compare-excel",
        "doro-tanto /BudgetFormulation/2027/Chousho/10: ",
        "doro-tanto /BudgetFormulation/Effect?year=2025: effect-excel",
        "doro-tanto /Control?year=2026: ",
        "doro-tanto /Control/Report?year=2026: 403",
        "doro-tanto /Control/Report?year=2025: 403",
        "doro-tanto /Control/Policy: ",
        "gyosei /PlanTree: ",
        "gyosei /BudgetFormulation?year=2027: requests-excel requests-excel-own requests-import",
        "gyosei /BudgetFormulation/2027/Compare: compare-excel",
        "gyosei /BudgetFormulation/2027/Chousho/10: 403",
        "gyosei /BudgetFormulation/Effect?year=2025: effect-excel",
        "gyosei /Control?year=2026: next-step",
        "gyosei /Control/Report?year=2026: ",
        "gyosei /Control/Report?year=2025: ",
        "gyosei /Control/Policy: ",
        "hyoka /PlanTree: 403",
        "hyoka /BudgetFormulation?year=2027: 403",
        "hyoka /BudgetFormulation/2027/Compare: 403",
        "hyoka /BudgetFormulation/2027/Chousho/10: 403",
        "hyoka /BudgetFormulation/Effect?year=2025: 403",
        "hyoka /Control?year=2026: 403",
        "hyoka /Control/Report?year=2026: 403",
        "hyoka /Control/Report?year=2025: 403",
        "hyoka /Control/Policy: 403",
        "jinji /PlanTree: ",
        "jinji /BudgetFormulation?year=2027: ",
        "jinji /BudgetFormulation/2027/Compare: compare-excel",
        "jinji /BudgetFormulation/2027/Chousho/10: 403",
        "jinji /BudgetFormulation/Effect?year=2025: effect-excel",
        "jinji /Control?year=2026: ",
        "jinji /Control/Report?year=2026: 403",
        "jinji /Control/Report?year=2025: 403",
        "jinji /Control/Policy: ",
        "kansa /PlanTree: 403",
        "kansa /BudgetFormulation?year=2027: 403",
        "kansa /BudgetFormulation/2027/Compare: 403",
        "kansa /BudgetFormulation/2027/Chousho/10: 403",
        "kansa /BudgetFormulation/Effect?year=2025: 403",
        "kansa /Control?year=2026: 403",
        "kansa /Control/Report?year=2026: ",
        "kansa /Control/Report?year=2025: ",
        "kansa /Control/Policy: 403",
        "kikaku /PlanTree: add-policy",
        "kikaku /BudgetFormulation?year=2027: requests-excel",
        "kikaku /BudgetFormulation/2027/Compare: compare-excel",
        "kikaku /BudgetFormulation/2027/Chousho/10: ",
        "kikaku /BudgetFormulation/Effect?year=2025: effect-excel",
        "kikaku /Control?year=2026: ",
        "kikaku /Control/Report?year=2026: ",
        "kikaku /Control/Report?year=2025: ",
        "kikaku /Control/Policy: ",
        "shicho /PlanTree: ",
        "shicho /BudgetFormulation?year=2027: requests-excel",
        "shicho /BudgetFormulation/2027/Compare: compare-excel",
        "shicho /BudgetFormulation/2027/Chousho/10: ",
        "shicho /BudgetFormulation/Effect?year=2025: effect-excel",
        "shicho /Control?year=2026: ",
        "shicho /Control/Report?year=2026: ",
        "shicho /Control/Report?year=2025: ",
        "shicho /Control/Policy: ",
        "somu /PlanTree: ",
        "somu /BudgetFormulation?year=2027: requests-excel requests-excel-own requests-import",
        "somu /BudgetFormulation/2027/Compare: compare-excel",
        "somu /BudgetFormulation/2027/Chousho/10: 403",
        "somu /BudgetFormulation/Effect?year=2025: effect-excel",
        "somu /Control?year=2026: ",
        "somu /Control/Report?year=2026: ",
        "somu /Control/Report?year=2025: ",
        "somu /Control/Policy: ",
        "zaisei /PlanTree: ",
        "zaisei /BudgetFormulation?year=2027: requests-excel",
        "zaisei /BudgetFormulation/2027/Compare: compare-excel",
        "zaisei /BudgetFormulation/2027/Chousho/10: chousho-excel",
        "zaisei /BudgetFormulation/Effect?year=2025: effect-excel publish-effect",
        "zaisei /Control?year=2026: ",
        "zaisei /Control/Report?year=2026: 403",
        "zaisei /Control/Report?year=2025: 403",
        "zaisei /Control/Policy: ",
    ];
}
