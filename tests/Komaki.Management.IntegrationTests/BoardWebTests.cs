using System.Text.RegularExpressions;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Goals;

namespace Komaki.Management.IntegrationTests;

public class BoardWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task The_board_shows_where_each_division_stands_with_figures_that_match_the_records()
    {
        var client = await app.SignedInAsync("shicho@komaki.example");
        var html = await client.GetStringAsync("/Board?year=2026");
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var row = Regex.Match(html, "<tr>\\s*<td class=\"small\">都市建設部</td>\\s*<td>道路課</td>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var cells = Regex.Matches(row, "<td class=\"num[^\"]*\">(?:<a [^>]*>)?([^<]*)").Select(m => m.Groups[1].Value.Trim()).ToList();

        var (goals, agreed, evaluable, reviewed, open) = app.WithDb(db => (
            db.OrganizationalGoals.Count(g => g.FiscalYear == 2026 && g.OrgUnitId == road),
            db.OrganizationalGoals.Count(g => g.FiscalYear == 2026 && g.OrgUnitId == road && g.State >= GoalState.Agreed && g.State != GoalState.ChangesRequested),
            db.Projects.Count(p => p.OwnerUnitId == road && p.StartYear <= 2025 && (p.EndYear == null || p.EndYear >= 2025)),
            db.ProjectEvaluations.Count(e => e.FiscalYear == 2025 && e.OwnerUnitId == road && e.State >= EvaluationState.SecondReviewed),
            db.ImprovementActions.Count(a => a.OwnerUnitId == road && a.State == ImprovementState.Open)));
        Assert.Equal($"{agreed}/{goals}", cells[3]);
        Assert.Equal($"{reviewed}/{evaluable}", cells[5]);
        Assert.Equal(open.ToString(), cells[7]);
        Assert.EndsWith("%", cells[8]);
    }
}
