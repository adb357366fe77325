using System.Net;
using AngleSharp.Html.Parser;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Core.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Control;

/// 人件費 of the reconciliation costs each post at the unit cost of its 職種 and 任用形態: a 会計年度任用 post at its own
/// unit cost, a post whose 任用形態 has none at its 職種's; the formula on the page names the unit cost used.
public sealed class StaffingUnitCostTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task A_fiscal_year_appointed_post_is_costed_at_its_own_unit_cost_and_the_rest_at_their_job_types()
    {
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var lines = app.WithDb(db => db.StaffingLines.AsNoTracking().Where(l => l.FiscalYear == 2025 && l.OrgUnitId == road).ToList());
        var appointed = lines.First(l => l.Employment == EmploymentType.FiscalYearAppointed);
        var personnel = await app.SignedInAsync("jinji@komaki.example");

        var page = await new HtmlParser().ParseDocumentAsync(await personnel.GetStringAsync("/Staffing/Year/2025"));
        var own = StaffingYearForm.CostField(appointed.JobType, EmploymentType.FiscalYearAppointed);
        var fields = page.QuerySelectorAll("#year-form input").Where(i => i.GetAttribute("name") is { } n && !n.StartsWith("__", StringComparison.Ordinal))
            .Select(i => (i.GetAttribute("name")!, i.GetAttribute("name") == own ? "2,100,000" : i.GetAttribute("value") ?? "")).ToArray();
        Assert.Contains(fields, f => f.Item1 == own);
        var token = await KomakiFactory.TokenAsync(personnel, "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, (await personnel.PostAsync("/Staffing/Year/2025", KomakiFactory.Form(token, fields))).StatusCode);

        var settings = app.WithDb(db => db.StaffingYears.AsNoTracking().Include(y => y.UnitCosts).Single(y => y.FiscalYear == 2025));
        Assert.Equal(2_100_000, settings.CostOf(appointed.JobType, EmploymentType.FiscalYearAppointed));
        var jobCost = settings.UnitCosts.Single(c => c.JobType == appointed.JobType && c.Employment == null).CostPerPersonYear;
        Assert.NotEqual(2_100_000, jobCost);
        Assert.Equal(jobCost, settings.CostOf(appointed.JobType, EmploymentType.Regular));

        var html = await new HtmlParser().ParseDocumentAsync(await personnel.GetStringAsync("/Staffing/Reconcile?year=2025"));
        var formula = html.QuerySelector($"tr[data-unit='{road}'] [data-cost-formula]")!.TextContent;
        var staff = lines.Where(l => l.JobType == appointed.JobType && l.Employment == EmploymentType.FiscalYearAppointed).Sum(l => l.ActualApril1 ?? l.Allocated);
        Assert.Contains($"{appointed.JobType.Label()}（会計年度任用）{staff:0.##}人×2,100,000円", formula);
        foreach (var regular in lines.Where(l => l.Employment == EmploymentType.Regular).GroupBy(l => l.JobType))
            Assert.Contains($"{regular.Key.Label()}（正規）{regular.Sum(l => l.ActualApril1 ?? l.Allocated):0.##}人×{settings.CostOf(regular.Key, EmploymentType.Regular):N0}円", formula);

        var expected = lines.GroupBy(l => (l.JobType, l.Employment))
            .Sum(g => (long)Math.Round(g.Sum(l => l.ActualApril1 ?? l.Allocated) * settings.CostOf(g.Key.JobType, g.Key.Employment), MidpointRounding.AwayFromZero));
        using var scope = app.Services.CreateScope();
        var reconciled = await scope.ServiceProvider.GetRequiredService<StaffingPages>()
            .ReconcileAsync(2025, await scope.ServiceProvider.GetRequiredService<Komaki.Management.Web.Infrastructure.OrgTreeProvider>().GetAsync());
        Assert.Equal(expected, reconciled.Single(r => r.UnitId == road).StaffCost);
    }
}
