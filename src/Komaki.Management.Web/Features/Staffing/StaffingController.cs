using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Staffing;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Staffing;

/// 定員管理: each division's 配分定数, 4月1日の実員, its request for the next year and the personnel division's
/// assessment, with reasons; the reconciliation of the evaluations' 人工 with the staff; the table in the layout of
/// 「給与・定員管理等について」. A division's head requests for their division; 人事担当 sets, assesses and allocates.
[Authorize(Policy = Policies.Staff)]
[Route("Staffing")]
public sealed class StaffingController(OrgTreeProvider orgTree, StaffingPages pages, StaffingCommands commands, DirectionCatalog directions, ReadCache cache,
    IAuthorizationService authorization)
    : AppController()
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, int? unitId)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        unitId = ListUnit(unitId);
        var lines = await pages.LinesAsync(y, unitId is int u ? org.SelfAndDescendants(u).ToList() : null);
        var editable = lines.Select(l => l.OrgUnitId).Distinct().Where(id => StaffingLineRule.EditRefusal(Actor, id, org) is null).ToHashSet();
        // The year's settings and the allocation are the personnel division's pages (Policies.Personnel).
        var personnel = (await authorization.AuthorizeAsync(User, Policies.Personnel)).Succeeded;
        return View(new StaffingIndexModel(y, await pages.YearAsync(y), lines, org, unitId, UnitOptions.For(org), personnel, editable, Clock.Today));
    }

    [HttpGet("{year:int}/{unitId:int}/Edit")]
    public async Task<IActionResult> Edit(int year, int unitId)
    {
        var org = await orgTree.GetAsync();
        if (org.Find(unitId) is null) return NotFound();
        if (await RefusalAsync(LineOf(year, unitId), RecordOperations.Edit) is string refused) return Forbidden(refused);
        var (assesses, requests) = await RolesAsync(year, unitId);
        var lines = await pages.LinesAsync(year, [unitId]);
        var form = StaffingPages.FormOf(lines, withNewRow: assesses);
        return View(new StaffingEditModel(year, unitId, org.PathName(unitId), form, lines, assesses, requests));
    }

    [HttpPost("{year:int}/{unitId:int}/Edit")]
    public async Task<IActionResult> Edit(int year, int unitId, StaffingForm form)
    {
        var org = await orgTree.GetAsync();
        if (org.Find(unitId) is null) return NotFound();
        if (await RefusalAsync(LineOf(year, unitId), RecordOperations.Edit) is string refused) return Forbidden(refused);
        var (assesses, requests) = await RolesAsync(year, unitId);
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.SaveAsync(year, unitId, form, Actor, org)) is not null)
        {
            TempData["Message"] = assesses ? "定員を保存しました。" : "定員の要求を保存しました。人事課が査定します。";
            return RedirectToAction(nameof(Index), new { year, unitId });
        }
        return View(new StaffingEditModel(year, unitId, org.PathName(unitId), form, await pages.LinesAsync(year, [unitId]), assesses, requests));
    }

    /// A division's lines, as their rule is asked about them.
    private static StaffingLine LineOf(int year, int unitId) => new() { FiscalYear = year, OrgUnitId = unitId };

    /// Which half of the division's lines the person fills: the assessment (人事担当) and the request (its head).
    private async Task<(bool Assesses, bool Requests)> RolesAsync(int year, int unitId) =>
        (await RefusalAsync(LineOf(year, unitId), StaffingLineRule.Assess) is null, await RefusalAsync(LineOf(year, unitId), StaffingLineRule.Request) is null);

    /// 人工 against staff per division, flagged beyond the tolerance, with the evaluations' directions and the request.
    [HttpGet("Reconcile")]
    public async Task<IActionResult> Reconcile(int? year)
    {
        // The same year as 定員管理 opens on, so the two pages speak of the same staff.
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        // The same for every reader: kept until the staffing, the organisation or an evaluation changes (ADR 0008).
        var (settings, rows) = await cache.GetAsync($"reconcile:{y}", StaffingPages.ReconcileAreas, async () => (await pages.YearAsync(y), await pages.ReconcileAsync(y, org)));
        return View(new ReconcileModel(y, settings, rows, org, directions));
    }

    /// 部門別職員数（公表用）: the latest 確定 edition as it was confirmed, with every edition; the table as the lines read
    /// now only before the first 確定, or beside it when it has moved since (shown for the next 確定 as a 訂正).
    [HttpGet("Table")]
    public async Task<IActionResult> Table(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var personnel = (await authorization.AuthorizeAsync(User, Policies.Personnel)).Succeeded;
        return View(new StaffingTableModel(y, await pages.PublicationTableAsync(y, org), await pages.TableEditionsAsync(y), await pages.YearAsync(y), personnel));
    }

    [HttpGet("Table/Excel")]
    public async Task<IActionResult> TableExcel(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var confirmed = (await pages.TableEditionsAsync(y)).FirstOrDefault();
        var stream = new MemoryStream();
        StaffingSheet.Write(stream, y, confirmed?.Table ?? await pages.PublicationTableAsync(y, org), await pages.LinesAsync(y), org,
            confirmed is null ? "未確定（いまの数）" : StaffingTableModel.Confirmed(confirmed));
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"定員管理_{Wareki.FiscalYearShort(y)}.xlsx");
    }

    [HttpGet("Table/{year:int}/Confirm")]
    [Authorize(Policy = Policies.Personnel)]
    public async Task<IActionResult> ConfirmTable(int year) => View("Confirm", await ConfirmTableStepAsync(year));

    private async Task<ConfirmStep> ConfirmTableStepAsync(int year)
    {
        var latest = (await pages.TableEditionsAsync(year)).FirstOrDefault();
        string[] consequences = latest is null
            ? [$"{Wareki.FiscalYear(year)}の部門別職員数を、いまの数と増減理由のまま第1版として確定します（公表用の表になります）。", "確定した表は、後で課の定員や理由を直しても変わりません。直したことは、次の確定（訂正）で示します。", "確定は取り消せません。"]
            : [$"いまの数と増減理由で第{latest.Edition + 1}版を確定し、第{latest.Edition}版（{Display.Date(latest.ConfirmedAt)}確定）を訂正します。", "前の版は履歴として残り、訂正の理由とともに表の下に示します。", "確定は取り消せません。"];
        return new ConfirmStep(latest is null ? "部門別職員数の確定" : "部門別職員数の訂正", Wareki.FiscalYear(year), consequences,
            Url.Action(nameof(ConfirmTable), new { year })!, latest is null ? "確定する" : "訂正して確定する", Url.Action(nameof(Table), new { year })!, new Dictionary<string, string>(),
            latest is null ? null : "訂正の理由（表の下に示します）");
    }

    [HttpPost("Table/{year:int}/Confirm")]
    [Authorize(Policy = Policies.Personnel)]
    public async Task<IActionResult> ConfirmTableConfirmed(int year, AllocationForm form)
    {
        var (result, edition) = await commands.ConfirmTableAsync(year, await orgTree.GetAsync(), form.Comment, Actor.UserName, Clock.UtcNow);
        if (result.Errors.Any(e => e.Field == "Comment"))
        {
            Accept(result);
            return View("Confirm", await ConfirmTableStepAsync(year));
        }
        if (result.Succeeded) TempData["Message"] = $"{Wareki.FiscalYear(year)}の部門別職員数を第{edition}版として確定しました。";
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Table), new { year });
    }

    [HttpGet("Year/{year:int}")]
    [Authorize(Policy = Policies.Personnel)]
    public async Task<IActionResult> Year(int year) => View("Year", new StaffingYearModel(year, StaffingCommands.YearFormOf(year, await pages.YearAsync(year))));

    [HttpPost("Year/{year:int}")]
    [Authorize(Policy = Policies.Personnel)]
    public async Task<IActionResult> Year(int year, StaffingYearForm form)
    {
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.SaveYearAsync(year, form)) is null)
            return View("Year", new StaffingYearModel(year, form));
        TempData["Message"] = "定員管理の設定を保存しました。";
        return RedirectToAction(nameof(Index), new { year });
    }

    [HttpGet("Year/{year:int}/Allocate")]
    [Authorize(Policy = Policies.Personnel)]
    public async Task<IActionResult> Allocate(int year) => View("Confirm", await AllocateStepAsync(year));

    private async Task<ConfirmStep> AllocateStepAsync(int year)
    {
        var missing = await pages.AllocationGapsAsync(year, await orgTree.GetAsync());
        return new ConfirmStep("次年度の配分", Wareki.FiscalYear(year + 1),
            [$"{Wareki.FiscalYear(year)}の査定数を、{Wareki.FiscalYear(year + 1)}の各課の配分定数として作ります。", "査定していない行は、いまの配分定数のまま写します（そろわないまま作るときは理由を記録します）。", "作った後の配分定数は、人事担当が各課の画面で直せます。"],
            Url.Action(nameof(Allocate), new { year })!, "次年度の配分を作る", Url.Action(nameof(Index), new { year })!, new Dictionary<string, string>(),
            missing.Count > 0 ? "そろわないまま配分を作る理由（記録に残ります）" : null, Missing: missing);
    }

    [HttpPost("Year/{year:int}/Allocate")]
    [Authorize(Policy = Policies.Personnel)]
    public async Task<IActionResult> AllocateConfirmed(int year, AllocationForm form)
    {
        if (!await ValidateAsync(form)) return View("Confirm", await AllocateStepAsync(year));
        var (result, created) = await commands.AllocateNextYearAsync(year, await orgTree.GetAsync(), form.Comment, Actor.UserName, Clock.Today);
        if (result.Errors.Any(e => e.Field == "Comment"))
        {
            Accept(result);
            return View("Confirm", await AllocateStepAsync(year));
        }
        if (result.Succeeded) TempData["Message"] = $"{Wareki.FiscalYear(year + 1)}の配分を {created:N0} 行作りました。";
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index), new { year = result.Succeeded ? year + 1 : year });
    }
}
