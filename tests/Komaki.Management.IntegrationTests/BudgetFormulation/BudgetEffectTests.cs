using System.Text.RegularExpressions;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// 評価の効き目 of evaluation year N counts the verdicts given in N (the published evaluations of FiscalYear N−1) from
/// N's 当初予算 — the budget in force when they were given — into N+1's; the verdict beside a request is the verdict the
/// report counts for that budget; 人工 are those of the published evaluations given in N and N+1; and a project is
/// counted in the 部 that requested it, as 予算編成 counts it.
public sealed class BudgetEffectTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private async Task<(EffectReport Report, OrgTree Org)> ReportAsync(int year)
    {
        using var scope = app.Services.CreateScope();
        var org = await scope.ServiceProvider.GetRequiredService<OrgTreeProvider>().GetAsync();
        return (await scope.ServiceProvider.GetRequiredService<BudgetEffect>().ReportAsync(year, org), org);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public async Task Person_years_count_only_published_evaluations_given_in_the_year_and_the_next(int year)
    {
        var (report, _) = await ReportAsync(year);
        var evaluations = app.WithDb(db =>
        {
            var projects = db.BudgetLines.Where(b => b.FiscalYear == year || b.FiscalYear == year + 1).Select(b => b.ProjectId).Distinct().ToList();
            return db.ProjectEvaluations.Where(e => (e.FiscalYear == year - 1 || e.FiscalYear == year) && projects.Contains(e.ProjectId))
                .Select(e => new { e.FiscalYear, e.State, e.StaffPersonYears }).ToList();
        });
        decimal Published(int y) => evaluations.Where(e => e.FiscalYear == y && e.State == EvaluationState.Published).Sum(e => e.StaffPersonYears);
        // Given in N: the evaluations of N−1's projects; given in N+1: those of N's.
        Assert.Equal(Published(year - 1), report.Total.PersonYears);
        Assert.Equal(Published(year), report.Total.NextPersonYears ?? 0);
        if (year == 2025)
        {
            Assert.True(report.Total.PersonYears > 0);
            Assert.Contains(evaluations, e => e.FiscalYear == year && e.State != EvaluationState.Published && e.StaffPersonYears > 0);
        }
    }

    /// Every project with a budget in the requested year: the verdict its lines are checked against and shown beside is
    /// the verdict 評価の効き目 counts for that budget — for the budget being compiled (令和9年度, beside the verdicts
    /// given in 令和8年度) and for the one in force (令和8年度, whose requests came before 令和8年度's verdicts existed).
    [Theory]
    [InlineData(2027)]
    [InlineData(2026)]
    public async Task The_verdict_beside_a_request_is_the_verdict_the_effect_report_counts_for_its_budget(int budgetYear)
    {
        var years = EvaluationYears.Informing(budgetYear);
        Assert.Equal(budgetYear, years.InformedBudget);
        var ids = app.WithDb(db => db.BudgetLines.Where(b => b.FiscalYear == budgetYear).Select(b => b.ProjectId).Distinct().ToList());
        Dictionary<int, LineContext> context;
        using (var scope = app.Services.CreateScope())
            context = await scope.ServiceProvider.GetRequiredService<BudgetFormulationPages>().ContextAsync(budgetYear, ids);
        var (report, _) = await ReportAsync(years.EvaluationYear);
        Assert.All(ids, id => Assert.Equal(report.Places[id].Verdict, context[id].Verdict));
        Assert.All(ids, id => Assert.Equal(years, context[id].Years));
        Assert.Contains(ids, id => context[id].Verdict is not null);

        // The verdicts given before the budget was requested — not a later one, not an earlier one kept in their place.
        var published = app.WithDb(db => db.ProjectEvaluations.Where(e => e.State == EvaluationState.Published && ids.Contains(e.ProjectId))
            .Select(e => new { e.ProjectId, e.FiscalYear, Verdict = e.SecondDirection ?? e.FirstDirection }).ToList());
        Assert.All(ids, id => Assert.Equal(published.SingleOrDefault(e => e.ProjectId == id && e.FiscalYear == years.Evaluated)?.Verdict, context[id].Verdict));
        var latestBefore = published.Where(e => e.FiscalYear < budgetYear).GroupBy(e => e.ProjectId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.FiscalYear)!);
        Assert.Contains(ids, id => latestBefore.TryGetValue(id, out var l) && l.FiscalYear != years.Evaluated);

        // The request's page shows the same verdict, in the city's words, with both years.
        var request = app.WithDb(db => db.BudgetRequests.Where(r => r.FiscalYear == budgetYear).Select(r => new { r.Id, r.ProjectId }).ToList())
            .FirstOrDefault(r => context[r.ProjectId].Verdict is not null);
        if (request is null) return;
        var page = await (await app.SignedInAsync("zaisei@komaki.example")).GetStringAsync($"/BudgetFormulation/{budgetYear}/Lines/{request.Id}");
        using (var scope = app.Services.CreateScope())
        {
            var directions = scope.ServiceProvider.GetRequiredService<DirectionCatalog>();
            Assert.Equal(directions.Label(report.Places[request.ProjectId].Verdict!.Value), Regex.Match(page, "<dd class=\"col-7\" data-verdict>([^<]*)</dd>").Groups[1].Value);
        }
        Assert.Contains($"{years.Words}", page);
    }

    /// A project that changed owner is counted where 予算編成 counts it: in the 部 of the 課 that made the N+1 request;
    /// without a request, in the 部 of the 課 that carried out its evaluation in N; with neither, its owner's now.
    [Fact]
    public async Task A_project_that_changed_owner_is_counted_in_the_department_that_requested_or_evaluated_it()
    {
        const int year = 2026;
        var (before, org) = await ReportAsync(year);
        var (requested, requestUnit) = app.WithDb(db => db.BudgetRequests.Where(r => r.FiscalYear == year + 1 && db.Projects.Any(p => p.Id == r.ProjectId && p.OwnerUnitId == r.OrgUnitId))
            .OrderBy(r => r.Id).Select(r => new { r.ProjectId, r.OrgUnitId }).AsEnumerable().Select(r => (r.ProjectId, r.OrgUnitId)).First());
        var (evaluated, evaluationUnit) = app.WithDb(db => db.ProjectEvaluations.Where(e => e.FiscalYear == year - 1
                && !db.BudgetRequests.Any(r => r.FiscalYear == year + 1 && r.ProjectId == e.ProjectId)
                && db.BudgetLines.Any(b => b.ProjectId == e.ProjectId && (b.FiscalYear == year || b.FiscalYear == year + 1)))
            .OrderBy(e => e.Id).Select(e => new { e.ProjectId, e.OwnerUnitId }).AsEnumerable().Select(e => (e.ProjectId, e.OwnerUnitId)).First());
        var neither = app.WithDb(db => db.BudgetLines.Where(b => (b.FiscalYear == year || b.FiscalYear == year + 1)
                && !db.BudgetRequests.Any(r => r.FiscalYear == year + 1 && r.ProjectId == b.ProjectId)
                && !db.ProjectEvaluations.Any(e => e.FiscalYear == year - 1 && e.ProjectId == b.ProjectId))
            .OrderBy(b => b.Id).Select(b => (int?)b.ProjectId).FirstOrDefault());
        Assert.Equal(org.DepartmentOf(requestUnit)?.Id, before.Places[requested].DepartmentId);
        Assert.Equal(org.DepartmentOf(evaluationUnit)?.Id, before.Places[evaluated].DepartmentId);

        // Each project moves to a 課 of another 部.
        int Elsewhere(int unit) => org.Flatten().Select(f => f.Unit).Where(u => u.ParentId is not null && org.DepartmentOf(u.Id) is { } d && d.Id != org.DepartmentOf(unit)?.Id && d.Id != u.Id)
            .OrderBy(u => u.Id).First().Id;
        var moved = new[] { requested, evaluated }.Concat(neither is int n ? [n] : []).ToList();
        var owners = app.WithDb(db => db.Projects.Where(p => moved.Contains(p.Id)).ToDictionary(p => p.Id, p => p.OwnerUnitId));
        try
        {
            app.WithDb(db =>
            {
                foreach (var p in db.Projects.Where(p => moved.Contains(p.Id))) p.OwnerUnitId = Elsewhere(p.OwnerUnitId);
                return db.SaveChanges();
            });
            var (after, _) = await ReportAsync(year);
            Assert.Equal(before.Places[requested].DepartmentId, after.Places[requested].DepartmentId);
            Assert.Equal(before.Places[evaluated].DepartmentId, after.Places[evaluated].DepartmentId);
            if (neither is int only)
            {
                var now = app.WithDb(db => db.Projects.Single(p => p.Id == only).OwnerUnitId);
                Assert.Equal(org.DepartmentOf(now)?.Id, after.Places[only].DepartmentId);
                Assert.NotEqual(before.Places[only].DepartmentId, after.Places[only].DepartmentId);
            }
            // Nothing is lost or counted twice: the totals are the same.
            Assert.Equal(before.Total, after.Total);
        }
        finally
        {
            app.WithDb(db =>
            {
                foreach (var p in db.Projects.Where(p => moved.Contains(p.Id))) p.OwnerUnitId = owners[p.Id];
                return db.SaveChanges();
            });
        }
    }
}
