using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Evaluation;

/// 改善: what an evaluation says must change, followed until it shows in a later plan or budget. It stays open until
/// it is answered by a concrete implementation-plan line or budget line of a later year, or closed with a reason.
/// The division proposes the answer (or the closing) with a note; someone outside the division — planning, the
/// 評価部局 — confirms it or sends it back, so nobody signs off an improvement of their own unit. Its year is the
/// fiscal year evaluated: the answer must come from a later year.
[DataArea(DataArea.Check)]
public sealed class ImprovementAction : ProjectYearRecord, IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "担当課")]
    public int OwnerUnitId { get; set; }
    /// The evaluation that opened it (null for other sources, e.g. the citizens' forum).
    [Display(Name = "もとの事務事業評価")]
    public int? ProjectEvaluationId { get; set; }
    public ProjectEvaluation? ProjectEvaluation { get; set; }
    [Display(Name = "今後の方向性")]
    public Direction Direction { get; set; }
    [Display(Name = "概要・説明")]
    public string Description { get; set; } = "";
    [Display(Name = "起票日時")]
    public DateTime OpenedAt { get; set; }
    [Display(Name = "状態")]
    public ImprovementState State { get; set; } = ImprovementState.Open;
    [Display(Name = "対応した実施計画")]
    public int? AnswerPlanLineId { get; set; }
    public ImplementationPlanLine? AnswerPlanLine { get; set; }
    [Display(Name = "対応した予算")]
    public int? AnswerBudgetLineId { get; set; }
    public BudgetLine? AnswerBudgetLine { get; set; }
    [Display(Name = "備考")]
    public string? Note { get; set; }
    [Display(Name = "反映案の提出者")]
    public string? ProposedBy { get; set; }
    /// The proposer's user name, so that the one who proposed never confirms.
    [Display(Name = "反映案の提出者（ユーザー名）")]
    public string? ProposedByUser { get; set; }
    [Display(Name = "反映案の提出日時")]
    public DateTime? ProposedAt { get; set; }
    /// More money or a wider project than the year before after a 縮小・廃止 verdict (ImprovementAnswers.AgainstVerdict),
    /// decided when proposed and shown to the confirmer.
    [Display(Name = "評価の方向性と異なる反映")]
    public bool AgainstVerdict { get; set; }
    [Display(Name = "方向性と異なる理由")]
    public string? DeviationReason { get; set; }
    [Display(Name = "確認者のコメント")]
    public string? ConfirmNote { get; set; }
    [Display(Name = "完了確認者")]
    public string? ClosedBy { get; set; }
    [Display(Name = "完了日時")]
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(ImprovementAction), Id);

    public int AgeInDays(DateTime now) => (int)(((ClosedAt ?? now) - OpenedAt).TotalDays);
}

public enum ImprovementState
{
    [Display(Name = "対応中")]
    Open = 1,
    [Display(Name = "計画・予算に反映")]
    Answered = 2,
    [Display(Name = "理由を付して終了")]
    Closed = 3,
    /// The division has proposed its answer (or closing); it waits for someone outside the division to confirm it.
    [Display(Name = "反映案の確認待ち")]
    Proposed = 4,
}

public static class ImprovementLabels
{
    /// The action a second review opens, or null when the direction stands at 継続.
    public static ImprovementAction? OpenedBy(ProjectEvaluation e, DateTime now, DirectionCatalog directions) =>
        e.FinalDirection is Direction d and not Direction.Continue
            ? new ImprovementAction
            {
                ProjectId = e.ProjectId, OwnerUnitId = e.OwnerUnitId, ProjectEvaluationId = e.Id, FiscalYear = e.FiscalYear, Direction = d,
                Description = e.Improvement ?? e.SecondReason ?? $"方向性「{directions.Label(d)}」への対応", OpenedAt = now,
            }
            : null;
}
