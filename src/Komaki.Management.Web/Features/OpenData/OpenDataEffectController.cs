using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.OpenData;

/// One row of the published 評価の効き目 (docs/open-data.md): the figures in yen of a verdict for the city or a 部,
/// or the city's total, as the edition published them.
public sealed record BudgetEffectRecord(int EvaluationYear, int BudgetYear, int Edition, DateTime PublishedAt, string Scope, string? Department, string Verdict,
    string? VerdictCode, int Projects, long BaseYen, long? RequestedYen, long? AssessedYen, long? InitialYen, long? SettledYen,
    long? RequestedGeneralYen, long? AssessedGeneralYen, long? SettledGeneralYen, decimal PersonYears, decimal? NextPersonYears)
{
    public static IEnumerable<BudgetEffectRecord> Of(EffectPublication p) => p.Rows.Select(r => new BudgetEffectRecord(p.FiscalYear, p.FiscalYear + 1, p.Edition, p.PublishedAt,
        r.Kind switch { EffectRowKind.City => "city", EffectRowKind.Total => "total", _ => "department" }, r.Department, r.Verdict, r.VerdictCode?.ToString(), r.Projects,
        r.Base, r.Requested, r.Assessed, r.Initial, r.Settled, r.RequestedGeneral, r.AssessedGeneral, r.SettledGeneral, r.PersonYears, r.NextPersonYears));
}

/// 評価の効き目 as open data: the latest edition of each published year (or one year, or one edition), from the same
/// snapshot the public page shows.
[AllowAnonymous]
[Route("api/v1")]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = "public")]
public sealed class OpenDataEffectController(EffectPublications publications) : ControllerBase
{
    [HttpGet("budget-effect")]
    public async Task<IActionResult> BudgetEffect(int? year, int? edition) => Ok(await RecordsAsync(year, edition));

    [HttpGet("budget-effect.csv")]
    public async Task<IActionResult> BudgetEffectCsv(int? year, int? edition) =>
        CsvDownload.Result(OpenDataCsv.BudgetEffect, await RecordsAsync(year, edition),
            $"budget-effect{(year is int y ? "-" + y.ToString(CultureInfo.InvariantCulture) : "")}{(edition is int e ? "-" + e.ToString(CultureInfo.InvariantCulture) : "")}.csv");

    private async Task<List<BudgetEffectRecord>> RecordsAsync(int? year, int? edition) =>
        (await publications.LatestAsync(year, edition)).SelectMany(BudgetEffectRecord.Of).ToList();
}
