using System.ComponentModel.DataAnnotations;

namespace Komaki.Management.Core.InternalControl;

/// 内部統制の基本方針, one row per edition: the text adopted and the bodies that run the cycle — the 最高責任者 (the
/// mayor), the 総括責任者, the 推進部局 that asks divisions for their risks and consolidates them, and the 評価部局
/// that evaluates them. The latest edition in force applies; an edition that changes the bodies (who reads every
/// division's risks) waits for an administrator other than its proposer to confirm it.
public sealed class ControlPolicy : IVersioned, IAudited
{
    public int Id { get; set; }
    public int Edition { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public DateOnly AdoptedOn { get; set; }
    public string ChiefName { get; set; } = "";
    public string ResponsibleName { get; set; } = "";
    public int PromotionUnitId { get; set; }
    public int EvaluationUnitId { get; set; }
    /// True while an edition that changes the 推進部局 or 評価部局 waits for a second administrator; the previous
    /// edition's bodies keep their rights until then.
    public bool AwaitingConfirmation { get; set; }
    public string? ProposedById { get; set; }
    public string? ProposedByName { get; set; }
    public string? ConfirmedById { get; set; }
    public string? ConfirmedByName { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(ControlPolicy), Id, Edition.ToString(CultureInfo.InvariantCulture));

    /// Whether this edition gives the rights of the bodies to other units than the edition in force.
    public bool ChangesBodiesOf(ControlPolicy? inForce) =>
        inForce is not null && (inForce.PromotionUnitId != PromotionUnitId || inForce.EvaluationUnitId != EvaluationUnitId);

    /// Why this administrator may not confirm the edition, or null.
    public string? RefusalToConfirm(string adminId) =>
        !AwaitingConfirmation ? "この版はすでに確認されています。"
        : adminId == ProposedById ? "新しい版を保存した人とは別の管理者が確認します。"
        : null;
}

/// The year's cycle of the 総務省 guideline, by its dates: 依頼 → each division's entry (due) → 取りまとめ → 評価 (due)
/// → 評価報告書 → 監査委員の審査 (date, opinion) → 議会 → 公表.
public sealed class ControlYear : IVersioned, IAudited
{
    public int Id { get; set; }
    public int FiscalYear { get; set; }
    public DateOnly? RequestedOn { get; set; }
    public DateOnly EntryDue { get; set; }
    public DateOnly EvaluationDue { get; set; }
    public DateOnly? ConsolidatedOn { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public DateOnly? AuditReviewedOn { get; set; }
    public string? AuditOpinion { get; set; }
    public DateOnly? CouncilOn { get; set; }
    public DateOnly? PublishedOn { get; set; }
    /// The report's figures frozen at 作成 and again at 議会提出 and 公表 (ControlFigures as JSON): what was signed.
    public string? ReportSnapshot { get; set; }
    /// Steps taken with something missing: which step, when, what was missing and the reason given, one per line.
    public string? StepNotes { get; set; }
    /// The city's wording of each level of 発生可能性 and 影響度 for the year; null keeps the standard wording (RiskLevels).
    public string? Likelihood1 { get; set; }
    public string? Likelihood2 { get; set; }
    public string? Likelihood3 { get; set; }
    public string? Impact1 { get; set; }
    public string? Impact2 { get; set; }
    public string? Impact3 { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(ControlYear), Id, FiscalYear.ToString(CultureInfo.InvariantCulture));
}

/// リスク: one risk of a division's work for a year, with its cause, the control in place, likelihood × impact, the
/// response and who answers for it by when; the projects, measures and unit goals it threatens; and the 評価部局's
/// evaluation of the control's design (整備) and operation (運用) with evidence. Its deficiencies are corrected by
/// the division.
public sealed class ControlRisk : IVersioned, IAudited
{
    public int Id { get; set; }
    public int FiscalYear { get; set; }
    /// リスクID: R{年度}-{課コード}-{連番}, given when the risk is saved first.
    public string Code { get; set; } = "";
    public int OrgUnitId { get; set; }
    public ControlArea Area { get; set; } = ControlArea.Finance;
    public string Process { get; set; } = "";
    public string Description { get; set; } = "";
    public RiskScope Scope { get; set; } = RiskScope.UnitSpecific;
    public string Cause { get; set; } = "";
    public string ExistingControl { get; set; } = "";
    public int Likelihood { get; set; }
    public int Impact { get; set; }
    public RiskResponse Response { get; set; } = RiskResponse.Reduce;
    public string Measures { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public RiskState State { get; set; } = RiskState.Draft;
    public ControlRating? DesignRating { get; set; }
    public string? DesignEvidence { get; set; }
    public ControlRating? OperationRating { get; set; }
    public string? OperationEvidence { get; set; }
    public string? EvaluatedBy { get; set; }
    public DateTime? EvaluatedAt { get; set; }
    public int Version { get; set; }
    public List<ControlRiskLink> Links { get; set; } = [];
    public List<ControlDeficiency> Deficiencies { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(ControlRisk), Id, Code);

    /// 優先度 = 発生可能性 × 影響度 (each 1〜3): 6 or more 高, 3〜4 中, else 低.
    public int Score => Likelihood * Impact;

    public RiskPriority Priority => RiskPriorities.Of(Likelihood, Impact);
}

public static class RiskPriorities
{
    public static RiskPriority Of(int likelihood, int impact) => (likelihood * impact) switch
    {
        >= 6 => RiskPriority.High,
        >= 3 => RiskPriority.Medium,
        _ => RiskPriority.Low,
    };

