using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.CitizenVoice;

/// What the 市民意識調査 pages read: the CS portfolio of a year against the year before, and the entry form.
public sealed class SurveyPages(AppDbContext db) : IUseCase
{
    /// The year asked for, or the latest with results (this year when there are none).
    public async Task<SurveyPortfolio> PortfolioAsync(int? year, int thisYear)
    {
        var years = await db.SurveyResults.Select(r => r.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync();
        var y = year ?? (years.Count > 0 ? years[0] : thisYear);
        var measures = await db.Measures.AsNoTracking().OrderBy(m => m.Code).Select(m => new { m.Id, m.Code, m.Name }).ToListAsync();
        var results = await db.SurveyResults.AsNoTracking().Where(r => r.FiscalYear == y || r.FiscalYear == y - 1).ToListAsync();
        var (points, ms, mi) = CsPortfolio.Build(measures.Select(m => (m.Id, m.Code, m.Name)).ToList(),
            results.Where(r => r.FiscalYear == y).ToList(), results.Where(r => r.FiscalYear == y - 1).ToList());
        return new SurveyPortfolio(y, years, points, ms, mi);
    }

    /// The year's results, a row per measure in use.
    public async Task<SurveyForm> FormAsync(int year)
    {
        var results = await db.SurveyResults.AsNoTracking().Where(r => r.FiscalYear == year).ToDictionaryAsync(r => r.MeasureId);
        var rows = await db.Measures.AsNoTracking().Where(m => m.RetiredAt == null).OrderBy(m => m.Code).ToListAsync();
        return new SurveyForm
        {
            Year = year,
            Rows = rows.Select(m => new SurveyRow
            {
                MeasureId = m.Id, Code = m.Code, Name = m.Name,
                Satisfaction = results.TryGetValue(m.Id, out var r) ? NumberText.Format(r.Satisfaction) : null,
                Importance = r is null ? null : NumberText.Format(r.Importance),
            }).ToList(),
        };
    }

    /// The measures' codes and names on a posted form shown again; false when a row names no measure.
    public async Task<bool> NameAsync(SurveyForm form)
    {
        var ids = form.Rows.Select(r => r.MeasureId).ToList();
        var measures = await db.Measures.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
        foreach (var row in form.Rows)
        {
            if (!measures.TryGetValue(row.MeasureId, out var m)) return false;
            (row.Code, row.Name) = (m.Code, m.Name);
        }
        return true;
    }
}

public sealed record SurveyPortfolio(int Year, IReadOnlyList<int> Years, IReadOnlyList<PortfolioPoint> Points, decimal MeanSatisfaction, decimal MeanImportance);
