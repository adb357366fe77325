using System.Text.Json;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Reports;

/// 主要施策成果説明書 as given to the council: the report frozen on the day it was submitted (議会提出, edition 1). A
/// later change is a new edition (訂正) with its reason, shown beside the one submitted — never a silent rewrite.
/// Every later reading (screen, print, Excel) shows the latest edition with its date, the earlier ones listed.
[DataArea(DataArea.Check)]
public sealed class ResultsSubmission : IAudited
{
    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    /// 1: 議会提出; 2 and after: 訂正.
    [Display(Name = "版")]
    public int Edition { get; set; }
    [Display(Name = "提出日時")]
    public DateTime SubmittedAt { get; set; }
    [Display(Name = "提出者")]
    public string SubmittedBy { get; set; } = "";
    /// Why it was submitted with projects 未記入, or why it was corrected (what was missing is named in it).
    [Display(Name = "備考")]
    public string? Note { get; set; }
    /// The report as submitted (ResultsReport as JSON).
    [Display(Name = "提出した説明書")]
    public string Report { get; set; } = "";

    public AuditTarget AuditTarget => new(nameof(ResultsSubmission), Id, $"{Wareki.FiscalYear(FiscalYear)} 第{Edition}版");

    public string Kind => Edition == 1 ? "議会提出" : "訂正";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public ResultsReport Read() => JsonSerializer.Deserialize<ResultsReport>(Report, Json)!;

    public static string Write(ResultsReport report) => JsonSerializer.Serialize(report, Json);
}

/// Submitting the year's report to the council, and submitting a correction of it.
public sealed class ResultsSubmissionCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    public Task<List<ResultsSubmission>> OfYearAsync(int year) =>
        db.ResultsSubmissions.AsNoTracking().Where(s => s.FiscalYear == year).OrderBy(s => s.Edition).ToListAsync();

    /// What a submission leaves incomplete: each project whose 取組の成果 reads 未記入, with what would have given one.
    public static IReadOnlyList<string> Missing(ResultsReport report) =>
        report.Unwritten.Select(p => $"{p.Code} {p.Name}（{p.Unit}）: 取組の成果が{ResultsReport.NotWritten} — {string.Join("・", p.Missing)}").ToList();

    /// The report as it reads now becomes the next edition: with projects 未記入 only with a reason, and a correction
    /// always with one.
    public async Task<CommandResult> SubmitAsync(int year, ResultsReport report, string userName, DateTime now, string? reason)
    {
        var editions = await db.ResultsSubmissions.Where(s => s.FiscalYear == year).Select(s => s.Edition).ToListAsync();
        var missing = Missing(report);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (editions.Count > 0 && reason is null)
            return CommandResult.Refused("Comment", "提出済みの説明書を訂正する理由を書いてください（訂正として提出済みの版と並べて示します）。");
        if (missing.Count > 0 && reason is null)
            return CommandResult.Refused("Comment", $"取組の成果が{ResultsReport.NotWritten}の事業が {missing.Count:N0}件あります。このまま提出するときは、理由を書いてください。");
        if (reason?.Length > SubmitResultsFormValidator.ReasonLength) return CommandResult.Refused("Comment", $"理由は{SubmitResultsFormValidator.ReasonLength}文字以内で入力してください。");
        // A correction is what changed since the last edition: the same form posted twice, or a report that reads as the
        // submitted one did, makes no edition.
        var written = ResultsSubmission.Write(report);
        if (editions.Count > 0 && await db.ResultsSubmissions.AsNoTracking().Where(s => s.FiscalYear == year).OrderByDescending(s => s.Edition).Select(s => new { s.Edition, s.Report }).FirstAsync() is { } latest && latest.Report == written)
            return CommandResult.Refused("Comment", $"提出済みの第{latest.Edition}版と内容が同じです（その後、説明書の内容は変わっていません）。同じ内容で訂正の版は作りません。");
        var note = reason is null ? null : (missing.Count > 0 ? $"取組の成果が未記入の事業 {missing.Count:N0}件（{string.Join("、", report.Unwritten.Select(p => p.Code))}）のまま。" : "") + $"理由：{reason}";
        if (note?.Length > ModelLengths.Of<ResultsSubmission>(x => x.Note)) note = note[..ModelLengths.Of<ResultsSubmission>(x => x.Note)];
        db.ResultsSubmissions.Add(new ResultsSubmission
        {
            FiscalYear = year, Edition = editions.Count == 0 ? 1 : editions.Max() + 1, SubmittedAt = now, SubmittedBy = userName, Note = note,
            Report = written,
        });
        return await saver.SaveAsync();
    }
}
