using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.CitizenVoice;

public sealed class SurveyRow
{
    [Display(Name = "施策")]
    public int MeasureId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Satisfaction { get; set; }
    public string? Importance { get; set; }
}

public sealed class SurveyForm
{
    [Display(Name = "年度")]
    public int Year { get; set; }
    public List<SurveyRow> Rows { get; set; } = [];
}

/// Each measure's satisfaction and importance: numbers from 0 to 100, both or neither, beside the field.
public sealed class SurveyFormValidator : AbstractValidator<SurveyForm>
{
    public SurveyFormValidator() => RuleForEach(f => f.Rows).Custom((row, context) =>
    {
        var n = context.InstanceToValidate.Rows.IndexOf(row);
        foreach (var (field, message) in SurveyCommands.Problems(row))
            context.AddFailure($"Rows[{n}].{field}", message);
    });
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
            var before = result.Errors.Count;
            foreach (var (field, message) in Problems(row)) result.Add($"Rows[{n}].{field}", message);
            if (result.Errors.Count > before) continue;
            _ = NumberText.TryParse(row.Satisfaction, out var s);
            _ = NumberText.TryParse(row.Importance, out var i);
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

    /// What is wrong with a row's numbers, by field (the form's validator and the command say the same).
    public static IEnumerable<(string Field, string Message)> Problems(SurveyRow row)
    {
        var what = row.Code.Length > 0 ? $"{row.Code} の" : "";
        var okS = NumberText.TryParse(row.Satisfaction, ModelLengths.DecimalsOf<SurveyResult>(r => r.Satisfaction), out var s);
        var okI = NumberText.TryParse(row.Importance, ModelLengths.DecimalsOf<SurveyResult>(r => r.Importance), out var i);
        if (!okS || s is < 0 or > 100) yield return (nameof(SurveyRow.Satisfaction), $"{what}満足度は0〜100の数値で入力してください。");
        if (!okI || i is < 0 or > 100) yield return (nameof(SurveyRow.Importance), $"{what}重要度は0〜100の数値で入力してください。");
        if (okS && okI && s is null != i is null) yield return (nameof(SurveyRow.Importance), $"{what}満足度と重要度の両方を入力するか、両方とも空欄にしてください。");
    }
}
