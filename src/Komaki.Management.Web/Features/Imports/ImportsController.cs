using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Importing;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Imports;

/// Excel in and out: upload → preview (created / changed field by field / refused with row and reason, and how the
/// file was read) → the choices the file leaves open (sheet, column, unit of amounts, what a label or 部課名 means)
/// → confirm writes all of it in one transaction; export writes the same layout back.
[Authorize(Policy = Policies.Staff)]
[Route("Imports/{kind}")]
[YearIsSheetScope]
public sealed class ImportsController(ImportStaging staging, ExcelLimits limits, OrgTreeProvider orgTree, ImportRuns runs, SheetExports exports, ReadCache cache) : AppController()
{
    // Requests up to this size reach the action, so a file over the configured limit gets a clear message;
    // anything larger is cut off by the server before it is read.
    private const long RequestCeiling = 128L * 1024 * 1024;

    [HttpGet("{year:int}/Upload")]
    public async Task<IActionResult> Upload(string kind, int year)
    {
        if (!SheetKinds.All.TryGetValue(kind, out var k) || k.Import is null || !await ScopeExistsAsync(k, year)) return NotFound();
        if (!(await ImportScopeAsync(k)).May) return Forbidden();
        return View(await UploadModelAsync(k, year, null));
    }

    [HttpPost("Preview")]
    [RequestSizeLimit(RequestCeiling)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestCeiling)]
    public async Task<IActionResult> Preview(string kind, int year, IFormFile? file)
    {
        if (!SheetKinds.All.TryGetValue(kind, out var k) || k.Import is null || !await ScopeExistsAsync(k, year, unset: true)) return NotFound();
        if (!(await ImportScopeAsync(k)).May) return Forbidden();
        string? error = null;
        var scopes = await ScopesAsync(k);
        if (scopes.All(x => x.Value != year)) error = k.Scope == SheetScope.MayorTerm ? "取り込み先の任期を選んでください。" : "年度を選んでください。";
        else if (file is null || file.Length == 0) error = "取り込む Excel ファイル（.xlsx）を選んでください。";
        else if (file.Length > limits.MaxFileBytes)
            error = $"ファイルが大きすぎます（{file.Length / 1024.0 / 1024.0:N1} MB）。上限は {limits.MaxFileBytes / 1024 / 1024:N0} MB です。";
        if (error is not null) return View(nameof(Upload), await UploadModelAsync(k, year, error));

        var fileName = Path.GetFileName(file!.FileName);
        await using var upload = file.OpenReadStream();
        var token = await staging.SaveAsync(upload, Actor.UserName, kind, year, fileName);
        return await PreviewStagedAsync(k, year, token, null);
    }

    /// The user's answers to what the preview asked (sheet, column, unit of amounts, meanings of labels and 部課名):
    /// kept with the staged file, and the file read again with them.
    [HttpPost("Choose")]
    public async Task<IActionResult> Choose(string kind, int year, string? token)
    {
        if (!SheetKinds.All.TryGetValue(kind, out var k) || k.Import is null || !await ScopeExistsAsync(k, year)) return NotFound();
        var (may, own) = await ImportScopeAsync(k);
        if (!may) return Forbidden();
        var staged = await staging.OpenAsync(token, Actor.UserName, kind, year);
        if (staged is null) return await ExpiredAsync(k, year);
        await staged.Content.DisposeAsync();
        var choices = ImportChoiceForm.Read(Request.Form, staged.Choices);
        // The label table and the 部課名 mappings are the city's: a department answers only for its own file.
        if (own is not null) choices = choices with { Labels = [], Units = [] };
        await staging.SetChoicesAsync(token, Actor.UserName, kind, year, choices);
        return await PreviewStagedAsync(k, year, token!, null);
    }

    [HttpPost("Confirm")]
    public async Task<IActionResult> Confirm(string kind, int year, string? token, string? fingerprint)
    {
        if (!SheetKinds.All.TryGetValue(kind, out var k) || k.Import is null || !await ScopeExistsAsync(k, year)) return NotFound();
        var (may, own) = await ImportScopeAsync(k);
        if (!may) return Forbidden();
        var staged = await staging.OpenAsync(token, Actor.UserName, kind, year);
        if (staged is null) return await ExpiredAsync(k, year);
        ImportReport report;
        await using (staged.Content)
        {
            report = await runs.RunAsync(k, new ImportRequest(staged.Content, staged.FileName, year, Apply: true) { ExpectedFingerprint = fingerprint, Choices = staged.Choices, OwnUnits = own, Asker = await AskerAsync() },
                Actor.UserName, own is null ? null : Actor.UnitId, Clock.UtcNow);
        }
        if (!report.Applied)
        {
            var message = report.CanApply
                ? "確認画面を表示した後にデータが変わったため、取り込みませんでした。最新の内容で比べ直した結果を表示しています。内容を確認してからもう一度確定してください。"
                : "取り込めない行があるため、何も書き込みませんでした。";
            return View(nameof(Preview), await ModelAsync(k, year, report, token, message));
        }
        await staging.RemoveAsync(token);
        TempData["Message"] = $"{k.Label}（{ScopeText(k, year, await ScopesAsync(k))}）を取り込みました：新規 {report.Created.Count:N0} 件、更新 {report.Updated.Count:N0} 件、変更なし {report.Unchanged:N0} 件。";
        return RedirectToAction(k.AfterImport.Action, k.AfterImport.Controller, new RouteValueDictionary { [k.AfterImport.ScopeParameter] = year });
    }

    [HttpGet("{year:int}/Export")]
    public async Task<IActionResult> Export(string kind, int year)
    {
        if (!SheetKinds.All.TryGetValue(kind, out var k) || k.Export is null || !await ScopeExistsAsync(k, year)) return NotFound();
        // A department that sends its own sheet back gets its own rows only; the city's sheet is for those the kind lets read it.
        var (mayImport, units) = await ImportScopeAsync(k);
        if (!mayImport && !k.Access.ExportsCity(Actor)) return Forbidden($"{k.Label}を Excel に出力できるのは、自分の所属の分を取り込める人と、全庁の分を見られる人です。");
        var own = mayImport ? units : null;
        var org = await orgTree.GetAsync();
        // Kept per scope (the units asked for, or for a per-reader export the reader) until a write to what it shows.
        var scope = k.ExportForReader is not null ? $"reader:{Actor.UserName}:{Actor.UnitId}:{string.Join(',', Actor.RoleNames.Order())}" : own is null ? "city" : string.Join(',', own.Order());
        var file = await cache.FileAsync($"sheet-export:{k.Name}:{year}:{scope}", [.. k.ExportAreas, DataArea.Organization], async () =>
        {
            using var output = new MemoryStream();
            return await exports.WriteAsync(k, year, output, own, Actor, org) ? output.ToArray() : [];
        });
        if (file.Length == 0) return NotFound();
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", k.FileName(year));
    }

    private async Task<IActionResult> PreviewStagedAsync(SheetKind kind, int year, string token, string? message)
    {
        var staged = await staging.OpenAsync(token, Actor.UserName, kind.Name, year);
        if (staged is null) return await ExpiredAsync(kind, year);
        ImportReport report;
        await using (staged.Content)
        {
            var (_, own) = await ImportScopeAsync(kind);
            report = await runs.RunAsync(kind, new ImportRequest(staged.Content, staged.FileName, year, Apply: false) { Choices = staged.Choices, OwnUnits = own, Asker = await AskerAsync() },
                Actor.UserName, null, Clock.UtcNow);
        }
        // A file that cannot be read is dropped; one that needs an answer or has refused rows waits for the user's choices.
        var keep = report.FileError is null && (report.CanApply || report.NeedsChoice || report.UnmappedLabels.Count > 0 || report.UnmappedUnits.Count > 0);
        if (!keep) await staging.RemoveAsync(token);
        return View(nameof(Preview), await ModelAsync(kind, year, report, keep ? token : null, message));
    }

    private async Task<PreviewModel> ModelAsync(SheetKind kind, int year, ImportReport report, string? token, string? message)
    {
        var units = report.UnmappedUnits.Count == 0 ? [] : (await orgTree.GetAsync()).Flatten().Select(u => (u.Unit.Id, new string('　', u.Depth) + u.Unit.Name)).ToList();
        return new PreviewModel(kind, year, ScopeText(kind, year, await ScopesAsync(kind)), report, token, message, units);
    }

    private async Task<IActionResult> ExpiredAsync(SheetKind kind, int year) =>
        View(nameof(Upload), await UploadModelAsync(kind, year, "取り込みの有効期限が切れたか、既に取り込み済みです。もう一度ファイルを選んでください。"));

    /// Who may import is the kind's (SheetKind.Access): planning the whole city (own = null), the roles it names
    /// their own unit and the units under it — each row checked against these units.
    private async Task<(bool May, IReadOnlySet<int>? Own)> ImportScopeAsync(SheetKind kind)
    {
        if (kind.Access.ImportsCity(Actor)) return (true, null);
        if (!kind.Access.ImportsOwnUnit(Actor) || Actor.UnitId is not int unit) return (false, null);
        return (true, (await orgTree.GetAsync()).SelfAndDescendants(unit).ToHashSet());
    }

    /// The importer as the record rules see them: every row is asked of the rule its record's form asks.
    private async Task<RuleAsker> AskerAsync() =>
        new(Actor, HttpContext.RequestServices.GetRequiredService<CurrentUser>().UserId, await orgTree.GetAsync());

    private async Task<UploadModel> UploadModelAsync(SheetKind kind, int year, string? error)
    {
        var (_, own) = await ImportScopeAsync(kind);
        var org = await orgTree.GetAsync();
        var log = await runs.RecentAsync(kind, own == null ? null : Actor.UserName);
        return new UploadModel(kind, year, limits.MaxFileBytes, error, await ScopesAsync(kind))
        {
            UnitName = own is null ? null : org.PathName(Actor.UnitId),
            Log = log.Select(l => (l.Log, l.Log.UnitId is int u ? org.PathName(u) : "企画（全庁）", l.Person)).ToList(),
        };
    }

    /// The `year` of these routes is the kind's scope: a fiscal year the plan covers (as FiscalYearBounds checks every
    /// other year), or one of the kind's own scopes such as a mayor's term by its id. A year not given in the upload
    /// form (0) is the preview's to refuse beside its field.
    private async Task<bool> ScopeExistsAsync(SheetKind kind, int year, bool unset = false)
    {
        if (unset && year == 0) return true;
        return kind.Scope == SheetScope.FiscalYear
            ? (await FiscalYearBounds.RangeAsync(HttpContext.RequestServices)).Contains(year)
            : (await ScopesAsync(kind)).Any(s => s.Value == year);
    }

    private Task<List<(int Value, string Text)>> ScopesAsync(SheetKind kind) => runs.ScopesAsync(kind, Clock.FiscalYear);

    private static string ScopeText(SheetKind kind, int value, List<(int Value, string Text)> scopes) =>
        kind.Scope == SheetScope.FiscalYear ? Wareki.FiscalYear(value) : scopes.FirstOrDefault(s => s.Value == value).Text ?? "";
}
