namespace Komaki.Management.Web.Features.Survey;

public sealed record PortfolioModel(int Year, IReadOnlyList<int> Years, IReadOnlyList<PortfolioPoint> Points, decimal MeanSatisfaction, decimal MeanImportance, bool CanEdit);

public sealed class SurveyRow
{
    public int MeasureId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Satisfaction { get; set; }
    public string? Importance { get; set; }
}

public sealed class SurveyForm
{
    public int Year { get; set; }
    public List<SurveyRow> Rows { get; set; } = [];
}

/// 市民意識調査: satisfaction and importance per measure per year, and the CS portfolio that places each
/// measure in its quadrant and shows how it moved since last year.
[Authorize(Roles = Roles.Staff)]
[Route("Survey")]
public sealed class SurveyController(AppDbContext db) : AppController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var years = await Db.SurveyResults.Select(r => r.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync();
        var y = year ?? (years.Count > 0 ? years[0] : Display.CurrentFiscalYear());
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
        var measures = await Db.Measures.AsNoTracking().ToDictionaryAsync(m => m.Id);
        var existing = await Db.SurveyResults.Where(r => r.FiscalYear == year).ToDictionaryAsync(r => r.MeasureId);
        for (var n = 0; n < form.Rows.Count; n++)
        {
            var row = form.Rows[n];
            if (!measures.TryGetValue(row.MeasureId, out var measure)) return BadRequest();
            (row.Code, row.Name) = (measure.Code, measure.Name);
            var okS = NumberText.TryParse(row.Satisfaction, out var s);
            var okI = NumberText.TryParse(row.Importance, out var i);
            if (!okS || s is < 0 or > 100) ModelState.AddModelError($"Rows[{n}].Satisfaction", $"{measure.Code} の満足度は0〜100の数値で入力してください。");
            if (!okI || i is < 0 or > 100) ModelState.AddModelError($"Rows[{n}].Importance", $"{measure.Code} の重要度は0〜100の数値で入力してください。");
            if (okS && okI && s is null != i is null) ModelState.AddModelError($"Rows[{n}].Importance", $"{measure.Code} は満足度と重要度の両方を入力するか、両方とも空欄にしてください。");
            if (!ModelState.IsValid) continue;
            existing.TryGetValue(row.MeasureId, out var result);
            if (s is null)
            {
                if (result is not null) Db.SurveyResults.Remove(result);
                continue;
            }
            if (result is null)
            {
                result = new SurveyResult { MeasureId = row.MeasureId, FiscalYear = year };
                Db.SurveyResults.Add(result);
            }
            result.Satisfaction = s.Value;
            result.Importance = i!.Value;
        }
        if (!ModelState.IsValid) return View(form);
        await Db.SaveChangesAsync();
        TempData["Message"] = $"{Wareki.FiscalYear(year)}の市民意識調査の結果を保存しました。";
        return RedirectToAction(nameof(Index), new { year });
    }
}
