using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Cycle;

/// The stages of one fiscal year's cycle that have a due date. A stage belongs to the fiscal year whose plan,
/// budget or goals it produces; the evaluation stages and 決算 look back at the year before.
public enum CycleStage
{
    [Display(Name = "実施計画の事業登録")]
    PlanEntry = 1,
    [Display(Name = "予算要求")]
    BudgetRequest = 2,
    [Display(Name = "当初予算")]
    BudgetAdopted = 3,
    [Display(Name = "組織目標の提出")]
    GoalsSubmitted = 4,
    [Display(Name = "組織目標の合意")]
    GoalsAgreed = 5,
    [Display(Name = "指標実績の入力（前年度）")]
    IndicatorActuals = 6,
    [Display(Name = "決算額（前年度）")]
    Settlement = 7,
    [Display(Name = "事務事業評価の一次評価（前年度）")]
    EvaluationFirstReview = 8,
    [Display(Name = "事務事業評価の二次評価（前年度）")]
    EvaluationSecondReview = 9,
    [Display(Name = "事務事業評価の公表（前年度）")]
    EvaluationPublished = 10,
    [Display(Name = "主要事業の中間進捗")]
    ExecutionMidYear = 11,
    [Display(Name = "組織目標の自己評価")]
    GoalsAssessed = 12,
}

/// Who has to act for a stage to be done.
public enum StageOwner
{
    [Display(Name = "担当課")]
    Unit = 1,
    [Display(Name = "所属長")]
    UnitHead = 2,
    [Display(Name = "企画課")]
    Planning = 3,
    [Display(Name = "市長・副市長")]
    Executive = 4,
}

public static class CycleStages
{
    public static readonly IReadOnlyList<CycleStage> All = Enum.GetValues<CycleStage>();

    public static StageOwner Owner(this CycleStage stage) => stage switch
    {
        CycleStage.PlanEntry or CycleStage.BudgetRequest or CycleStage.IndicatorActuals or CycleStage.ExecutionMidYear => StageOwner.Unit,
        CycleStage.GoalsSubmitted or CycleStage.GoalsAssessed or CycleStage.EvaluationFirstReview => StageOwner.UnitHead,
        CycleStage.GoalsAgreed => StageOwner.Executive,
        _ => StageOwner.Planning,
    };

    /// The city's usual calendar, used until planning sets a date: 実施計画 entries by 8月31日 of the year before,
    /// 決算 after 出納閉鎖 (5月31日), evaluations reviewed over the summer and published in September.
    public static DateOnly DefaultDue(this CycleStage stage, int fiscalYear) => stage switch
    {
        CycleStage.PlanEntry => new(fiscalYear - 1, 8, 31),
        CycleStage.BudgetRequest => new(fiscalYear - 1, 10, 31),
        CycleStage.BudgetAdopted => new(fiscalYear, 3, 31),
        CycleStage.GoalsSubmitted => new(fiscalYear, 4, 30),
        CycleStage.GoalsAgreed => new(fiscalYear, 5, 31),
        CycleStage.IndicatorActuals => new(fiscalYear, 6, 30),
        CycleStage.Settlement => new(fiscalYear, 7, 31),
        CycleStage.EvaluationFirstReview => new(fiscalYear, 7, 31),
        CycleStage.EvaluationSecondReview => new(fiscalYear, 8, 31),
        CycleStage.EvaluationPublished => new(fiscalYear, 9, 30),
        CycleStage.ExecutionMidYear => new(fiscalYear, 10, 31),
        CycleStage.GoalsAssessed => new(fiscalYear + 1, 4, 30),
        _ => new(fiscalYear, 3, 31),
    };
}

/// A due date planning has set for one stage of one fiscal year (otherwise the default applies).
[DataArea(DataArea.Cycle)]
public sealed class CycleDeadline : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "段階")]
    public CycleStage Stage { get; set; }
    [Display(Name = "期限")]
    public DateOnly DueOn { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(CycleDeadline), Id, $"{Wareki.FiscalYear(FiscalYear)} {Stage.Label()}");
}

/// An in-app reminder to one user that a stage is due or overdue for their unit (or for planning).
[DataArea(DataArea.Cycle)]
public sealed class Reminder
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public int FiscalYear { get; set; }
    public CycleStage Stage { get; set; }
    public string Message { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public bool Mailed { get; set; }
}
