using Komaki.Management.Core.Common;
using Komaki.Management.Core.Publishing;
using Komaki.Management.Web.Features.Public;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.Manifesto;

/// 市長マニフェストの進み具合 on the citizens' site: the newest term's promises with the progress of published years only.
public sealed class PublicManifestoController(PublicData data) : PublicSiteController
{
    [HttpGet("manifesto")]
    public async Task<IActionResult> Index() => View("PublicManifesto", await data.ManifestoAsync());
}

/// The same promises as open data (docs/open-data.md).
public sealed class OpenDataManifestoController(PublishedLists lists) : OpenDataApiController
{
    [HttpGet("manifesto")]
    public async Task<IActionResult> Manifesto() => Ok(await lists.ManifestoAsync());

    [HttpGet("manifesto.csv")]
    public async Task<IActionResult> ManifestoCsv() => CsvDownload.Result(ManifestoDataset.Csv, await lists.ManifestoAsync(), "manifesto.csv");
}

public sealed class PublicManifestoPage : IPublicPageContribution
{
    public PublicPage Page { get; } = new("市長マニフェストの進み具合", "PublicManifesto", nameof(PublicManifestoController.Index), 40);
}

public sealed class ManifestoDataset(PublicData data) : IOpenDataDataset
{
    public static readonly IReadOnlyList<CsvColumn<ManifestoRecord>> Csv =
    [
        new("任期", r => r.Term), new("番号", r => r.Number), new("分野", r => r.Area), new("項目", r => r.Title), new("進捗", r => r.Status), new("進捗の年度", r => r.StatusYear), new("説明", r => r.Commentary),
        new("訂正日", r => r.CorrectedOn), new("訂正の理由", r => r.CorrectionReason), new("公表時の内容", r => r.AsPublished),
        new("項目の訂正日", r => r.ItemCorrectedOn), new("項目の訂正の理由", r => r.ItemCorrectionReason), new("公表時の項目", r => r.ItemAsPublished),
    ];

    public string Name => "manifesto";
    public string Title => "市長マニフェストの進み具合";
    public int Order => 50;
    public IReadOnlyList<string> Columns { get; } = OpenDataColumns.Of(Csv);
    public string? YearsKey => "manifestoProgressYears";
    public Task<IReadOnlyList<int>> YearsAsync() => data.YearsAsync(PublicationKind.ManifestoProgress);
}
