using Komaki.Management.Core.Reports;

namespace Komaki.Management.Web.Features.Reports;

/// 主要施策成果説明書: generated from the data for a settled year, as printable A4 HTML and as Excel.
[Authorize(Policy = Policies.Staff)]
[Route("Reports")]
public sealed class ReportsController(AppDbContext db, OrgTreeProvider orgTree, ReadCache cache, JudgmentBands bands) : AppController(db)
{
    /// One policy per screen (a large city's report runs to megabytes); print=all gives the whole report.
    [HttpGet("Results")]
    public async Task<IActionResult> Results(int? year, string? policy)
    {
        var y = year ?? Clock.FiscalYear - 1;
        var org = await orgTree.GetAsync();
        // Kept in two parts so that a saved indicator value rebuilds only the indicators, then kept whole.
        var report = await cache.GetAsync($"results:{y}", ResultsReport.Areas, async () => ResultsReport.Compose(
            await cache.GetAsync($"results-frame:{y}", ResultsReport.FrameAreas, () => ResultsFrame.LoadAsync(Db, y, id => org.Find(id)?.Name ?? "")),
            await cache.GetAsync($"results-indicators:{y}", ResultsReport.IndicatorAreas, () => ResultsIndicators.LoadAsync(Db, y))));
        var selected = report.Policies.FirstOrDefault(p => p.Code == policy) ?? (report.Policies.Count > 0 ? report.Policies[0] : null);
        var shown = HttpContext.PrintsAll() || selected is null ? report.Policies : [selected];
        return View(new ResultsModel(report, shown, HttpContext.PrintsAll() ? null : selected?.Code, await bands.GetAsync()));
    }

    [HttpGet("Results/Export")]
    public async Task<IActionResult> ResultsExport(int year)
    {
        var org = await orgTree.GetAsync();
        var report = await ResultsReport.BuildAsync(Db, year, id => org.Find(id)?.Name ?? "");
        var output = new MemoryStream();
        report.WriteExcel(output);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"主要施策成果説明書_{Wareki.FiscalYearShort(year)}.xlsx");
    }
}
