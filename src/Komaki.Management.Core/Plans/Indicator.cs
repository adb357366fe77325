using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

public enum IndicatorKind
{
    [Display(Name = "成果指標")]
    Outcome = 1,
    [Display(Name = "活動指標")]
    Activity = 2,
}

public enum IndicatorDirection
{
    [Display(Name = "↑ 高いほど良い")]
    HigherIsBetter = 1,
    [Display(Name = "↓ 低いほど良い")]
    LowerIsBetter = 2,
}

/// 成果指標 / 活動指標 on a measure or a project. Targets and actuals are kept per fiscal year;
/// achievement is always computed from them, never entered.
[DataArea(DataArea.Indicators)]
public sealed class Indicator : OnMeasureOrProject, IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "名称")]
    public string Name { get; set; } = "";
    [Display(Name = "種類")]
    public IndicatorKind Kind { get; set; }
    [Display(Name = "単位")]
    public string Unit { get; set; } = "";
    [Display(Name = "方向")]
    public IndicatorDirection Direction { get; set; }
    [Display(Name = "基準値")]
    public decimal? BaselineValue { get; set; }
    [Display(Name = "基準年度")]
    public int? BaselineYear { get; set; }
    [Display(Name = "概要・説明")]
    public string? Description { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }
    /// Weight in the measure's roll-up (1 = equal share, 0 = not counted).
    [Display(Name = "判定での重み")]
    public decimal Weight { get; set; } = 1m;
    [Display(Name = "廃止日時")]
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

[DataArea(DataArea.Indicators)]
public sealed class IndicatorValue : IAudited
{
    public int Id { get; set; }
    [Display(Name = "指標")]
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "目標値")]
    public decimal? Target { get; set; }
    [Display(Name = "実績値")]
    public decimal? Actual { get; set; }
    /// When planning corrected an actual already published, and why; the public site shows it as 訂正.
    [Display(Name = "訂正日時")]
    public DateTime? CorrectedAt { get; set; }
    [Display(Name = "訂正の理由")]
    public string? CorrectionReason { get; set; }
    /// The actual as it was published, kept at its first correction so that every later reading shows it beside the
    /// corrected one (never a silent rewrite).
    [Display(Name = "公表時の実績値")]
    public decimal? PublishedActual { get; set; }

    public AuditTarget AuditTarget => new(nameof(Indicator), IndicatorId, Wareki.FiscalYear(FiscalYear));
}
