using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Cycle;

/// The calendar of a year as planning posts it: each stage's due date as typed, or empty for none.
public sealed class CalendarForm
{
    [Display(Name = "年度")]
    public int Year { get; set; }
    public Dictionary<CycleStage, string?> Due { get; set; } = [];
}

/// A date within two years of the fiscal year for each stage typed, beside its field.
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
        foreach (var stage in CycleStages.All)
        {
            var text = form.Due.GetValueOrDefault(stage)?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            if (!DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date))
                yield return ($"due[{stage}]", $"{stage.Label()}の期限は日付（例 2026-08-31）で入力してください。");
            else if (!SensibleDates.Within(date))
                yield return ($"due[{stage}]", SensibleDates.Message);
            else if (date.Year < form.Year - 2 || date.Year > form.Year + 2)
                yield return ($"due[{stage}]", $"{stage.Label()}の期限は{form.Year - 2}年から{form.Year + 2}年の日付にしてください。");
        }
    }

    private static DateOnly? DueOf(CalendarForm form, CycleStage stage) =>
        DateOnly.TryParse(form.Due.GetValueOrDefault(stage)?.Trim(), CultureInfo.InvariantCulture, out var date) ? date : null;
}

/// What the calendar page reads besides the year's snapshot: which stages have a date of their own.
public sealed class CyclePages(AppDbContext db) : IUseCase
{
    public Task<List<CycleStage>> StagesSetAsync(int year) =>
        db.CycleDeadlines.AsNoTracking().Where(d => d.FiscalYear == year).Select(d => d.Stage).ToListAsync();
}
