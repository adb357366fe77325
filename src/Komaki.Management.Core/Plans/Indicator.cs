namespace Komaki.Management.Core.Plans;

public enum IndicatorKind
{
    Outcome = 1,
    Activity = 2,
}

public enum IndicatorDirection
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

/// 成果指標 / 活動指標 on a measure or a project. Targets and actuals are kept per fiscal year;
/// achievement is always computed from them, never entered.
public sealed class Indicator : IVersioned, IAudited
{
    public int Id { get; set; }
    public int? MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }
    public string Name { get; set; } = "";
    public IndicatorKind Kind { get; set; }
    public string Unit { get; set; } = "";
    public IndicatorDirection Direction { get; set; }
    public decimal? BaselineValue { get; set; }
    public int? BaselineYear { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    /// Weight in the measure's roll-up (1 = equal share, 0 = not counted).
    public decimal Weight { get; set; } = 1m;
    public DateTime? RetiredAt { get; set; }
    public int Version { get; set; }
    public List<IndicatorValue> Values { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(Indicator), Id);

    public Achievement AchievementIn(int fiscalYear)
    {
        var v = Values.FirstOrDefault(x => x.FiscalYear == fiscalYear);
        return Achievement.Evaluate(Direction, v?.Target, v?.Actual);
    }

    /// Sets one year's target and actual, adding the year if it is new. Empty means "not yet known",
    /// which is different from zero. Outside this class only demo data of a city with nothing published calls it
    /// (IndicatorDoorsTests holds that); every door enters values through Enter, which keeps the published-actual rule.
    public IndicatorValue SetValue(int fiscalYear, decimal? target, decimal? actual)
    {
        var v = Values.FirstOrDefault(x => x.FiscalYear == fiscalYear);
        if (v is null)
        {
            v = new IndicatorValue { Indicator = this, IndicatorId = Id, FiscalYear = fiscalYear };
            Values.Add(v);
        }
        v.Target = target;
        v.Actual = actual;
        return v;
    }

    /// What entering one year's target and actual would do, without doing it: the rule every door asks (the values
    /// form, every import, the command line). A published actual that changes is a correction, refused without a reason.
    public ValueEntry Try(int fiscalYear, decimal? target, decimal? actual, bool actualPublished, string? correctionReason)
    {
        var v = Values.FirstOrDefault(x => x.FiscalYear == fiscalYear);
        if (v is null ? target is null && actual is null : v.Target == target && v.Actual == actual) return ValueEntry.Unchanged;
        if (IndicatorValueRules.IsCorrection(actualPublished, v?.Actual, actual))
            return string.IsNullOrWhiteSpace(correctionReason) ? ValueEntry.NeedsReason : ValueEntry.Corrected;
        // A year that was corrected keeps its row (and with it the correction) even when emptied.
        return target is null && actual is null && v!.CorrectedAt is null ? ValueEntry.Removed : ValueEntry.Set;
    }

    /// Enters one year's target and actual as Try says. A correction is stamped with its time and reason, and the
    /// actual as it was published is kept beside it (公表時 / 訂正) — at the first correction, never overwritten later.
    /// Refused (NeedsReason) changes nothing. A removed year leaves Values, and EF deletes it with the indicator saved.
    public ValueEntry Enter(int fiscalYear, decimal? target, decimal? actual, bool actualPublished, string? correctionReason, DateTime now)
    {
        var entry = Try(fiscalYear, target, actual, actualPublished, correctionReason);
        switch (entry)
        {
            case ValueEntry.Removed:
                Values.Remove(Values.First(x => x.FiscalYear == fiscalYear));
                break;
            case ValueEntry.Corrected:
                var published = Values.First(x => x.FiscalYear == fiscalYear).Actual;
                var v = SetValue(fiscalYear, target, actual);
                v.PublishedActual ??= published;
                (v.CorrectedAt, v.CorrectionReason) = (now, correctionReason!.Trim());
                break;
            case ValueEntry.Set:
                SetValue(fiscalYear, target, actual);
                break;
        }
        return entry;
    }
}

/// What entering a year's values did.
public enum ValueEntry
{
    Unchanged,
    Set,
    Removed,
    /// A published actual changed, with its reason.
    Corrected,
    /// A published actual would change without a reason: refused, nothing changed.
    NeedsReason,
}

public sealed class IndicatorValue : IAudited
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int FiscalYear { get; set; }
    public decimal? Target { get; set; }
    public decimal? Actual { get; set; }
    /// When planning corrected an actual already published, and why; the public site shows it as 訂正.
    public DateTime? CorrectedAt { get; set; }
    public string? CorrectionReason { get; set; }
    /// The actual as it was published, kept at its first correction so that every later reading shows it beside the
    /// corrected one (never a silent rewrite).
    public decimal? PublishedActual { get; set; }

    public AuditTarget AuditTarget => new(nameof(Indicator), IndicatorId, Wareki.FiscalYear(FiscalYear));
}
