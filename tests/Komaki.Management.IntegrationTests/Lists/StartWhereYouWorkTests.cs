using System.Text.RegularExpressions;

namespace Komaki.Management.IntegrationTests.Lists;

/// Lists open where the user works: a department head's lists start at their own unit, one choice away from 全庁,
/// and the choice is kept while paging; planning's lists start city-wide.
public class StartWhereYouWorkTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static List<string> Codes(string html) => Regex.Matches(html, "<td class=\"code\">([^<]+)</td>").Select(m => m.Groups[1].Value).ToList();

    [Theory]
    [InlineData("/Evaluations?year=2025")]
    [InlineData("/PlanTree/Projects")]
    [InlineData("/ImplementationPlans/2026")]
    public async Task A_department_heads_list_opens_at_the_unit_and_全庁_is_one_choice_away(string list)
    {
        var roadCodes = app.WithDb(db => { var road = db.OrgUnits.Single(u => u.Name == "道路課").Id; return db.Projects.Where(p => p.OwnerUnitId == road).Select(p => p.Code).ToHashSet(); });
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var own = Codes(await head.GetStringAsync(list));
        Assert.NotEmpty(own);
        Assert.All(own, c => Assert.Contains(c, roadCodes));

        var sep = list.Contains('?') ? "&" : "?";
        var city = await head.GetStringAsync($"{list}{sep}UnitId=0");
        Assert.Contains(Codes(city), c => !roadCodes.Contains(c));
        // Paging keeps 全庁.
        Assert.Matches("href=\"[^\"]*UnitId=0[^\"]*page=2\"", city);

        var planning = await app.SignedInAsync("kikaku@komaki.example");
        Assert.Contains(Codes(await planning.GetStringAsync(list)), c => !roadCodes.Contains(c));
    }
}
