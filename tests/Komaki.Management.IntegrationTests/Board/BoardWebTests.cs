using System.Text.RegularExpressions;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.IntegrationTests.Board;

public class BoardWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task The_board_shows_where_each_division_stands_with_figures_that_match_the_records()
    {
        var client = await app.SignedInAsync("shicho@komaki.example");
        var html = await client.GetStringAsync("/Board?year=2026");
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var units = app.WithDb(db => new OrgTree(db.OrgUnits.ToList()).SelfAndDescendants(road).ToList());
        var row = Regex.Match(html, $"<tr data-unit=\"{road}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        string Cell(string stage) => Regex.Match(row, $"data-stage=\"{stage}\">\\s*(?:<a [^>]*>)?([^<]*)").Groups[1].Value.Trim();
        var open = Regex.Match(row, "<td class=\"num[^\"]*\"><a [^>]*Improvements[^>]*>([^<]*)</a></td>").Groups[1].Value;

        var (goals, agreed, evaluable, reviewed, published, openCount, settled) = app.WithDb(db => (
            db.OrganizationalGoals.Count(g => g.FiscalYear == 2026 && units.Contains(g.OrgUnitId)),
            db.OrganizationalGoals.Count(g => g.FiscalYear == 2026 && units.Contains(g.OrgUnitId) && g.State >= GoalState.Agreed),
            db.Projects.Count(p => units.Contains(p.OwnerUnitId) && p.StartYear <= 2025 && (p.EndYear == null || p.EndYear >= 2025)),
            db.ProjectEvaluations.Count(e => e.FiscalYear == 2025 && units.Contains(e.OwnerUnitId) && e.State >= EvaluationState.SecondReviewed),
            db.ProjectEvaluations.Count(e => e.FiscalYear == 2025 && units.Contains(e.OwnerUnitId) && e.State == EvaluationState.Published),
            db.ImprovementActions.Count(a => units.Contains(a.OwnerUnitId) && a.State == ImprovementState.Open),
            db.BudgetLines.Count(b => b.FiscalYear == 2025 && b.Settled != null && units.Contains(b.Project!.OwnerUnitId) && b.Project.StartYear <= 2025 && (b.Project.EndYear == null || b.Project.EndYear >= 2025))));
        Assert.Equal($"{agreed}/{goals}", Cell("GoalsAgreed"));
        Assert.Equal($"{reviewed}/{evaluable}", Cell("EvaluationSecondReview"));
        Assert.Equal($"{published}/{evaluable}", Cell("EvaluationPublished"));
        Assert.Equal($"{settled}/{evaluable}", Cell("Settlement"));
        Assert.Equal(openCount.ToString(), open);
        Assert.Matches(@"^\d+/\d+$", Cell("IndicatorActuals"));
        // Each stage's heading carries its due date, year included.
        Assert.Contains("〜令和7年<wbr />8月31日", html); // with its year: the plan entry for 令和8年度 was due in 令和7年
    }
}
