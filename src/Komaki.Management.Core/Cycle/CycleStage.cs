using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Cycle;

/// The stages of one fiscal year's cycle that have a due date. A stage belongs to the fiscal year whose plan,
/// budget or goals it produces; the evaluation stages and 決算 look back at the year before.
public enum CycleStage
{
    PlanEntry = 1,
    BudgetRequest = 2,
    BudgetAdopted = 3,
    GoalsSubmitted = 4,
    GoalsAgreed = 5,
    IndicatorActuals = 6,
    Settlement = 7,
    EvaluationFirstReview = 8,
    EvaluationSecondReview = 9,
    EvaluationPublished = 10,
    ExecutionMidYear = 11,
    GoalsAssessed = 12,
}

/// Who has to act for a stage to be done.
public enum StageOwner
{
    Unit = 1,
    UnitHead = 2,
    Planning = 3,
    Executive = 4,
}

public static class CycleStages
{
    public static readonly IReadOnlyList<CycleStage> All = Enum.GetValues<CycleStage>();

    public static string Label(this CycleStage stage) => stage switch
    {
        CycleStage.PlanEntry => "実施計画の事業登録",
        CycleStage.BudgetRequest => "予算要求",
        CycleStage.BudgetAdopted => "当初予算",
        CycleStage.GoalsSubmitted => "組織目標の提出",
        CycleStage.GoalsAgreed => "組織目標の合意",
        CycleStage.IndicatorActuals => "指標実績の入力（前年度）",
        CycleStage.Settlement => "決算額（前年度）",
        CycleStage.EvaluationFirstReview => "事務事業評価の一次評価（前年度）",
        CycleStage.EvaluationSecondReview => "事務事業評価の二次評価（前年度）",
        CycleStage.EvaluationPublished => "事務事業評価の公表（前年度）",
        CycleStage.ExecutionMidYear => "主要事業の中間進捗",
        CycleStage.GoalsAssessed => "組織目標の自己評価",
        _ => stage.ToString(),
    };

    public static StageOwner Owner(this CycleStage stage) => stage switch
    {
        CycleStage.PlanEntry or CycleStage.BudgetRequest or CycleStage.IndicatorActuals or CycleStage.ExecutionMidYear => StageOwner.Unit,
        CycleStage.GoalsSubmitted or CycleStage.GoalsAssessed or CycleStage.EvaluationFirstReview => StageOwner.UnitHead,
        CycleStage.GoalsAgreed => StageOwner.Executive,
        _ => StageOwner.Planning,
    };

    public static string Label(this StageOwner owner) => owner switch
    {
        StageOwner.Unit => "担当課",
        StageOwner.UnitHead => "所属長",
        StageOwner.Planning => "企画課",
        StageOwner.Executive => "市長・副市長",
        _ => "",
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
public sealed class CycleDeadline : IVersioned, IAudited
{
    public int Id { get; set; }
    public int FiscalYear { get; set; }
    public CycleStage Stage { get; set; }
    public DateOnly DueOn { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(CycleDeadline), Id, $"{Wareki.FiscalYear(FiscalYear)} {Stage.Label()}");
}

/// An in-app reminder to one user that a stage is due or overdue for their unit (or for planning).
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
