using Komaki.Management.Core;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.MeasureEvaluations;

/// 施策評価: per measure per year, the indicators' achievement, the projects' full cost and directions, citizens'
/// satisfaction, and the owning division's assessment and direction.
[Authorize(Policy = Policies.Staff)]
[Route("MeasureEvaluations")]
public sealed class MeasureEvaluationsController(
    MeasureEvaluationPages pages, MeasureEvaluationCommands commands, OrgTreeProvider orgTree, CurrentUser me, ReadCache cache) : AppController()
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var y = year ?? Clock.FiscalYear - 1;
        var audience = MeasureEvaluationPages.AudienceOf(Actor);
        return View(new MeasureEvaluationListModel(y, audience,
            await cache.GetAsync($"measure-summaries:{y}:{audience}", MeasureEvaluationPages.AreasOf(y), () => SummariesAsync(y, null))));
    }

    [HttpGet("{year:int}/{measureId:int}")]
    public async Task<IActionResult> Edit(int year, int measureId)
    {
        var summary = (await SummariesAsync(year, measureId)).FirstOrDefault();
        if (summary is null) return NotFound();
        return View(new MeasureEvaluationModel(year, summary, await MayAsync(EvaluationOf(summary, year), RecordOperations.Edit), summary.Evaluation?.Assessment, summary.Evaluation?.Direction, summary.Evaluation?.Version ?? 0,
            await pages.PublishedAsync(year), null));
    }

    [HttpPost("{year:int}/{measureId:int}")]
    public async Task<IActionResult> Edit(int year, int measureId, MeasureEvaluationForm form)
    {
        var summary = (await SummariesAsync(year, measureId)).FirstOrDefault();
        if (summary is null) return NotFound();
        if (await RefusalAsync(EvaluationOf(summary, year), RecordOperations.Edit) is string refused) return Forbidden(refused);
        if (await ValidateAsync(form) && Accept(await commands.SaveAsync(measureId, year, form, me.DisplayName, Clock.UtcNow)))
        {
            TempData["Message"] = $"{summary.Measure.Code} {summary.Measure.Name} の施策評価を保存しました。";
            return RedirectToAction(nameof(Index), new { year });
        }
        return View(new MeasureEvaluationModel(year, summary, true, form.Assessment, form.Direction, form.Version, await pages.PublishedAsync(year), form.CorrectionReason));
    }

    /// The year's evaluation of the measure, or the one not yet made, as its rule is asked about it.
    private static MeasureEvaluation EvaluationOf(MeasureSummary summary, int year) =>
        summary.Evaluation ?? new MeasureEvaluation { MeasureId = summary.Measure.Id, Measure = summary.Measure, FiscalYear = year };

    /// The year's data is kept for every reader (a measure's page reads its measure from it: the kept year is as new as
    /// the last write to what it read), then narrowed to the evaluations the reader may read.
    private async Task<List<MeasureSummary>> SummariesAsync(int year, int? measureId)
    {
        var data = await cache.GetAsync($"measure-evaluations:{year}", MeasureEvaluationPages.AreasOf(year), () => pages.YearAsync(year));
        return MeasureEvaluationPages.Summaries(data, Actor, await orgTree.GetAsync(), measureId);
    }
}
