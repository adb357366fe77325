using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// 評価の効き目 counts only what is published (issue 31: 人工 of N+1 included 49 令和7年度 evaluations not yet published).
public sealed class BudgetEffectTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    public async Task Person_years_count_only_published_evaluations_of_both_years(int year)
    {
        using var scope = app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<BudgetEffect>().ReportAsync(year, await scope.ServiceProvider.GetRequiredService<OrgTreeProvider>().GetAsync());
        var evaluations = app.WithDb(db =>
        {
            var projects = db.BudgetLines.Where(b => b.FiscalYear == year || b.FiscalYear == year + 1).Select(b => b.ProjectId).Distinct().ToList();
            return db.ProjectEvaluations.Where(e => (e.FiscalYear == year || e.FiscalYear == year + 1) && projects.Contains(e.ProjectId))
                .Select(e => new { e.FiscalYear, e.State, e.StaffPersonYears }).ToList();
        });
        decimal Published(int y) => evaluations.Where(e => e.FiscalYear == y && e.State == EvaluationState.Published).Sum(e => e.StaffPersonYears);
        Assert.Equal(Published(year), report.Total.PersonYears);
        Assert.Equal(Published(year + 1), report.Total.NextPersonYears ?? 0);
        if (year == 2024)
            Assert.Contains(evaluations, e => e.FiscalYear == year + 1 && e.State != EvaluationState.Published && e.StaffPersonYears > 0);
    }
}
