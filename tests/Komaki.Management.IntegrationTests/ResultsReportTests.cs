using System.Net;
using ClosedXML.Excel;

namespace Komaki.Management.IntegrationTests;

public class ResultsReportTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task The_results_report_of_a_settled_year_downloads_in_plan_order_with_totals_that_reconcile()
    {
        var client = await app.SignedInAsync("shicho@komaki.example");
        var response = await client.GetAsync("/Reports/Results/Export?year=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var wb = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var ws = wb.Worksheet("主要施策成果説明書");
        var rows = ws.RowsUsed().Where(r => r.RowNumber() > 3).Select(r => (Kind: r.Cell(1).GetString(), Code: r.Cell(2).GetString(), Amount: r.Cell(6).IsEmpty() ? (decimal?)null : r.Cell(6).GetValue<decimal>())).ToList();

        var expected = app.WithDb(db => db.BudgetLines.Where(b => b.FiscalYear == 2025 && b.Project!.StartYear <= 2025 && (b.Project.EndYear == null || b.Project.EndYear >= 2025))
            .Sum(b => b.Settled ?? 0)) / 1000m;
        Assert.Equal(expected, rows.Single(r => r.Kind == "総計").Amount);
        Assert.Equal(rows.Where(r => r.Kind == "合計").Sum(r => r.Amount), rows.Single(r => r.Kind == "総計").Amount);
        Assert.Equal(rows.Where(r => r.Kind == "事務事業").Sum(r => r.Amount ?? 0), rows.Single(r => r.Kind == "総計").Amount);
        // Each measure's subtotal is the sum of its projects above it.
        decimal running = 0;
        foreach (var r in rows)
        {
            if (r.Kind == "施策") running = 0;
            if (r.Kind == "事務事業") running += r.Amount ?? 0;
            if (r.Kind == "小計") Assert.Equal(running, r.Amount);
        }
        Assert.Equal(["1", "2", "3", "4", "5", "6"], rows.Where(r => r.Kind == "政策").Select(r => r.Code));
        Assert.Equal(30, rows.Count(r => r.Kind == "施策"));

        var html = await client.GetStringAsync("/Reports/Results?year=2025");
        Assert.Contains($"総計 {Core.Common.Amounts.Thousands((long)(expected * 1000))}千円", html);
    }
}
