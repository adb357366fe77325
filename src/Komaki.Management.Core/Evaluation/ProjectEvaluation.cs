using System.ComponentModel.DataAnnotations;

namespace Komaki.Management.Core.Evaluation;

/// 事務事業評価: one project's evaluation for one fiscal year. It starts from what the system knows (settled cost,
/// indicators, last year's direction); the department adds staff time, ratings, the direction and the improvement;
/// the unit head's first review and planning's second review follow, then publication.
public sealed class ProjectEvaluation : IVersioned, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int FiscalYear { get; set; }
    public int OwnerUnitId { get; set; }
    /// 決算額 (yen) as taken from the budget when the sheet was started; null when the year is not settled yet.
    public long? SettledCost { get; set; }
    /// 人工: staff time on the project in person-years.
    public decimal StaffPersonYears { get; set; }
    /// Of the 人工, the part worked by 再任用 and by 会計年度任用 staff; the rest is regular staff. Null when the
    /// division did not say (older evaluations, imports): the reconciliation then compares the total only.
    public decimal? ReappointedPersonYears { get; set; }
    public decimal? FiscalYearPersonYears { get; set; }
    /// The staff cost of one person-year in force for this evaluation (yen).
    public long StaffCostPerPersonYear { get; set; }
    /// 目的: 対象（誰・何を）と意図（どのような状態にしたいか）, and 手段（何をするか）, as the 事務事業評価表 asks.
    public string? PurposeTarget { get; set; }
    public string? PurposeIntent { get; set; }
    public string? Means { get; set; }
    public Rating? Necessity { get; set; }
    public string? NecessityReason { get; set; }
    public Rating? Effectiveness { get; set; }
    public string? EffectivenessReason { get; set; }
    public Rating? Efficiency { get; set; }
    public string? EfficiencyReason { get; set; }
    public Rating? Equity { get; set; }
    public string? EquityReason { get; set; }
    public Direction? FirstDirection { get; set; }
    public string? Improvement { get; set; }
    public Direction? SecondDirection { get; set; }
    public string? SecondReason { get; set; }
    public EvaluationState State { get; set; } = EvaluationState.Draft;
    public string? FirstReviewedBy { get; set; }
    public DateTime? FirstReviewedAt { get; set; }
    public string? SecondReviewedBy { get; set; }
    public DateTime? SecondReviewedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? ReturnComment { get; set; }
    /// What the consistency checks found when a review was confirmed anyway, and the reviewer's written reason.
    public string? FirstReviewFindings { get; set; }
    public string? FirstReviewExplanation { get; set; }
    public string? SecondReviewFindings { get; set; }
    public string? SecondReviewExplanation { get; set; }
    /// At publication: the 確認事項 no review had answered (a sheet still incomplete, or checks a review never ran),
    /// with planning's reason for publishing anyway.
    public string? PublishFindings { get; set; }
    public string? PublishExplanation { get; set; }
    /// The sheet's costs and indicators as published (PublishedSheet as JSON).
    public string? PublishedSheet { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(ProjectEvaluation), Id);

    /// 人件費 as another system recorded it (imported history); when set it stands instead of 人工 × 単価.
    public long? RecordedStaffCost { get; set; }

    /// 人件費.
    public long StaffCost => RecordedStaffCost ?? (long)Math.Round(StaffPersonYears * StaffCostPerPersonYear, MidpointRounding.AwayFromZero);

    /// 総コスト = 事業費（決算） + 人件費.
    public long? FullCost => SettledCost is long s ? s + StaffCost : null;

    /// The direction that stands: planning's second review where it changed it, else the department's.
    public Direction? FinalDirection => SecondDirection ?? FirstDirection;
}

public enum Rating
{
    [Display(Name = "A（高い）")]
    A = 1,
    [Display(Name = "B（普通）")]
    B = 2,
    [Display(Name = "C（低い）")]
    C = 3,
}

public enum Direction
{
    Expand = 1,
    Continue = 2,
    Improve = 3,
    Reduce = 4,
    Merge = 5,
    SuspendOrAbolish = 6,
    Complete = 7,
    /// 廃止→新規: the project ends and a new one takes up its aim (Komaki, since 令和元年度).
    AbolishAndReplace = 8,
}

public enum EvaluationState
{
    [Display(Name = "作成中")]
    Draft = 1,
    [Display(Name = "一次評価済")]
    FirstReviewed = 2,
    [Display(Name = "二次評価済")]
    SecondReviewed = 3,
    [Display(Name = "公表済")]
    Published = 4,
}

public static class EvaluationLabels
{
    public static readonly IReadOnlyList<Rating> Ratings = Enum.GetValues<Rating>();
    public static readonly IReadOnlyList<EvaluationState> States = Enum.GetValues<EvaluationState>();
}
