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
    // Each column's change and who it leaves out, as the public page shows them (EffectFigures.Columns).
    public long? RequestedChangeYen { get; init; }
    public long? RequestedComparedYen { get; init; }
    public int UnrequestedProjects { get; init; }
    public long UnrequestedBaseYen { get; init; }
    public long? AssessedChangeYen { get; init; }
    public long? AssessedComparedYen { get; init; }
    public int UnassessedProjects { get; init; }
    public long UnassessedBaseYen { get; init; }
    public long? InitialChangeYen { get; init; }
    public long? InitialComparedYen { get; init; }
    public int WithoutInitialProjects { get; init; }
    public long WithoutInitialBaseYen { get; init; }
    public long? SettledChangeYen { get; init; }
    public long? SettledComparedYen { get; init; }
    public int UnsettledProjects { get; init; }
    public long UnsettledBaseYen { get; init; }
    public long? BaseGeneralYen { get; init; }
    public long? RequestedGeneralChangeYen { get; init; }
    public long? AssessedGeneralChangeYen { get; init; }
    public long? SettledGeneralChangeYen { get; init; }
    /// Whether each change compares like with like (false: an edition published before, compared with the whole base).
    public bool LikeWithLike { get; init; }

    public static IEnumerable<BudgetEffectRecord> Of(EffectPublication p) => p.Rows.Select(r =>
    {
        var f = r.ToFigures();
        var c = f.Columns;
        return new BudgetEffectRecord(p.VerdictsOf + 1, p.VerdictsOf, p.FiscalYear, p.FiscalYear + 1, p.Edition, p.PublishedAt,
            r.Kind switch { EffectRowKind.City => "city", EffectRowKind.Total => "total", _ => "department" }, r.Department, r.Verdict, r.VerdictCode?.ToString(), r.Projects,
            r.Base, r.Requested, r.Assessed, r.Initial, r.Settled, r.RequestedGeneral, r.AssessedGeneral, r.SettledGeneral, r.PersonYears, r.NextPersonYears)
        {
            RequestedChangeYen = c[0].Change, RequestedComparedYen = c[0].Compared, UnrequestedProjects = c[0].Missing, UnrequestedBaseYen = c[0].MissingBase,
            AssessedChangeYen = c[1].Change, AssessedComparedYen = c[1].Compared, UnassessedProjects = c[1].Missing, UnassessedBaseYen = c[1].MissingBase,
            InitialChangeYen = c[2].Change, InitialComparedYen = c[2].Compared, WithoutInitialProjects = c[2].Missing, WithoutInitialBaseYen = c[2].MissingBase,
            SettledChangeYen = c[3].Change, SettledComparedYen = c[3].Compared, UnsettledProjects = c[3].Missing, UnsettledBaseYen = c[3].MissingBase,
            BaseGeneralYen = f.BaseGeneral, RequestedGeneralChangeYen = c[4].Change, AssessedGeneralChangeYen = c[5].Change, SettledGeneralChangeYen = c[6].Change,
            LikeWithLike = f.LikeWithLike,
        };
    });
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
        new("増減の比べ方", r => r.LikeWithLike ? "額がある事業どうし" : "当初予算全体（この版の公表時の計算）"),
        new("要求の増減（円）", r => r.RequestedChangeYen), new("要求と比べた当初予算（円）", r => r.RequestedComparedYen), new("未要求（件）", r => r.UnrequestedProjects), new("未要求の当初予算（円）", r => r.UnrequestedBaseYen),
        new("査定の増減（円）", r => r.AssessedChangeYen), new("査定と比べた当初予算（円）", r => r.AssessedComparedYen), new("未査定（件）", r => r.UnassessedProjects), new("未査定の当初予算（円）", r => r.UnassessedBaseYen),
        new("当初予算の増減（円）", r => r.InitialChangeYen), new("当初予算と比べた当初予算（円）", r => r.InitialComparedYen), new("当初予算なし（件）", r => r.WithoutInitialProjects), new("当初予算なしの当初予算（円）", r => r.WithoutInitialBaseYen),
        new("決算の増減（円）", r => r.SettledChangeYen), new("決算と比べた当初予算（円）", r => r.SettledComparedYen), new("未決算（件）", r => r.UnsettledProjects), new("未決算の当初予算（円）", r => r.UnsettledBaseYen),
        new("比べる元の一般財源（円）", r => r.BaseGeneralYen), new("一般財源 要求の増減（円）", r => r.RequestedGeneralChangeYen), new("一般財源 査定の増減（円）", r => r.AssessedGeneralChangeYen),
        new("一般財源 決算の増減（円）", r => r.SettledGeneralChangeYen),
    ];

    public string Name => "budget-effect";

    public string Title => "評価は予算にどう生かされたか（評価の効き目）";

    public int Order => 70;

    public IReadOnlyList<string> Columns { get; } = OpenDataColumns.Of(Csv);

    public string? YearsKey => "budgetEffectYears";

    public async Task<IReadOnlyList<int>> YearsAsync() => await data.BudgetEffectYearsAsync();
}
