using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Reports;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Reports;

/// 主要施策成果説明書: generated from the data for a settled year, as printable A4 HTML and as Excel. Once given to the
/// council it is read as submitted (ResultsSubmission) with its date; a correction is a new edition beside it.
[Authorize(Policy = Policies.Staff)]
[Route("Reports")]
public sealed class ReportsController(ResultsPages pages, OrgTreeProvider orgTree, ReadCache cache, JudgmentBands bands, ResultsSubmissionCommands submissions) : AppController
{
    /// One policy per screen (a large city's report runs to megabytes); print=all gives the whole report. Submitted:
    /// the latest edition (or the one asked for); live=true: the report as the data reads now.
    [HttpGet("Results")]
    public async Task<IActionResult> Results(int? year, string? policy, int? edition, bool live = false)
    {
        var y = year ?? Clock.FiscalYear - 1;
        var editions = await submissions.OfYearAsync(y);
        var shownEdition = live ? null : editions.FirstOrDefault(e => e.Edition == edition) ?? editions.LastOrDefault();
        var report = shownEdition?.Read() ?? await LiveAsync(y);
        var selected = report.Policies.FirstOrDefault(p => p.Code == policy) ?? (report.Policies.Count > 0 ? report.Policies[0] : null);
        var shown = HttpContext.PrintsAll() || selected is null ? report.Policies : [selected];
        return View(new ResultsModel(report, shown, HttpContext.PrintsAll() ? null : selected?.Code, await bands.GetAsync())
        {
            Editions = editions, Edition = shownEdition, CanSubmit = await MayAsync(new ResultsSubmission { FiscalYear = y }, RecordOperations.Edit),
        });
    }

    private async Task<ResultsReport> LiveAsync(int y)
    {
        var org = await orgTree.GetAsync();
        // Kept in two parts so that a saved indicator value rebuilds only the indicators, then kept whole; a value of
        // a later year (next year's targets) rebuilds neither.
        return await cache.GetAsync($"results:{y}", ResultsReport.AreasOf(y), async () => ResultsReport.Compose(
            await cache.GetAsync($"results-frame:{y}", ResultsReport.FrameAreas, () => pages.FrameAsync(y, id => org.Find(id)?.Name ?? "")),
            await cache.GetAsync($"results-indicators:{y}", ResultsReport.IndicatorAreasOf(y), () => pages.IndicatorsAsync(y))));
    }

    [HttpGet("Results/Export")]
    public async Task<IActionResult> ResultsExport(int year, int? edition, bool live = false)
    {
        var editions = await submissions.OfYearAsync(year);
        var shownEdition = live ? null : editions.FirstOrDefault(e => e.Edition == edition) ?? editions.LastOrDefault();
        var org = await orgTree.GetAsync();
        var report = shownEdition?.Read() ?? await pages.ReportAsync(year, id => org.Find(id)?.Name ?? "");
        var output = new MemoryStream();
        report.WriteExcel(output, shownEdition is { } s ? $"{Display.Date(s.SubmittedAt)} {s.Kind}（第{s.Edition}版）" : "現在のデータによる（議会に提出していない）");
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"主要施策成果説明書_{Wareki.FiscalYearShort(year)}.xlsx");
    }

    /// Submitting to the council (or a correction) is asked on a page of its own that lists the projects still 未記入.
    [HttpGet("Results/Submit")]
    public async Task<IActionResult> ConfirmSubmit(int year)
    {
        if (await RefusalAsync(new ResultsSubmission { FiscalYear = year }, RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        if (!Display.IsFiscalYear(year) || year >= Clock.FiscalYear) return BadRequest();
        return View("Confirm", await SubmitStepAsync(year));
    }

    private async Task<ConfirmStep> SubmitStepAsync(int year)
    {
        var report = await LiveAsync(year);
        var editions = await submissions.OfYearAsync(year);
        var missing = ResultsSubmissionCommands.Missing(report);
        List<string> consequences = editions.Count == 0
            ? [$"{Display.FiscalYear(year)}の主要施策成果説明書を、今日の内容のまま議会に提出した版として確定します。", "以後、画面・印刷・Excel はこの版を提出日とともに表示します。後でデータが変わっても、この版は変わりません。"]
            : [$"提出済みの版（{Display.Date(editions[^1].SubmittedAt)} {editions[^1].Kind}）を、今日の内容で訂正します。", "訂正は新しい版として、提出済みの版と並べて「訂正」と日付・理由を示します。提出済みの版は消えません。"];
        return new ConfirmStep(editions.Count == 0 ? "主要施策成果説明書の議会提出" : "主要施策成果説明書の訂正", Display.FiscalYear(year), consequences,
            Url.Action(nameof(Submit), new { year })!, editions.Count == 0 ? "議会提出版として確定する" : "訂正版を確定する", Url.Action(nameof(Results), new { year, live = true })!,
            new Dictionary<string, string>(), missing.Count > 0 || editions.Count > 0 ? (editions.Count > 0 ? "訂正の理由（記録に残り、訂正版に表示します）" : "未記入のまま提出する理由（記録に残ります）") : null,
            Missing: missing);
    }

    [HttpPost("Results/Submit")]
    public async Task<IActionResult> Submit(int year, SubmitResultsForm form)
    {
        if (await RefusalAsync(new ResultsSubmission { FiscalYear = year }, RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        if (!Display.IsFiscalYear(year) || year >= Clock.FiscalYear) return BadRequest();
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), async () => await submissions.SubmitAsync(year, await LiveAsync(year), Actor.UserName, Clock.UtcNow, form.Comment)) is null)
            return View("Confirm", await SubmitStepAsync(year));
        TempData["Message"] = $"{Display.FiscalYear(year)}の主要施策成果説明書を確定しました。";
        return RedirectToAction(nameof(Results), new { year });
    }
}
