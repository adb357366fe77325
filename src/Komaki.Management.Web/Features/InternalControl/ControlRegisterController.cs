using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.InternalControl;

/// A year's register as a whole: the 推進部局's levels, a 課's register submitted at once by
/// its head, and the register in Excel. Each step asks the rules (ControlRiskRule, ControlYearRule); the risks themselves are
/// ControlController's (with the year's schedule and the 督促 of a 課, refused beside their fields on its list).
[Authorize(Policy = Policies.ControlReport)]
[Route("Control")]
public sealed class ControlRegisterController(OrgTreeProvider orgTree, CurrentUser me, ControlPages pages, ControlCommands commands) : AppController
{
    /// The whole register of a 課 submitted at once, asked on a confirmation page that lists what goes and what is
    /// incomplete.
    [HttpGet("Register/{unitId:int}/Submit")]
    public async Task<IActionResult> SubmitRegister(int unitId, int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        if (await RefusalAsync(new ControlRisk { OrgUnitId = unitId, FiscalYear = y }, ControlRiskRule.SubmitRegister) is string refusal) return Forbidden(refusal);
        var risks = await pages.RegisterAsync(Actor, await pages.PolicyAsync(), org, y, org.SelfAndDescendants(unitId).ToList());
        var consequences = ControlPages.SubmitRegisterConsequences(risks);
        return View("Confirm", new ConfirmStep("リスク登録簿の提出", $"{org.PathName(unitId)}・{Wareki.FiscalYear(y)}", consequences,
            Url.Action(nameof(SubmitRegister), new { unitId, year = y })!, "登録簿を提出する", Url.Action(nameof(ControlController.Index), "Control", new { year = y, unitId })!, new Dictionary<string, string>()));
    }

    [HttpPost("Register/{unitId:int}/Submit")]
    public async Task<IActionResult> SubmitRegisterConfirmed(int unitId, int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        if (await RefusalAsync(new ControlRisk { OrgUnitId = unitId, FiscalYear = y }, ControlRiskRule.SubmitRegister) is string refusal) return Forbidden(refusal);
        var (result, count) = await commands.SubmitRegisterAsync(y, unitId, org);
        if (result.Succeeded) TempData["Message"] = $"{org.PathName(unitId)}のリスク {count:N0} 件を提出しました。評価部局が整備・運用状況を評価します。";
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(ControlController.Index), "Control", new { year = y, unitId });
    }

    /// The year's wording of the levels of 発生可能性 and 影響度, kept by the 推進部局.
    [HttpGet("Year/{year:int}/Levels")]
    public async Task<IActionResult> Levels(int year)
    {
        if (await RefusalAsync(await pages.YearAsync(year) ?? new ControlYear { FiscalYear = year }, ControlYearRule.Promote) is not null) return Forbidden(LevelsRefusal);
        var cycle = await pages.YearAsync(year);
        return View(new RiskLevelsModel(year, RiskLevels.Of(cycle).ToForm(cycle?.Version ?? 0), cycle is not null));
    }

    [HttpPost("Year/{year:int}/Levels")]
    public async Task<IActionResult> Levels(int year, RiskLevelsForm form)
    {
        if (await RefusalAsync(await pages.YearAsync(year) ?? new ControlYear { FiscalYear = year }, ControlYearRule.Promote) is not null) return Forbidden(LevelsRefusal);
        if (await RunAsync(form, () => commands.CheckLevelsAsync(year), () => commands.SaveLevelsAsync(year, form)) is not null)
        {
            TempData["Message"] = "発生可能性・影響度の定義を保存しました。";
            return RedirectToAction(nameof(ControlController.Index), "Control", new { year });
        }
        return View(new RiskLevelsModel(year, form, await pages.YearAsync(year) is not null));
    }

    private const string LevelsRefusal = "発生可能性・影響度の定義を決めるのは推進部局です。";

    [HttpGet("Register/Excel")]
    public async Task<IActionResult> RegisterExcel(int? year, int? unitId)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var policy = await pages.PolicyAsync();
        var theYear = await pages.YearAsync(y) ?? new ControlYear { FiscalYear = y };
        if (await RefusalAsync(theYear, RecordOperations.Read) is string unreadable) return Forbidden(unreadable);
        unitId = unitId is null && await RefusalAsync(theYear, ControlYearRule.OpenCity) is null ? null : ListUnit(unitId);
        var risks = await pages.RegisterAsync(Actor, policy, org, y, unitId is int u ? org.SelfAndDescendants(u).ToList() : null);
        var stream = new MemoryStream();
        ControlSheets.WriteRegister(stream, y, risks, org, await pages.LevelsAsync(y));
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"リスク一覧_{Wareki.FiscalYearShort(y)}.xlsx");
    }

    private ControlAuthor Author() => new(Actor.UserName, me.DisplayName, Clock.UtcNow, Clock.Today);
}
