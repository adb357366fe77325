using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Plans;

/// Defining, retiring and entering the yearly values of indicators. The values go through Indicator.Enter, the rule
/// every door shares (this form, the evaluation import, the command line's import).
public sealed class IndicatorCommands(AppDbContext db, IndicatorPages pages, RecordSaver saver, CityClock clock) : IUseCase
{
    /// A validated form becomes a new indicator of the measure or project; the result names it.
    public async Task<CommandResult> CreateAsync(IndicatorOwner owner, IndicatorForm form)
    {
        var indicator = new Indicator
        {
            MeasureId = owner.Level == PlanLevel.Measure ? owner.Id : null,
            ProjectId = owner.Level == PlanLevel.Project ? owner.Id : null,
        };
        form.ApplyTo(indicator);
        db.Indicators.Add(indicator);
        var saved = await saver.SaveAsync();
        return saved.Succeeded ? saved.WithRecord(indicator.Id) : saved;
    }

    public Task<CommandResult> EditAsync(Indicator indicator, IndicatorForm form)
    {
        form.ApplyTo(indicator);
        return saver.SaveEditAsync(indicator, form.Version, indicator.AuditTarget);
    }

    /// Retires an indicator, or makes a retired one active again; its values and history stay.
    public Task<CommandResult> ToggleRetiredAsync(Indicator indicator, int version)
    {
        indicator.RetiredAt = indicator.RetiredAt is null ? clock.UtcNow : null;
        return saver.SaveEditAsync(indicator, version, indicator.AuditTarget);
    }

    /// Saves a validated values form of a tracked indicator (FindAsync with tracking): what is locked for the person must
    /// come back as it was, and a published actual changes only as a correction with the form's reason.
    public async Task<CommandResult> SaveValuesAsync(Indicator indicator, ValuesForm form, Actor actor)
    {
        var result = new CommandResult();
        if (indicator.RetiredAt is not null) return result.Add(string.Empty, "廃止された指標の値は変更できません。");
        await pages.LockAsync(form, actor);
        var needsReason = false;
        for (var n = 0; n < form.Rows.Count; n++)
        {
            var row = form.Rows[n];
            var target = NumberText.TryParse(row.Target, out var t) ? t : null;
            var actual = NumberText.TryParse(row.Actual, out var a) ? a : null;
            var existing = indicator.Values.FirstOrDefault(v => v.FiscalYear == row.FiscalYear);
            // What is locked for this person must come back as it was; a forged change is refused beside the field.
            if (row.TargetLocked && target != existing?.Target) result.Add($"Rows[{n}].Target", IndicatorValueRules.TargetLockedMessage);
            if (row.ActualLocked && actual != existing?.Actual) result.Add($"Rows[{n}].Actual", IndicatorValueRules.ActualLockedMessage);
            if (!result.Succeeded) continue;
            needsReason |= indicator.Enter(row.FiscalYear, target, actual, row.ActualPublished, form.CorrectionReason, clock.UtcNow) == ValueEntry.NeedsReason;
        }
        if (needsReason) result.Add(nameof(form.CorrectionReason), IndicatorValueRules.ReasonRequiredMessage);
        if (!result.Succeeded) return result;
        // The indicator's version guards the whole set of yearly values against a concurrent edit; a form sent back
        // unchanged changes nothing, not even the version.
        if (db.ChangeTracker.HasChanges()) db.Entry(indicator).State = EntityState.Modified;
        return await saver.SaveEditAsync(indicator, form.Version, indicator.AuditTarget);
    }
}
