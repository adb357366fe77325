using Komaki.Management.Core.Common;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.InternalControl;

/// 内部統制評価報告書, generated from the records, and the dates of the year's cycle: 依頼・取りまとめ・報告書 by the
/// 推進部局, the review and opinion by the audit committee, the council and publication by planning.
[Authorize(Policy = Policies.ControlReport)]
[Route("Control/Report")]
public sealed class ControlReportController(OrgTreeProvider orgTree, ControlPages pages, ControlCommands commands) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var policy = await pages.PolicyAsync();
        var theYear = await pages.YearAsync(y) ?? new ControlYear { FiscalYear = y };
        if (await RefusalAsync(theYear, ControlYearRule.ReadReport) is string refusal) return Forbidden(refusal);
        var report = await ReportAsync(y, policy);
        return View("Report", new ReportModel(report, org, policy, await RefusalAsync(theYear, ControlYearRule.Promote) is null)
        {
            OpensRegister = await RefusalAsync(theYear, ControlYearRule.OpenCity) is null,
            RecordsNext = report.Cycle is { } cycle && ControlYearSteps.Next(cycle) is ControlYearStep next && await RefusalAsync(theYear, ControlYearRule.Record(next)) is null,
        });
    }

    [HttpGet("Excel")]
    public async Task<IActionResult> Excel(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var policy = await pages.PolicyAsync();
        if (await RefusalAsync(await pages.YearAsync(y) ?? new ControlYear { FiscalYear = y }, ControlYearRule.ReadReport) is string refusal) return Forbidden(refusal);
        var stream = new MemoryStream();
        ControlSheets.WriteReport(stream, await ReportAsync(y, policy), org);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"内部統制評価報告書_{Wareki.FiscalYearShort(y)}.xlsx");
    }

    /// The confirmation page of a step of the year: what it fixes, what is not done yet, the date and — when something
    /// is missing — the reason to go on. Opening it changes nothing.
    [HttpGet("{year:int}/Steps/{step}", Name = "ControlYearStepPage")]
    public async Task<IActionResult> Step(int year, ControlYearStep step)
    {
        if (!Enum.IsDefined(step)) return NotFound();
        var org = await orgTree.GetAsync();
        var cycle = await pages.YearAsync(year);
        if (await RefusalAsync(cycle ?? new ControlYear { FiscalYear = year }, ControlYearRule.Record(step)) is string who) return Forbidden(who);
        if ((cycle is null ? "この年度の内部統制の日程がまだ決まっていません。" : ControlYearSteps.Order(step, cycle)) is string refusal)
        {
            TempData["Error"] = refusal;
            return Back(year, step);
        }
        return View("Confirm", await StepPageAsync(year, step, cycle!, org));
    }

    [HttpPost("{year:int}/{step}")]
    [HttpPost("{year:int}/Steps/{step}", Name = "ControlYearStep")]
    public async Task<IActionResult> Step(int year, ControlYearStep step, ControlStepForm form)
    {
        if (!Enum.IsDefined(step)) return NotFound();
        var org = await orgTree.GetAsync();
        var policy = await pages.PolicyAsync();
        if (await RefusalAsync(await pages.YearAsync(year) ?? new ControlYear { FiscalYear = year }, ControlYearRule.Record(step)) is string who) return Forbidden(who);
        if (!await ValidateAsync(form))
        {
            if (await pages.YearAsync(year) is ControlYear shown) return View("Confirm", await StepPageAsync(year, step, shown, org));
            TempData["Error"] = "この年度の内部統制の日程がまだ決まっていません。";
            return Back(year, step);
        }
        var result = await commands.RecordStepAsync(year, step, form, Actor, policy, org, Clock.Today);
        // A refusal of what the page asks (the date, the opinion, the reason) is shown beside its field on the page.
        if (result.Errors.Any(e => e.Field is "On" or "Opinion" or "Reason") && await pages.YearAsync(year) is ControlYear cycle)
        {
            Accept(result);
            return View("Confirm", await StepPageAsync(year, step, cycle, org));
        }
        if (result.Succeeded) TempData["Message"] = $"{ControlYearSteps.Label(step)}を記録しました。";
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return Back(year, step);
    }

    private RedirectToActionResult Back(int year, ControlYearStep step) =>
        step is ControlYearStep.Request or ControlYearStep.Consolidate ? RedirectToAction("Index", "Control", new { year }) : RedirectToAction(nameof(Index), new { year });

    private async Task<ConfirmStep> StepPageAsync(int year, ControlYearStep step, ControlYear cycle, OrgTree org)
    {
        var missing = ControlReadiness.Missing(step, await pages.AllOfYearAsync(year), org);
        var label = ControlYearSteps.Label(step);
        var fields = new List<ConfirmField> { new("on", $"{label}の日", Clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Date: true) };
        if (step == ControlYearStep.AuditReview) fields.Add(new("opinion", "監査委員の意見", ""));
        if (missing.Count > 0) fields.Add(new("reason", step is ControlYearStep.Request or ControlYearStep.Consolidate ? "そろわないまま進める理由（記録に残ります）" : "そろわないまま進める理由（報告書と記録に残ります）", ""));
        var back = step is ControlYearStep.Request or ControlYearStep.Consolidate ? Url.Action("Index", "Control", new { year })! : Url.Action(nameof(Index), new { year })!;
        return new ConfirmStep($"内部統制 {label}", Wareki.FiscalYear(year), ControlYearSteps.Consequences(step, cycle),
            Url.RouteUrl("ControlYearStep", new { year, step })!, $"{label}を記録する", back,
            new Dictionary<string, string>(), Missing: missing, Fields: fields);
    }

    private async Task<ControlReport> ReportAsync(int year, ControlPolicy? policy) =>
        new(year, policy, await pages.YearAsync(year), await pages.AllOfYearAsync(year), await pages.ErrorsAsync(year), Clock.Today);
}
