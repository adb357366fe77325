using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Common;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Survey;

/// 市民意識調査: satisfaction and importance per measure per year, and the CS portfolio that places each
/// measure in its quadrant and shows how it moved since last year.
[Authorize(Policy = Policies.Staff)]
[Route("Survey")]
public sealed class SurveyController(SurveyPages pages, SurveyCommands commands) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var p = await pages.PortfolioAsync(year, Clock.FiscalYear);
        return View(new PortfolioModel(p.Year, p.Years, p.Points, p.MeanSatisfaction, p.MeanImportance, await MayAsync(ResultOf(p.Year), RecordOperations.Edit)));
    }

    [HttpGet("{year:int}/Edit")]
    public async Task<IActionResult> Edit(int year) =>
        await RefusalAsync(ResultOf(year), RecordOperations.Edit) is string refused ? Forbidden(refused) : View(await pages.FormAsync(year));

    [HttpPost("{year:int}/Edit")]
    public async Task<IActionResult> Edit(int year, SurveyForm form)
    {
        if (await RefusalAsync(ResultOf(year), RecordOperations.Edit) is string refused) return Forbidden(refused);
        form.Year = year;
        if (!await ValidateAsync(form)) return await pages.NameAsync(form) ? View(form) : BadRequest();
        var saved = await commands.SaveAsync(year, form);
        if (saved is null) return BadRequest();
        if (!Accept(saved)) return View(form);
        TempData["Message"] = $"{Wareki.FiscalYear(year)}の市民意識調査の結果を保存しました。";
        return RedirectToAction(nameof(Index), new { year });
    }

    /// The year's results are entered on one page for every measure: asked about as a new result of the year.
    private static SurveyResult ResultOf(int year) => new() { FiscalYear = year };
}
