using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Evaluation;

/// 事務事業評価: one project's evaluation for one fiscal year. It starts from what the system knows (settled cost,
/// indicators, last year's direction); the department adds staff time, ratings, the direction and the improvement;
/// the unit head's first review and planning's second review follow, then publication.
[DataArea(DataArea.Check)]
public sealed class ProjectEvaluation : ProjectYearRecord, IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "担当課")]
    public int OwnerUnitId { get; set; }
    /// 決算額 (yen) as taken from the budget when the sheet was started; null when the year is not settled yet.
    [Display(Name = "決算額")]
    public long? SettledCost { get; set; }
    /// 人工: staff time on the project in person-years.
    [Display(Name = "人工")]
    public decimal StaffPersonYears { get; set; }
    /// Of the 人工, the part worked by 再任用 and by 会計年度任用 staff; the rest is regular staff. Null when the
    /// division did not say (older evaluations, imports): the reconciliation then compares the total only.
    [Display(Name = "うち再任用の人工")]
    public decimal? ReappointedPersonYears { get; set; }
    [Display(Name = "うち会計年度任用の人工")]
    public decimal? FiscalYearPersonYears { get; set; }
    /// The staff cost of one person-year in force for this evaluation (yen).
    [Display(Name = "人件費単価")]
    public long StaffCostPerPersonYear { get; set; }
    /// 目的: 対象（誰・何を）と意図（どのような状態にしたいか）, and 手段（何をするか）, as the 事務事業評価表 asks.
    [Display(Name = "目的（対象）")]
    public string? PurposeTarget { get; set; }
    [Display(Name = "目的（意図）")]
    public string? PurposeIntent { get; set; }
    [Display(Name = "手段")]
    public string? Means { get; set; }
    [Display(Name = "必要性")]
    public Rating? Necessity { get; set; }
    [Display(Name = "必要性の理由")]
    public string? NecessityReason { get; set; }
    [Display(Name = "有効性")]
    public Rating? Effectiveness { get; set; }
    [Display(Name = "有効性の理由")]
    public string? EffectivenessReason { get; set; }
    [Display(Name = "効率性")]
    public Rating? Efficiency { get; set; }
    [Display(Name = "効率性の理由")]
    public string? EfficiencyReason { get; set; }
    [Display(Name = "公平性")]
    public Rating? Equity { get; set; }
    [Display(Name = "公平性の理由")]
    public string? EquityReason { get; set; }
    [Display(Name = "方向性（一次）")]
    public Direction? FirstDirection { get; set; }
    [Display(Name = "改善内容")]
    public string? Improvement { get; set; }
    [Display(Name = "方向性（二次）")]
    public Direction? SecondDirection { get; set; }
    [Display(Name = "二次評価の所見")]
    public string? SecondReason { get; set; }
    [Display(Name = "状態")]
    public EvaluationState State { get; set; } = EvaluationState.Draft;
    [Display(Name = "一次評価者")]
    public string? FirstReviewedBy { get; set; }
    [Display(Name = "一次評価日時")]
    public DateTime? FirstReviewedAt { get; set; }
    [Display(Name = "二次評価者")]
    public string? SecondReviewedBy { get; set; }
    [Display(Name = "二次評価日時")]
    public DateTime? SecondReviewedAt { get; set; }
    [Display(Name = "公表日時")]
    public DateTime? PublishedAt { get; set; }
    [Display(Name = "差し戻し理由")]
    public string? ReturnComment { get; set; }
    /// What the consistency checks found when a review was confirmed anyway, and the reviewer's written reason.
    [Display(Name = "一次評価の確認事項")]
    public string? FirstReviewFindings { get; set; }
    [Display(Name = "一次評価の確認事項への説明")]
    public string? FirstReviewExplanation { get; set; }
    [Display(Name = "二次評価の確認事項")]
    public string? SecondReviewFindings { get; set; }
    [Display(Name = "二次評価の確認事項への説明")]
    public string? SecondReviewExplanation { get; set; }
    /// At publication: the 確認事項 no review had answered (a sheet still incomplete, or checks a review never ran),
    /// with planning's reason for publishing anyway.
    [Display(Name = "公表時の確認事項")]
    public string? PublishFindings { get; set; }
    [Display(Name = "公表時の確認事項への説明")]
    public string? PublishExplanation { get; set; }
    /// The sheet's costs and indicators as published (PublishedSheet as JSON).
    [Display(Name = "公表時の評価シート（コスト・指標）")]
    public string? PublishedSheet { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(ProjectEvaluation), Id);

    /// 人件費 as another system recorded it (imported history); when set it stands instead of 人工 × 単価.
    [Display(Name = "人件費（取込値）")]
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
