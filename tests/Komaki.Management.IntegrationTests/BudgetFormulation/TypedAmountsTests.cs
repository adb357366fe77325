using System.Net;
using System.Text.RegularExpressions;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// Every amount field of 予算編成's forms (千円) refuses an exponent and a fraction finer than one yen beside the field
/// (issue 31: "1e3" was stored as 1,000 千円 and "0.0004" rounded to 0 円). The fields are found on the page.
public sealed class TypedAmountsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static readonly string[] Refused = ["1e3", "1E-3", "0.0004"];

    private static List<string> AmountFields(string page) =>
        Regex.Matches(page, "<input[^>]*name=\"([^\"]+)\"[^>]*inputmode=\"decimal\"").Select(m => m.Groups[1].Value).Distinct().ToList();

    [Fact]
    public async Task Every_amount_field_of_the_request_form_refuses_an_exponent_and_a_fraction_below_a_yen()
    {
        var project = app.WithDb(db => db.Projects.Where(p => p.RetiredAt == null && db.OrgUnits.Any(u => u.Id == p.OwnerUnitId && u.Name == "道路課")).OrderBy(p => p.Id).Select(p => p.Id).First());
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        var url = $"/BudgetFormulation/2031/Request/{project}";
        var page = await staff.GetStringAsync(url);
        var amounts = AmountFields(page);
        Assert.Contains("Expenditure", amounts);
        Assert.Contains("General", amounts);
        Assert.Contains(amounts, f => f.StartsWith("Setsu[", StringComparison.Ordinal));
        var fields = HtmlForms.Fields(page, url);
        foreach (var f in amounts) fields[f] = "";
        (fields["Expenditure"], fields["National"], fields["Prefectural"], fields["Bonds"], fields["OtherSpecific"], fields["General"], fields["Reason"]) = ("1000", "0", "0", "0", "0", "1000", "舗装の打ち替え");
        foreach (var field in amounts)
            foreach (var text in Refused)
            {
                var sent = new Dictionary<string, string>(fields) { [field] = text };
                var response = await staff.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. sent.Select(x => (x.Key, x.Value))]));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("千円単位の数値で入力してください", await response.Content.ReadAsStringAsync());
                Assert.False(app.WithDb(db => db.BudgetRequests.Any(r => r.FiscalYear == 2031 && r.ProjectId == project)), $"{field} = {text} was stored");
            }
        var saved = await staff.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. fields.Select(x => (x.Key, x.Value)).Select(x => x.Key == "Expenditure" ? (x.Key, "1000.001") : x.Key == "General" ? (x.Key, "1000.001") : x)]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1_000_001, app.WithDb(db => db.BudgetRequests.Single(r => r.FiscalYear == 2031 && r.ProjectId == project).Expenditure));
    }

    [Fact]
    public async Task Every_frame_on_the_policy_page_refuses_an_exponent_and_a_fraction_below_a_yen()
    {
        var finance = await app.SignedInAsync("zaisei@komaki.example");
        var url = "/BudgetFormulation/2027/Policy";
        var page = await finance.GetStringAsync(url);
        var fields = History.AuditedEntitiesTests.PolicyFields(page);
        var frames = fields.Keys.Where(k => k.StartsWith("Frames[", StringComparison.Ordinal) && k.EndsWith(".GeneralFund", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(frames);
        var before = app.WithDb(db => db.BudgetRounds.Single(r => r.FiscalYear == 2027).Version);
        foreach (var text in Refused)
        {
            var sent = new Dictionary<string, string>(fields) { [frames[0]] = text };
            var response = await finance.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. sent.Select(x => (x.Key, x.Value))]));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("千円単位の数値で入力してください", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, app.WithDb(db => db.BudgetRounds.Single(r => r.FiscalYear == 2027).Version));
    }
}
