using Komaki.Management.Core.Common;
using Komaki.Management.Web.Features.Public;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.CitizenInputs;

/// 市民の声と市の考え方 on the citizens' site: inputs that have the city's answer and are marked public, newest first.
public sealed class PublicVoicesController(PublishedLists lists) : PublicSiteController
{
    [HttpGet("voices")]
    public async Task<IActionResult> Index(int page = 1)
    {
        var all = await lists.VoicesAsync();
        return View("PublicVoices", HttpContext.Page(all, page, PublicData.PageSize));
    }
}

/// The same inputs as open data (docs/open-data.md).
public sealed class OpenDataVoicesController(PublishedLists lists) : OpenDataApiController
{
    [HttpGet("citizen-inputs")]
    public async Task<IActionResult> CitizenInputs() => Ok(await lists.VoicesAsync());

    [HttpGet("citizen-inputs.csv")]
    public async Task<IActionResult> CitizenInputsCsv() => CsvDownload.Result(CitizenInputsDataset.Csv, await lists.VoicesAsync(), "citizen-inputs.csv");
}

public sealed class PublicVoicesPage : IPublicPageContribution
{
    public PublicPage Page { get; } = new("市民の声と市の考え方", "PublicVoices", nameof(PublicVoicesController.Index), 60);
}

public sealed class CitizenInputsDataset : IOpenDataDataset
{
    public static readonly IReadOnlyList<CsvColumn<CitizenInputRecord>> Csv =
    [
        new("番号", r => r.Id), new("経路", r => r.Channel), new("受付日", r => r.ReceivedOn), new("内容（要旨）", r => r.Summary), new("市の考え方", r => r.Answer), new("状況", r => r.Status),
        new("関連する施策", r => string.Join(" ", r.MeasureCodes)), new("関連する事業", r => string.Join(" ", r.ProjectCodes)),
        new("訂正日", r => r.CorrectedOn), new("訂正の理由", r => r.CorrectionReason), new("公表時の内容", r => r.AsPublished),
    ];

    public string Name => "citizen-inputs";
    public string Title => "市民の声と市の考え方";
    public int Order => 60;
    public IReadOnlyList<string> Columns { get; } = OpenDataColumns.Of(Csv);
    public string? YearsKey => null;
    public Task<IReadOnlyList<int>> YearsAsync() => Task.FromResult<IReadOnlyList<int>>([]);
}
