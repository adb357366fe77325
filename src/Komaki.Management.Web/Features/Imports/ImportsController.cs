using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Importing;
using Komaki.Management.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.Web.Features.Imports;

public sealed record UploadModel(SheetKind Kind, int Year, long MaxBytes, string? Error, IReadOnlyList<(int Value, string Text)> Scopes);

public sealed record PreviewModel(SheetKind Kind, int Year, string ScopeText, ImportReport Report, string? Token, string? Message);

/// Excel in and out: upload → preview (created / changed field by field / refused with row and reason)
/// → confirm writes all of it in one transaction; export writes the same layout back.
[Authorize(Roles = Roles.Staff)]
[Route("Imports/{kind}")]
public sealed class ImportsController(AppDbContext db, ImportStaging staging, ExcelLimits limits) : AppController(db)
{
    // Requests up to this size reach the action, so a file over the configured limit gets a clear message;
    // anything larger is cut off by the server before it is read.
    private const long RequestCeiling = 128L * 1024 * 1024;

    [HttpGet("{year:int}/Upload")]
    public async Task<IActionResult> Upload(string kind, int year)
    {
        if (!SheetKind.All.TryGetValue(kind, out var k) || k.Import is null) return NotFound();
        if (!Actor.IsPlanMasterEditor) return Forbidden();
        return View(new UploadModel(k, year, limits.MaxFileBytes, null, await ScopesAsync(k)));
    }

    [HttpPost("Preview")]
    [RequestSizeLimit(RequestCeiling)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestCeiling)]
    public async Task<IActionResult> Preview(string kind, int year, IFormFile? file)
    {
        if (!SheetKind.All.TryGetValue(kind, out var k) || k.Import is null) return NotFound();
        if (!Actor.IsPlanMasterEditor) return Forbidden();
        string? error = null;
        var scopes = await ScopesAsync(k);
        if (scopes.All(x => x.Value != year)) error = k.Scope == SheetScope.MayorTerm ? "取り込み先の任期を選んでください。" : "年度を選んでください。";
        else if (file is null || file.Length == 0) error = "取り込む Excel ファイル（.xlsx）を選んでください。";
        else if (file.Length > limits.MaxFileBytes)
            error = $"ファイルが大きすぎます（{file.Length / 1024.0 / 1024.0:N1} MB）。上限は {limits.MaxFileBytes / 1024 / 1024:N0} MB です。";
        if (error is not null) return View(nameof(Upload), new UploadModel(k, year, limits.MaxFileBytes, error, scopes));

        var fileName = Path.GetFileName(file!.FileName);
        await using var upload = file.OpenReadStream();
        var token = await staging.SaveAsync(upload, Actor.UserName, kind, year, fileName);
        var staged = staging.Open(token, Actor.UserName, kind, year)!.Value;
        ImportReport report;
        await using (staged.Content)
        {
            report = await k.Import!(Db, limits).RunAsync(staged.Content, fileName, year, apply: false);
        }
        if (!report.CanApply) staging.Remove(token);
        return View(new PreviewModel(k, year, ScopeText(k, year, scopes), report, report.CanApply ? token : null, null));
    }

    [HttpPost("Confirm")]
    public async Task<IActionResult> Confirm(string kind, int year, string? token, string? fingerprint)
    {
        if (!SheetKind.All.TryGetValue(kind, out var k) || k.Import is null) return NotFound();
        if (!Actor.IsPlanMasterEditor) return Forbidden();
        var staged = staging.Open(token, Actor.UserName, kind, year);
        if (staged is null)
            return View(nameof(Upload), new UploadModel(k, year, limits.MaxFileBytes, "取り込みの有効期限が切れたか、既に取り込み済みです。もう一度ファイルを選んでください。", await ScopesAsync(k)));
        ImportReport report;
        await using (staged.Value.Content)
        {
            report = await k.Import!(Db, limits).RunAsync(staged.Value.Content, staged.Value.FileName, year, apply: true, fingerprint);
        }
        if (!report.Applied)
        {
            var message = report.CanApply
                ? "確認画面を表示した後にデータが変わったため、取り込みませんでした。最新の内容で比べ直した結果を表示しています。内容を確認してからもう一度確定してください。"
                : "取り込めない行があるため、何も書き込みませんでした。";
            return View(nameof(Preview), new PreviewModel(k, year, ScopeText(k, year, await ScopesAsync(k)), report, report.CanApply ? token : null, message));
        }
        staging.Remove(token!);
        TempData["Message"] = $"{k.Label}（{ScopeText(k, year, await ScopesAsync(k))}）を取り込みました：新規 {report.Created.Count:N0} 件、更新 {report.Updated.Count:N0} 件、変更なし {report.Unchanged:N0} 件。";
        return kind switch
        {
            SheetKind.ImplementationPlan => RedirectToAction("Details", "ImplementationPlans", new { year }),
            SheetKind.Manifesto => RedirectToAction("Index", "Manifesto", new { termId = year }),
            SheetKind.Survey => RedirectToAction("Index", "Survey", new { year }),
            SheetKind.Evaluations => RedirectToAction("Index", "Evaluations", new { Year = year }),
            _ => RedirectToAction("Index", "ExecutionPlans", new { year }),
        };
    }

    [HttpGet("{year:int}/Export")]
    public async Task<IActionResult> Export(string kind, int year)
    {
        if (!SheetKind.All.TryGetValue(kind, out var k) || k.Export is null) return NotFound();
        var output = new MemoryStream();
        if (!await k.Export(Db, year, output)) return NotFound();
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", k.FileName(year));
    }

    /// Where a sheet can be imported into: fiscal years, or the mayoral terms for the manifesto.
    private async Task<List<(int Value, string Text)>> ScopesAsync(SheetKind kind) => kind.Scope == SheetScope.MayorTerm
        ? (await Db.MayorTerms.AsNoTracking().OrderByDescending(t => t.StartDate).Select(t => new { t.Id, t.Title, t.MayorName }).ToListAsync())
            .Select(t => (t.Id, $"{t.Title}（{t.MayorName} 市長）")).ToList()
        : Enumerable.Range(2019, Display.CurrentFiscalYear() + 3 - 2019).Reverse().Select(y => (y, Display.FiscalYear(y))).ToList();

    private static string ScopeText(SheetKind kind, int value, List<(int Value, string Text)> scopes) =>
        kind.Scope == SheetScope.FiscalYear ? Wareki.FiscalYear(value) : scopes.FirstOrDefault(s => s.Value == value).Text ?? "";
}
