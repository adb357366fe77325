namespace Komaki.Management.Web.Features.InternalControl;

/// 内部統制評価報告書, generated from the records, and the dates of the year's cycle: 依頼・取りまとめ・報告書 by the
/// 推進部局, the review and opinion by the audit committee, the council and publication by planning.
[Authorize(Policy = Policies.ControlReport)]
[Route("Control/Report")]
public sealed class ControlReportController(AppDbContext db, OrgTreeProvider orgTree, ControlPages pages, ControlCommands commands) : AppController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var policy = await pages.PolicyAsync();
        if (!ControlAccess.CanReadReport(Actor, policy, org)) return Forbidden("評価報告書を読めるのは、推進部局・評価部局・市長・副市長・監査委員・企画課です。");
        return View("Report", new ReportModel(await ReportAsync(y, policy), org, Actor, policy, ControlAccess.IsPromotion(Actor, policy, org)));
    }

    [HttpGet("Excel")]
    public async Task<IActionResult> Excel(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var policy = await pages.PolicyAsync();
        if (!ControlAccess.CanReadReport(Actor, policy, org)) return Forbidden();
        var stream = new MemoryStream();
        ControlSheets.WriteReport(stream, await ReportAsync(y, policy), org);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"内部統制評価報告書_{Wareki.FiscalYearShort(y)}.xlsx");
    }

    [HttpPost("{year:int}/{step}")]
    public async Task<IActionResult> Step(int year, ControlYearStep step, DateOnly? on, string? opinion, string? reason)
    {
        if (!Enum.IsDefined(step)) return NotFound();
        var org = await orgTree.GetAsync();
        var policy = await pages.PolicyAsync();
        if (ControlYearSteps.Who(step, Actor, policy, org) is string who) return Forbidden(who);
        var result = await commands.RecordStepAsync(year, step, on, opinion, Actor, policy, org, Clock.Today, reason);
        if (result.Succeeded) TempData["Message"] = $"{ControlYearSteps.Label(step)}を記録しました。";
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return step is ControlYearStep.Request or ControlYearStep.Consolidate ? RedirectToAction("Index", "Control", new { year }) : RedirectToAction(nameof(Index), new { year });
    }

    private async Task<ControlReport> ReportAsync(int year, ControlPolicy? policy) =>
        new(year, policy, await pages.YearAsync(year), await pages.AllOfYearAsync(year), await pages.ErrorsAsync(year), Clock.Today);
}