    public static string Explain(int likelihood, int impact) =>
        $"発生可能性 {likelihood} × 影響度 {impact} = {likelihood * impact}（6以上 高・3〜4 中・2以下 低）";
}

/// A project, measure or unit goal the risk threatens (exactly one).
public sealed class ControlRiskLink : IAudited
{
    public int Id { get; set; }
    public int ControlRiskId { get; set; }
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }
    public int? MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public int? OrganizationalGoalId { get; set; }
    public OrganizationalGoal? OrganizationalGoal { get; set; }

    public AuditTarget AuditTarget => new(nameof(ControlRisk), ControlRiskId, "関連");
}

/// 不備: a control missing (整備) or not working (運用), or a 重大な不備, with its 是正措置 and the dates.
public sealed class ControlDeficiency : IVersioned, IAudited
{
    public int Id { get; set; }
    public int ControlRiskId { get; set; }
    public DeficiencyKind Kind { get; set; }
    public string Description { get; set; } = "";
    public string CorrectiveAction { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? CorrectedOn { get; set; }
    public string? CorrectionNote { get; set; }
    /// The 評価部局's confirmation that the correction closes the deficiency (is it really put right?).
    public DateOnly? CorrectionConfirmedOn { get; set; }
    public string? CorrectionConfirmedBy { get; set; }
    /// Why the 評価部局 sent a correction back: the division corrects again.
    public string? ReopenNote { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(ControlRisk), ControlRiskId, "不備");
}

/// 督促: the 推進部局 chasing a 課 that has not started (or not submitted) its register for the year. The 課 sees it
/// on its register until it submits.
public sealed class ControlChase
{
    public int Id { get; set; }
    public int FiscalYear { get; set; }
    public int OrgUnitId { get; set; }
    public DateTime At { get; set; }
    public string ByName { get; set; } = "";
    public string Message { get; set; } = "";
}

/// 事務処理ミス: what happened, why, what it affected, how it was put right and how it will not happen again. It may
/// name the risk it shows (or lead to a new one), and may be published.
public sealed class ProcessingError : IVersioned, IAudited
{
    public int Id { get; set; }
    public int FiscalYear { get; set; }
    public DateOnly OccurredOn { get; set; }
    public int OrgUnitId { get; set; }
    public string Title { get; set; } = "";
    public string WhatHappened { get; set; } = "";
    public string Cause { get; set; } = "";
    public string Impact { get; set; } = "";
    public string Correction { get; set; } = "";
    public string Prevention { get; set; } = "";
    public int? ControlRiskId { get; set; }
    public ControlRisk? ControlRisk { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(ProcessingError), Id);
}

/// 対象事務区分.
public enum ControlArea
{
    [Display(Name = "財務")]
    Finance = 1,
    [Display(Name = "情報管理")]
    Information = 2,
    [Display(Name = "法令遵守")]
    Compliance = 3,
    [Display(Name = "業務の有効性・効率性")]
    Operations = 4,
    [Display(Name = "資産の保全")]
    Assets = 5,
}

public enum RiskScope
{
    [Display(Name = "全庁共通")]
    CityWide = 1,
    [Display(Name = "所属固有")]
    UnitSpecific = 2,
}

/// 対応方針.
public enum RiskResponse
{
    [Display(Name = "回避")]
    Avoid = 1,
    [Display(Name = "低減")]
    Reduce = 2,
    [Display(Name = "移転")]
    Transfer = 3,
    [Display(Name = "受容")]
    Accept = 4,
}

public enum RiskPriority
{
    [Display(Name = "高")]
    High = 1,
    [Display(Name = "中")]
    Medium = 2,
    [Display(Name = "低")]
    Low = 3,
}

public enum RiskState
{
    [Display(Name = "記入中")]
    Draft = 1,
    [Display(Name = "提出済")]
    Submitted = 2,
    [Display(Name = "評価済")]
    Evaluated = 3,
}

public enum ControlRating
{
    [Display(Name = "有効")]
    Effective = 1,
    [Display(Name = "不備あり")]
    Deficient = 2,
}

public enum DeficiencyKind
{
    [Display(Name = "整備上の不備")]
    Design = 1,
    [Display(Name = "運用上の不備")]
    Operation = 2,
    [Display(Name = "重大な不備")]
    Material = 3,
}
