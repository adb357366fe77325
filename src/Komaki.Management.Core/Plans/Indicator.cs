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
    /// which is different from zero.
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
