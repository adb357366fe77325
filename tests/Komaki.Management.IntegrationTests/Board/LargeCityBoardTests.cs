using System.Text.RegularExpressions;
using Komaki.Management.Core.Organization;
using Komaki.Management.IntegrationTests.Shared;
using Komaki.Management.Web.Features.Board;

namespace Komaki.Management.IntegrationTests.Board;

/// On a city of more divisions than a screen can list (issue 29), the PDCA board shows each department's totals and
/// opens one department's divisions on request, so the page stays small, and the totals are its divisions' figures.
public class LargeCityBoardTests(LargerCityFactory large) : IClassFixture<LargerCityFactory>
{
    private static string Cell(string row, string stage) =>
        Regex.Match(row, $"data-stage=\"{stage}\">\\s*(?:<a [^>]*>)?([^<]*)").Groups[1].Value.Trim();

    [Fact]
    public async Task The_board_of_a_large_city_shows_departments_and_opens_one_with_figures_that_add_up()
    {
        var (road, department, divisions) = large.WithDb(db =>
        {
            var org = new OrgTree(db.OrgUnits.ToList());
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            var department = org.DepartmentOf(road)!.Id;
            return (road, department, org.Flatten(u => u.IsValidIn(2026)).Count(x => x.Unit.Level == OrgUnitLevel.Division));
        });
        Assert.True(divisions > BoardController.FoldAboveDivisions);
        var client = await large.SignedInAsync("kikaku@komaki.example");

        var folded = await client.GetStringAsync("/Board?year=2026");
        Assert.Contains("id=\"board-folded\"", folded);
        Assert.DoesNotContain("<tr data-unit=", folded);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(folded) < 150 * 1024, $"{folded.Length / 1024} KB");
        Assert.Contains($"href=\"/Board?year=2026&amp;open={department}#d-{department}\"", folded);

        var opened = await client.GetStringAsync($"/Board?year=2026&open={department}");
        var total = Regex.Match(opened, $"<tr data-department=\"{department}\".*?</tr>", RegexOptions.Singleline).Value;
        var rows = Regex.Matches(opened, "<tr data-unit=\"\\d+\">.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Contains(rows, r => r.StartsWith($"<tr data-unit=\"{road}\">", StringComparison.Ordinal));
        foreach (var stage in new[] { "BudgetRequest", "GoalsAgreed", "EvaluationSecondReview", "Settlement" })
        {
            var sum = rows.Select(r => Cell(r, stage)).Where(c => c.Contains('/')).Select(c => c.Split('/').Select(int.Parse).ToArray())
                .Aggregate((Done: 0, Of: 0), (a, c) => (a.Done + c[0], a.Of + c[1]));
            Assert.Equal(sum.Of == 0 ? "－" : $"{sum.Done}/{sum.Of}", Cell(total, stage));
        }
        // The department's figure leads to the list of all its divisions.
        Assert.Contains($"href=\"/Budgets?year=2026&amp;unitId={department}\"", total);
    }
}
