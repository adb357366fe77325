using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Komaki.Management.Web.Features.Public;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// One row of the published 評価の効き目 (docs/open-data.md): the figures in yen of a verdict for the city or a 部,
/// or the city's total, as the edition published them, with the years the edition compared — the year the evaluation
/// was carried out, the year it covered (対象年度), the base budget's year and the next budget's.
public sealed record BudgetEffectRecord(int EvaluationYear, int EvaluatedYear, int BaseYear, int BudgetYear, int Edition, DateTime PublishedAt, string Scope, string? Department, string Verdict,
    string? VerdictCode, int Projects, long BaseYen, long? RequestedYen, long? AssessedYen, long? InitialYen, long? SettledYen,
    long? RequestedGeneralYen, long? AssessedGeneralYen, long? SettledGeneralYen, decimal PersonYears, decimal? NextPersonYears)
{
    public static IEnumerable<BudgetEffectRecord> Of(EffectPublication p) => p.Rows.Select(r => new BudgetEffectRecord(p.VerdictsOf + 1, p.VerdictsOf, p.FiscalYear, p.FiscalYear + 1, p.Edition, p.PublishedAt,
        r.Kind switch { EffectRowKind.City => "city", EffectRowKind.Total => "total", _ => "department" }, r.Department, r.Verdict, r.VerdictCode?.ToString(), r.Projects,
        r.Base, r.Requested, r.Assessed, r.Initial, r.Settled, r.RequestedGeneral, r.AssessedGeneral, r.SettledGeneral, r.PersonYears, r.NextPersonYears));
}

/// 評価の効き目 as open data: the latest edition of each published year (or one year, or one edition), from the same
/// snapshot the public page shows.
public sealed class OpenDataEffectController(EffectPublications publications) : OpenDataApiController
{
    [HttpGet("budget-effect")]
    public async Task<IActionResult> BudgetEffect(int? year, int? edition) => Ok(await RecordsAsync(year, edition));

    [HttpGet("budget-effect.csv")]
    public async Task<IActionResult> BudgetEffectCsv(int? year, int? edition) =>
        CsvDownload.Result(BudgetEffectDataset.Csv, await RecordsAsync(year, edition),
            $"budget-effect{(year is int y ? "-" + y.ToString(CultureInfo.InvariantCulture) : "")}{(edition is int e ? "-" + e.ToString(CultureInfo.InvariantCulture) : "")}.csv");

    private async Task<List<BudgetEffectRecord>> RecordsAsync(int? year, int? edition) =>
        (await publications.LatestAsync(year, edition)).SelectMany(BudgetEffectRecord.Of).ToList();
}

/// 評価の効き目 in the open-data index (docs/open-data.md), with its CSV columns.
public sealed class BudgetEffectDataset(PublicData data) : IOpenDataDataset
{
    public static readonly IReadOnlyList<CsvColumn<BudgetEffectRecord>> Csv =
    [
        new("評価を行った年度", r => r.EvaluationYear), new("評価の対象年度", r => r.EvaluatedYear), new("比べる元の当初予算の年度", r => r.BaseYear),
        new("比べる先の予算の年度", r => r.BudgetYear), new("版", r => r.Edition), new("公表日時", r => r.PublishedAt),
        new("範囲", r => r.Scope switch { "city" => "市全体", "total" => "市全体の計", _ => "部" }), new("部", r => r.Department), new("方向性", r => r.Verdict), new("方向性のコード", r => r.VerdictCode),
        new("事業数", r => r.Projects), new("比べる元の当初予算（円）", r => r.BaseYen), new("要求額（円）", r => r.RequestedYen), new("査定額（円）", r => r.AssessedYen),
        new("当初予算額（円）", r => r.InitialYen), new("決算額（円）", r => r.SettledYen), new("一般財源 要求（円）", r => r.RequestedGeneralYen),
        new("一般財源 査定（円）", r => r.AssessedGeneralYen), new("一般財源 決算（円）", r => r.SettledGeneralYen), new("人工（この評価）", r => r.PersonYears), new("人工（翌年度に行った評価）", r => r.NextPersonYears),
    ];

    public string Name => "budget-effect";

    public string Title => "評価は予算にどう生かされたか（評価の効き目）";

    public int Order => 70;

    public IReadOnlyList<string> Columns { get; } = OpenDataColumns.Of(Csv);

    public string? YearsKey => "budgetEffectYears";

    public async Task<IReadOnlyList<int>> YearsAsync() => await data.BudgetEffectYearsAsync();
}
