using Komaki.Management.Web.Features.Public;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.OpenData;

/// Open data: a read-only JSON API and CSV files over what planning has published (see PublicData), with the field
/// names documented in docs/open-data.md. Every list is served as JSON at /api/v1/{list} and as CSV at
/// /api/v1/{list}.csv from the same records, so the two never disagree.
public sealed class OpenDataController(PublishedLists lists, IEnumerable<IOpenDataDataset> datasets) : OpenDataApiController
{

    [HttpGet("evaluations")]
    public async Task<IActionResult> Evaluations(int? year) => Ok(await lists.EvaluationsAsync(year));

    [HttpGet("evaluations.csv")]
    public async Task<IActionResult> EvaluationsCsv(int? year) =>
        CsvDownload.Result(OpenDataCsv.Evaluations, await lists.EvaluationsAsync(year), $"evaluations{(year is int y ? "-" + y : "")}.csv");

    [HttpGet("forum")]
    public async Task<IActionResult> Forum() => Ok(await lists.ForumAsync());

    [HttpGet("forum.csv")]
    public async Task<IActionResult> ForumCsv() => CsvDownload.Result(OpenDataCsv.Forum, await lists.ForumAsync(), "forum.csv");

    [HttpGet("measures")]
    public async Task<IActionResult> Measures() => Ok(await lists.MeasuresAsync());

    [HttpGet("measures.csv")]
    public async Task<IActionResult> MeasuresCsv() => CsvDownload.Result(OpenDataCsv.Measures, await lists.MeasuresAsync(), "measures.csv");

    [HttpGet("indicators")]
    public async Task<IActionResult> Indicators(int? measureId) => Ok(await lists.IndicatorsAsync(measureId));

    [HttpGet("indicators.csv")]
    public async Task<IActionResult> IndicatorsCsv(int? measureId) => CsvDownload.Result(OpenDataCsv.Indicators, await lists.IndicatorsAsync(measureId), "indicators.csv");

    /// What is published, for a portal that wants to know which lists there are and which years to fetch: every list a
    /// feature declares (IOpenDataDataset), with its files and CSV columns, and the published years by list.
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var ordered = datasets.OrderBy(d => d.Order).ToList();
        var index = new Dictionary<string, object> { ["lists"] = ordered.Select(d => d.Name).ToList() };
        foreach (var d in ordered.Where(d => d.YearsKey is not null)) index[d.YearsKey!] = await d.YearsAsync();
        index["datasets"] = ordered.Select(d => new { d.Name, d.Title, Json = $"/api/v1/{d.Name}", Csv = $"/api/v1/{d.Name}.csv", d.Columns }).ToList();
        return Ok(index);
    }
}
