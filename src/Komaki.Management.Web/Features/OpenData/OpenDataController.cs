using System.Globalization;
using System.Text;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.Web.Features.OpenData;

/// One published evaluation, with the field names documented in docs/open-data.md (stable: add, never rename).
public sealed record EvaluationRecord(
    string ProjectCode, string ProjectName, string MeasureCode, string MeasureName, string Unit, int FiscalYear,
    long? SettledCostYen, decimal StaffPersonYears, long StaffCostYen, long? FullCostYen,
    string? Necessity, string? Effectiveness, string? Efficiency, string? Equity,
    string? Direction, string? DirectionLabel, string? Improvement, DateTime? PublishedAt);

public sealed record ForumResultRecord(string Session, DateOnly HeldOn, int FiscalYear, string ProjectCode, string ProjectName, string? Result, IReadOnlyDictionary<string, int> Verdicts, string? CityResponse);

/// Open data: a read-only API and CSV over what planning has published — published evaluations and the results of
/// closed forum sessions. Nothing in draft or under review is ever served here.
[AllowAnonymous]
[Route("api/v1")]
public sealed class OpenDataController(AppDbContext db) : ControllerBase
{
    [HttpGet("evaluations")]
    public async Task<IActionResult> Evaluations(int? year) => Ok(await PublishedAsync(year));

    [HttpGet("evaluations.csv")]
    public async Task<IActionResult> EvaluationsCsv(int? year)
    {
        var rows = await PublishedAsync(year);
        var sb = new StringBuilder();
        sb.AppendLine("事業コード,事務事業名,施策コード,施策名,担当課,年度,決算額（円）,人工,人件費（円）,総コスト（円）,必要性,有効性,効率性,公平性,今後の方向性,改善内容,公表日時");
        foreach (var r in rows)
        {
            sb.AppendLine(string.Join(",", new object?[]
            {
                r.ProjectCode, r.ProjectName, r.MeasureCode, r.MeasureName, r.Unit, r.FiscalYear, r.SettledCostYen, r.StaffPersonYears, r.StaffCostYen, r.FullCostYen,
                r.Necessity, r.Effectiveness, r.Efficiency, r.Equity, r.DirectionLabel, r.Improvement, r.PublishedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            }.Select(Csv)));
        }
        // UTF-8 with BOM so that Excel opens the Japanese text correctly.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"evaluations{(year is int y ? "-" + y : "")}.csv");
    }

    [HttpGet("forum")]
    public async Task<IActionResult> Forum()
    {
        var sessions = await db.ForumSessions.AsNoTracking().Where(s => s.IsClosed)
            .Include(s => s.Projects).ThenInclude(p => p.Verdicts).Include(s => s.Projects).ThenInclude(p => p.Project)
            .OrderByDescending(s => s.HeldOn).AsSplitQuery().ToListAsync();
        return Ok(sessions.SelectMany(s => s.Projects.OrderBy(p => p.Project!.Code).Select(p => new ForumResultRecord(s.Title, s.HeldOn, s.FiscalYear, p.Project!.Code, p.Project.Name,
            ForumLabels.Result(p.Verdicts)?.Label(), ForumLabels.Verdicts.ToDictionary(v => v.Label(), v => p.Verdicts.Count(x => x.Verdict == v)), p.CityResponse))));
    }

    private async Task<List<EvaluationRecord>> PublishedAsync(int? year)
    {
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name);
        var list = await db.ProjectEvaluations.AsNoTracking().Include(e => e.Project).ThenInclude(p => p!.Measure)
            .Where(e => e.State == EvaluationState.Published && (year == null || e.FiscalYear == year)).ToListAsync();
        return list.OrderBy(e => e.FiscalYear).ThenBy(e => e.Project!.Code, Core.Reports.CodeOrder.Instance).Select(e => new EvaluationRecord(
            e.Project!.Code, e.Project.Name, e.Project.Measure!.Code, e.Project.Measure.Name, units.GetValueOrDefault(e.OwnerUnitId, ""), e.FiscalYear,
            e.SettledCost, e.StaffPersonYears, e.StaffCost, e.FullCost,
            e.Necessity?.ToString(), e.Effectiveness?.ToString(), e.Efficiency?.ToString(), e.Equity?.ToString(),
            e.FinalDirection?.ToString(), e.FinalDirection?.Label(), e.Improvement, e.PublishedAt)).ToList();
    }

    /// Quotes a CSV field and neutralises a leading = + - @ so a spreadsheet never runs it as a formula.
    private static string Csv(object? value)
    {
        var s = value switch { null => "", IFormattable f => f.ToString(null, CultureInfo.InvariantCulture), _ => value.ToString() ?? "" };
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(s, NumberStyles.Any, CultureInfo.InvariantCulture, out _)) s = "'" + s;
        return s.Contains(',') || s.Contains('"') || s.Contains('\n') || s.Contains('\'') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}
