using System.Globalization;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Goals;
using Komaki.Management.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.BrowserTests;

/// 対応待ち leads to the work: a head's home page lists one row per record, overdue first, and each kind of item
/// opens its exact form in one click.
[Collection(nameof(AppServer))]
public class WorkListTests(AppServer server)
{
    [Fact]
    public async Task Each_kind_of_waiting_work_opens_its_exact_form_in_one_click_from_the_home_page()
    {
        var y = new CityClock(TimeProvider.System).FiscalYear;
        var today = new CityClock(TimeProvider.System).Today;
        int goalId;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var road = await db.OrgUnits.SingleAsync(u => u.Name == "道路課");
            // Every stage of the head's work falls due five days ago.
            foreach (var (year, stage) in new[] { (y + 1, CycleStage.PlanEntry), (y + 1, CycleStage.BudgetRequest), (y + 1, CycleStage.IndicatorActuals),
                         (y, CycleStage.EvaluationFirstReview), (y, CycleStage.ExecutionMidYear), (y, CycleStage.GoalsSubmitted) })
            {
                await db.CycleDeadlines.Where(d => d.FiscalYear == year && d.Stage == stage).ExecuteDeleteAsync();
                db.CycleDeadlines.Add(new CycleDeadline { FiscalYear = year, Stage = stage, DueOn = today.AddDays(-5) });
            }
            var projects = await db.Projects.Where(p => p.OwnerUnitId == road.Id && p.RetiredAt == null).OrderBy(p => p.Code).ToListAsync();
            var indicator = await db.Indicators.Include(i => i.Values).FirstAsync(i => i.ProjectId == projects[0].Id);
            // The current year's actuals: last year's are published, so they are planning's to enter now.
            indicator.SetValue(y, indicator.Values.FirstOrDefault(v => v.FiscalYear == y)?.Target ?? 10, null);
            await db.ProjectEvaluations.Where(e => e.ProjectId == projects[1].Id && e.FiscalYear == y - 1).ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EvaluationState.Draft));
            var edition = await db.ImplementationPlans.Where(p => p.FiscalYear <= y + 1).OrderByDescending(p => p.FiscalYear).FirstAsync();
            await db.ImplementationPlanLines.Where(l => l.ImplementationPlanId == edition.Id && l.ProjectId == projects[2].Id && l.FiscalYear == y + 1).ExecuteDeleteAsync();
            var execution = await db.ExecutionPlans.FirstOrDefaultAsync(e => e.FiscalYear == y && e.OwnerUnitId == road.Id);
            if (execution is null) db.ExecutionPlans.Add(execution = new Core.Execution.ExecutionPlan { FiscalYear = y, ProjectId = projects[3].Id, OwnerUnitId = road.Id, Goal = "目標", Content = "内容" });
            (execution.MidYearStatus, execution.MidYearProgress) = (null, null);
            var goal = new OrganizationalGoal { OrgUnitId = road.Id, FiscalYear = y, Title = "対応待ちから開く目標", Reason = "理由", Indicators = [new GoalIndicator { Name = "件数", Unit = "件", Target = 5 }] };
            db.OrganizationalGoals.Add(goal);
            await db.SaveChangesAsync();
            goalId = goal.Id;
            await db.RaiseVersionsAsync(DataArea.All);
        }

        var page = await server.SignedInPageAsync("doro-kacho@komaki.example");
        // The home page lists the first rows of the same list and counts all of it (HomeWaitingTests compares them).
        Assert.True(int.Parse(await page.InnerTextAsync("#home-work-count"), CultureInfo.InvariantCulture) > 0);
        Assert.True(await page.Locator("#home-work-list a.work-link").CountAsync() > 0);
        await page.ClickAsync("#all-waiting");

        // The whole list, overdue first; every kind one click from its form.
        await page.GotoAsync(server.BaseUrl + "/Goals/Waiting");
        var expected = new Dictionary<string, Regex>
        {
            ["IndicatorActual"] = new($"/Indicators/\\d+/Values\\?focus={y}#actual-{y}$"),
            ["Evaluation"] = new($"/Evaluations/{y - 1}/\\d+$"),
            ["EvaluationReview"] = new($"/Evaluations/{y - 1}/\\d+/Steps/FirstReview$"),
            ["Goal"] = new($"/Goals/{goalId}$"),
            ["PlanLine"] = new("/ImplementationPlans/\\d+/Projects/\\d+$"),
            ["BudgetRequest"] = new($"/Budgets/{y + 1}/\\d+$"),
            ["ExecutionProgress"] = new($"/ExecutionPlans/{y}/\\d+/Progress$"),
            ["Improvement"] = new("/Improvements/\\d+$"),
        };
        var present = await page.Locator("#work-list tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)");
        foreach (var (kind, url) in expected.Where(e => present.Contains(e.Key)))
        {
            await page.GotoAsync(server.BaseUrl + "/Goals/Waiting");
            var row = page.Locator($"#work-list tr[data-kind={kind}]").First;
            // An improvement falls due with the budget request that can carry it, so the demo's older ones are later overdue.
            Assert.Contains(kind == "Improvement" ? "期限超過" : "期限超過 5日", await row.InnerTextAsync());
            await row.Locator("a.work-link").ClickAsync();
            try { await page.WaitForURLAsync(url, new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit }); }
            catch (TimeoutException) { Assert.Fail($"{kind}: opened {page.Url}, expected {url}"); }
            // The new page's heading, rather than its DOMContentLoaded event: once in a CI run the event was awaited past
            // 30 s on a page already shown at the right address.
            await page.Locator("main h1").First.WaitForAsync();
            Assert.DoesNotContain("403", await page.TitleAsync());
            if (kind == "IndicatorActual")
                await page.WaitForFunctionAsync("id => document.activeElement && document.activeElement.id === id", $"actual-{y}");
        }
        Assert.Empty(present.Distinct().Except(expected.Keys));
        Assert.Contains("IndicatorActual", present);
        Assert.Contains("Goal", present);
        Assert.Contains("EvaluationReview", present);
    }
}
