namespace Komaki.Management.Web.Features.Survey;

/// 市民意識調査: satisfaction and importance per measure per year, and the CS portfolio that places each
/// measure in its quadrant and shows how it moved since last year.
[Authorize(Policy = Policies.Staff)]
[Route("Survey")]
public sealed class SurveyController(AppDbContext db, SurveyCommands commands) : AppController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var years = await Db.SurveyResults.Select(r => r.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync();
        var y = year ?? (years.Count > 0 ? years[0] : Clock.FiscalYear);
        var measures = await Db.Measures.AsNoTracking().OrderBy(m => m.Code).Select(m => new { m.Id, m.Code, m.Name }).ToListAsync();
        var results = await Db.SurveyResults.AsNoTracking().Where(r => r.FiscalYear == y || r.FiscalYear == y - 1).ToListAsync();
        var (points, ms, mi) = CsPortfolio.Build(measures.Select(m => (m.Id, m.Code, m.Name)).ToList(),
            results.Where(r => r.FiscalYear == y).ToList(), results.Where(r => r.FiscalYear == y - 1).ToList());
        return View(new PortfolioModel(y, years, points, ms, mi, Actor.IsPlanMasterEditor));
    }

    [HttpGet("{year:int}/Edit")]
    public async Task<IActionResult> Edit(int year)
    {
        if (!Actor.IsPlanMasterEditor) return Forbidden();
        var results = await Db.SurveyResults.AsNoTracking().Where(r => r.FiscalYear == year).ToDictionaryAsync(r => r.MeasureId);
        var rows = await Db.Measures.AsNoTracking().Where(m => m.RetiredAt == null).OrderBy(m => m.Code).ToListAsync();
        return View(new SurveyForm
        {
            Year = year,
            Rows = rows.Select(m => new SurveyRow
            {
                MeasureId = m.Id, Code = m.Code, Name = m.Name,
                Satisfaction = results.TryGetValue(m.Id, out var r) ? NumberText.Format(r.Satisfaction) : null,
                Importance = r is null ? null : NumberText.Format(r.Importance),
            }).ToList(),
        });
    }

    [HttpPost("{year:int}/Edit")]
    public async Task<IActionResult> Edit(int year, SurveyForm form)
    {
        if (!Actor.IsPlanMasterEditor) return Forbidden();
        form.Year = year;
        var saved = await commands.SaveAsync(year, form);
        if (saved is null) return BadRequest();
        if (!Accept(saved)) return View(form);
        TempData["Message"] = $"{Wareki.FiscalYear(year)}の市民意識調査の結果を保存しました。";
        return RedirectToAction(nameof(Index), new { year });
    }
}
