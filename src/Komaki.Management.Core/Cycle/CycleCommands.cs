using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Cycle;

/// The calendar of a year as planning posts it: a row per stage with its due date as typed, or empty for none (a
/// stage not sent has none).
public sealed class CalendarForm
{
    [Display(Name = "年度")]
    public int Year { get; set; }
    public List<StageDue> Due { get; set; } = [];
}

/// One row of the calendar: the stage it is for and its date as typed.
public sealed class StageDue
{
    [Display(Name = "段階")]
    public CycleStage Stage { get; set; }
    [Display(Name = "期限")]
    public string? On { get; set; }
}

/// A date within two years of the fiscal year for each stage typed, beside its field; a stage sent twice is refused.
public sealed class CalendarFormValidator : AbstractValidator<CalendarForm>
{
    public CalendarFormValidator() => RuleFor(f => f.Due).Custom((_, context) =>
    {
        foreach (var (field, message) in CycleCommands.Problems(context.InstanceToValidate)) context.AddFailure(field, message);
    });
}

/// Planning's calendar of the year: each stage's due date, or none.
public sealed class CycleCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    /// Saved together or not at all.
    public async Task<CommandResult> SaveDeadlinesAsync(CalendarForm form)
    {
        var result = new CommandResult();
        foreach (var (field, message) in Problems(form)) result.Add(field, message);
        if (!result.Succeeded) return result;
        var existing = await db.CycleDeadlines.Where(d => d.FiscalYear == form.Year).ToDictionaryAsync(d => d.Stage);
        foreach (var stage in CycleStages.All)
        {
            if (DueOf(form, stage) is not DateOnly date)
            {
                if (existing.TryGetValue(stage, out var old)) db.CycleDeadlines.Remove(old);
            }
            else if (existing.TryGetValue(stage, out var row)) row.DueOn = date;
            else db.CycleDeadlines.Add(new CycleDeadline { FiscalYear = form.Year, Stage = stage, DueOn = date });
        }
        return await saver.SaveAsync();
    }

    /// What is wrong with the dates typed, by field (the form's validator and the command say the same).
    public static IEnumerable<(string Field, string Message)> Problems(CalendarForm form)
    {
        for (var i = 0; i < form.Due.Count; i++)
        {
            var (stage, field) = (form.Due[i].Stage, FieldOf(i));
            if (!CycleStages.All.Contains(stage)) { yield return (field, "段階が見つかりません。画面を開き直して入力してください。"); continue; }
            if (form.Due.Take(i).Any(d => d.Stage == stage)) { yield return (field, $"{stage.Label()}の期限が二つ送られました。一つの段階に期限は一つです。画面を開き直して入力してください。"); continue; }
            var text = form.Due[i].On?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            if (!DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date))
                yield return (field, $"{stage.Label()}の期限は日付（例 2026-08-31）で入力してください。");
            else if (!SensibleDates.Within(date))
                yield return (field, SensibleDates.Message);
            else if (date.Year < form.Year - 2 || date.Year > form.Year + 2)
                yield return (field, $"{stage.Label()}の期限は{form.Year - 2}年から{form.Year + 2}年の日付にしてください。");
        }
    }

    /// The field of the i-th row's date, where its message goes.
    public static string FieldOf(int row) => $"{nameof(CalendarForm.Due)}[{row}].{nameof(StageDue.On)}";

    private static DateOnly? DueOf(CalendarForm form, CycleStage stage) =>
        DateOnly.TryParse(form.Due.FirstOrDefault(d => d.Stage == stage)?.On?.Trim(), CultureInfo.InvariantCulture, out var date) ? date : null;
}

/// What the calendar page reads besides the year's snapshot: which stages have a date of their own.
public sealed class CyclePages(AppDbContext db) : IUseCase
{
    public Task<List<CycleStage>> StagesSetAsync(int year) =>
        db.CycleDeadlines.AsNoTracking().Where(d => d.FiscalYear == year).Select(d => d.Stage).ToListAsync();
}
