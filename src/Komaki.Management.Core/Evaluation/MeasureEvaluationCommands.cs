using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Evaluation;

/// Writing the owning division's evaluation of a measure's year. The form has passed its validator.
public sealed class MeasureEvaluationCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    /// The measure's evaluation of the year, a new one when there is none; refused when someone else saved it since
    /// the form was opened, or a text is longer than its column.
    public async Task<CommandResult> SaveAsync(int measureId, int year, MeasureEvaluationForm form, string byName, DateTime at)
    {
        var e = await db.MeasureEvaluations.FirstOrDefaultAsync(x => x.MeasureId == measureId && x.FiscalYear == year);
        if (e is null) db.MeasureEvaluations.Add(e = new MeasureEvaluation { MeasureId = measureId, FiscalYear = year });
        var before = e.Id == 0 ? "" : e.PublicText();
        (e.Assessment, e.Direction) = (form.Assessment!.Trim(), form.Direction);
        if (await PublishedCorrections.ApplyAsync(db, e, before, form.CorrectionReason, at) is { } refused) return refused;
        // Posting the form back unchanged changes nothing, not even who assessed it.
        if (e.Id == 0 || e.PublicText() != before) (e.AssessedBy, e.AssessedAt) = (byName, at);
        var saved = await saver.SaveEditsAsync([(e, e.Id == 0 ? 0 : form.Version)], e.AuditTarget);
        return saved.Succeeded ? saved.WithRecord(e.Id) : saved;
    }
}
