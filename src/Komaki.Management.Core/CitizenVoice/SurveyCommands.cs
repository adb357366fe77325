namespace Komaki.Management.Core.CitizenVoice;

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

/// Planning's entry of a year's 市民意識調査 results: each measure's satisfaction and importance (0–100, both or
/// neither), saved together or not at all. Null when a row names no measure.
public sealed class SurveyCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    public async Task<CommandResult?> SaveAsync(int year, SurveyForm form)
    {
        var measures = await db.Measures.AsNoTracking().ToDictionaryAsync(m => m.Id);
        var existing = await db.SurveyResults.Where(r => r.FiscalYear == year).ToDictionaryAsync(r => r.MeasureId);
        var result = new CommandResult();
        for (var n = 0; n < form.Rows.Count; n++)
        {
            var row = form.Rows[n];
            if (!measures.TryGetValue(row.MeasureId, out var measure)) return null;
            (row.Code, row.Name) = (measure.Code, measure.Name);
            var okS = NumberText.TryParse(row.Satisfaction, out var s);
            var okI = NumberText.TryParse(row.Importance, out var i);
            var before = result.Errors.Count;
            if (!okS || s is < 0 or > 100) result.Add($"Rows[{n}].Satisfaction", $"{measure.Code} の満足度は0〜100の数値で入力してください。");
            if (!okI || i is < 0 or > 100) result.Add($"Rows[{n}].Importance", $"{measure.Code} の重要度は0〜100の数値で入力してください。");
            if (okS && okI && s is null != i is null) result.Add($"Rows[{n}].Importance", $"{measure.Code} は満足度と重要度の両方を入力するか、両方とも空欄にしてください。");
            if (result.Errors.Count > before) continue;
            existing.TryGetValue(row.MeasureId, out var stored);
            if (s is null)
            {
                if (stored is not null) db.SurveyResults.Remove(stored);
                continue;
            }
            if (stored is null)
            {
                stored = new SurveyResult { MeasureId = row.MeasureId, FiscalYear = year };
                db.SurveyResults.Add(stored);
            }
            stored.Satisfaction = s.Value;
            stored.Importance = i!.Value;
        }
        if (result.Succeeded) return await saver.SaveAsync();
        db.ChangeTracker.Clear();
        return result;
    }
}
