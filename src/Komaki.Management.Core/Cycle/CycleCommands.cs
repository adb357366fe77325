namespace Komaki.Management.Core.Cycle;

/// Planning's calendar of the year: each stage's due date, or none.
public sealed class CycleCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    /// A date within two years of the fiscal year for each stage typed, none for a stage left empty; saved together
    /// or not at all.
    public async Task<CommandResult> SaveDeadlinesAsync(int year, IReadOnlyDictionary<CycleStage, string?> due)
    {
        var existing = await db.CycleDeadlines.Where(d => d.FiscalYear == year).ToDictionaryAsync(d => d.Stage);
        var result = new CommandResult();
        foreach (var stage in CycleStages.All)
        {
            var text = due.GetValueOrDefault(stage)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (existing.TryGetValue(stage, out var old)) db.CycleDeadlines.Remove(old);
                continue;
            }
            if (!DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date))
                result.Add($"due[{stage}]", $"{stage.Label()}の期限は日付（例 2026-08-31）で入力してください。");
            else if (date.Year < year - 2 || date.Year > year + 2)
                result.Add($"due[{stage}]", $"{stage.Label()}の期限は{year - 2}年から{year + 2}年の日付にしてください。");
            else if (existing.TryGetValue(stage, out var row)) row.DueOn = date;
            else db.CycleDeadlines.Add(new CycleDeadline { FiscalYear = year, Stage = stage, DueOn = date });
        }
        if (result.Succeeded) return await saver.SaveAsync();
        db.ChangeTracker.Clear();
        return result;
    }
}
