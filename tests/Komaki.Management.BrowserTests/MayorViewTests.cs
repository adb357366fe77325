using System.Text.RegularExpressions;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.BrowserTests;

/// The mayor signs in and lands on the mayor's view; every figure on it is checked against the records, and a
/// 主要事業 newly reported late appears at once with its reason, one click from its plan.
[Collection(nameof(AppServer))]
public class MayorViewTests(AppServer server)
{
    [Fact]
    public async Task The_mayor_lands_on_the_view_whose_figures_match_the_records_and_a_new_delay_shows_with_its_reason()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var plan = (await PlanRollUp.CurrentBasicPlanAsync(db, 2025))!;
        var now = await PlanRollUp.LoadAsync(db, plan.Id, 2025);
        var before = (await PlanRollUp.LoadAsync(db, plan.Id, 2024)).ToDictionary(p => p.Id);
        var lines = await db.BudgetLines.Where(b => b.FiscalYear == 2025).Select(b => new { b.Initial, b.Supplementary, b.Settled }).ToListAsync();
        var budget = lines.Sum(l => (l.Initial ?? 0) + (l.Supplementary ?? 0));
        var settled = lines.Sum(l => l.Settled ?? 0);
        var term = await db.MayorTerms.OrderByDescending(t => t.StartDate).FirstAsync();
        var areas = await db.ManifestoItems.Where(i => i.MayorTermId == term.Id).GroupBy(i => i.Area).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var execution = await db.ExecutionPlans.Include(e => e.Project)
            .Where(e => e.FiscalYear == new CityClock(TimeProvider.System).FiscalYear && e.MidYearStatus != ProgressStatus.Delayed && e.YearEndStatus == null).OrderBy(e => e.Id).FirstAsync();
        var delayedBefore = await db.ExecutionPlans.CountAsync(e => e.FiscalYear == new CityClock(TimeProvider.System).FiscalYear
            && (e.YearEndStatus == ProgressStatus.Delayed || (e.YearEndStatus == null && e.MidYearStatus == ProgressStatus.Delayed)));

        var page = await server.SignedInPageAsync("shicho@komaki.example");
        Assert.EndsWith("/Board/Mayor", page.Url);

        foreach (var p in now)
        {
            var row = page.Locator($"#policy-rollup tr[data-policy='{p.Code}']");
            Assert.Contains(Display.Percent(p.Result.Percent), await row.Locator("td").Nth(1).InnerTextAsync());
            Assert.Equal(Display.Percent(before[p.Id].Result.Percent), (await row.Locator("td.last-year").InnerTextAsync()).Trim());
        }
        Assert.Equal(now.Count, await page.Locator("#policy-chart .bar-track").CountAsync());
        Assert.Equal(Display.Percent(Math.Round(settled * 100m / budget, 1)), (await page.InnerTextAsync("#execution-total")).Trim());
        foreach (var a in areas)
            Assert.Equal(a.Count.ToString(), (await page.Locator($"#manifesto-areas tr[data-area='{a.Key}'] td").Last.InnerTextAsync()).Trim());
        Assert.Equal(delayedBefore, await page.Locator("#delayed tbody tr").CountAsync());

        // The measures listed as 前年より悪くなった are exactly those whose achievement fell (MeasureStandings), no other.
        var measures = now.SelectMany(p => p.Measures).ToDictionary(m => m.Code);
        var lastMeasures = before.Values.SelectMany(p => p.Measures).ToDictionary(m => m.Id);
        var expected = measures.Values.Where(m => MeasureStandings.WorseThanLastYear(m.Result, lastMeasures.GetValueOrDefault(m.Id)?.Result ?? RolledUp.None)).Select(m => m.Code).Order().ToList();
        var listed = (await page.Locator("#worsened tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.measure)")).Order().ToList();
        Assert.Equal(expected, listed);

        // A department reports a delay: the mayor sees it on the next look, with the reason, and opens the plan.
        execution.MidYearStatus = ProgressStatus.Delayed;
        execution.MidYearProgress = "用地交渉が長引き、工事の発注が3か月遅れている。";
        await db.SaveChangesAsync();
        await page.ReloadAsync();
        var delayed = page.Locator($"#delayed tr[data-project='{execution.Project!.Code}']");
        Assert.Contains("用地交渉が長引き、工事の発注が3か月遅れている。", await delayed.InnerTextAsync());
        await delayed.Locator("a").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/ExecutionPlans/{execution.FiscalYear}/{execution.ProjectId}$"));
    }
}
