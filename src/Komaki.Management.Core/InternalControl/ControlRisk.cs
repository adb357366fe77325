using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.InternalControl;

/// 内部統制の基本方針, one row per edition: the text adopted and the bodies that run the cycle — the 最高責任者 (the
/// mayor), the 総括責任者, the 推進部局 that asks divisions for their risks and consolidates them, and the 評価部局
/// that evaluates them. The latest edition in force applies; an edition that changes the bodies (who reads every
/// division's risks) waits for an administrator other than its proposer to confirm it. Under Publishing with the
/// risks: who the bodies are decides what 対応待ち keeps for each person (ControlWork).
[DataArea(DataArea.Publishing)]
public sealed class ControlPolicy : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "版")]
    public int Edition { get; set; }
    [Display(Name = "名称")]
    public string Title { get; set; } = "";
    [Display(Name = "本文")]
    public string Text { get; set; } = "";
    [Display(Name = "策定日")]
    public DateOnly AdoptedOn { get; set; }
    [Display(Name = "最高責任者")]
    public string ChiefName { get; set; } = "";
    [Display(Name = "総括責任者")]
    public string ResponsibleName { get; set; } = "";
    [Display(Name = "推進部局")]
    public int PromotionUnitId { get; set; }
    [Display(Name = "評価部局")]
    public int EvaluationUnitId { get; set; }
    /// True while an edition that changes the 推進部局 or 評価部局 waits for a second administrator; the previous
    /// edition's bodies keep their rights until then.
    [Display(Name = "承認待ち")]
    public bool AwaitingConfirmation { get; set; }
    [Display(Name = "提案した管理者")]
    public string? ProposedById { get; set; }
    [Display(Name = "提案した管理者の氏名")]
    public string? ProposedByName { get; set; }
    [Display(Name = "承認した管理者")]
    public string? ConfirmedById { get; set; }
    [Display(Name = "承認した管理者の氏名")]
    public string? ConfirmedByName { get; set; }
    [Display(Name = "承認日時")]
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
// What the public 内部統制 page shows once published: the report's figures and the published processing errors.
[DataArea(DataArea.Publishing)]
public sealed class ControlYear : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "依頼日")]
    public DateOnly? RequestedOn { get; set; }
    [Display(Name = "記入期限")]
    public DateOnly EntryDue { get; set; }
    [Display(Name = "評価期限")]
    public DateOnly EvaluationDue { get; set; }
    [Display(Name = "取りまとめ日")]
    public DateOnly? ConsolidatedOn { get; set; }
    [Display(Name = "報告書作成日")]
    public DateOnly? ReportedOn { get; set; }
    [Display(Name = "監査委員の審査日")]
    public DateOnly? AuditReviewedOn { get; set; }
    [Display(Name = "監査委員の意見")]
    public string? AuditOpinion { get; set; }
    [Display(Name = "議会への提出日")]
    public DateOnly? CouncilOn { get; set; }
    [Display(Name = "公表日")]
    public DateOnly? PublishedOn { get; set; }
    /// The report's figures frozen at 作成 and again at 議会提出 and 公表 (ControlFigures as JSON): what was signed.
    [Display(Name = "確定した報告書の数値")]
    public string? ReportSnapshot { get; set; }
    /// Steps taken with something missing: which step, when, what was missing and the reason given, one per line.
    [Display(Name = "不足を承知で進めた記録")]
    public string? StepNotes { get; set; }
    /// The city's wording of each level of 発生可能性 and 影響度 for the year; null keeps the standard wording (RiskLevels).
    [Display(Name = "発生可能性1の定義")]
    public string? Likelihood1 { get; set; }
    [Display(Name = "発生可能性2の定義")]
    public string? Likelihood2 { get; set; }
    [Display(Name = "発生可能性3の定義")]
    public string? Likelihood3 { get; set; }
    [Display(Name = "影響度1の定義")]
    public string? Impact1 { get; set; }
    [Display(Name = "影響度2の定義")]
    public string? Impact2 { get; set; }
    [Display(Name = "影響度3の定義")]
    public string? Impact3 { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(ControlYear), Id, FiscalYear.ToString(CultureInfo.InvariantCulture));
}

/// リスク: one risk of a division's work for a year, with its cause, the control in place, likelihood × impact, the
/// response and who answers for it by when; the projects, measures and unit goals it threatens; and the 評価部局's
/// evaluation of the control's design (整備) and operation (運用) with evidence. Its deficiencies are corrected by
/// the division.
[DataArea(DataArea.Publishing)]
public sealed class ControlRisk : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    /// リスクID: R{年度}-{課コード}-{連番}, given when the risk is saved first.
    [Display(Name = "コード")]
    public string Code { get; set; } = "";
    [Display(Name = "所属")]
    public int OrgUnitId { get; set; }
    [Display(Name = "分野")]
    public ControlArea Area { get; set; } = ControlArea.Finance;
    [Display(Name = "業務・手順")]
    public string Process { get; set; } = "";
    [Display(Name = "概要・説明")]
    public string Description { get; set; } = "";
    [Display(Name = "分類")]
    public RiskScope Scope { get; set; } = RiskScope.UnitSpecific;
    [Display(Name = "発生原因")]
    public string Cause { get; set; } = "";
    [Display(Name = "既存の統制")]
    public string ExistingControl { get; set; } = "";
    [Display(Name = "発生可能性")]
    public int Likelihood { get; set; }
    [Display(Name = "影響度")]
    public int Impact { get; set; }
    [Display(Name = "対応方針")]
    public RiskResponse Response { get; set; } = RiskResponse.Reduce;
    [Display(Name = "対応策")]
    public string Measures { get; set; } = "";
    [Display(Name = "責任者")]
    public string Owner { get; set; } = "";
    [Display(Name = "期限")]
    public DateOnly? DueOn { get; set; }
    [Display(Name = "状態")]
    public RiskState State { get; set; } = RiskState.Draft;
    [Display(Name = "整備状況")]
    public ControlRating? DesignRating { get; set; }
    [Display(Name = "整備状況の根拠")]
    public string? DesignEvidence { get; set; }
    [Display(Name = "運用状況")]
    public ControlRating? OperationRating { get; set; }
    [Display(Name = "運用状況の根拠")]
    public string? OperationEvidence { get; set; }
    [Display(Name = "評価者")]
    public string? EvaluatedBy { get; set; }
    [Display(Name = "評価日時")]
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
[DataArea(DataArea.Publishing)] // the city-wide register (CityRegister) is kept under Publishing with its risks
public sealed class ControlRiskLink : OnMeasureOrProject, IAudited
{
    public int Id { get; set; }
    [Display(Name = "リスク")]
    public int ControlRiskId { get; set; }
    [Display(Name = "組織目標")]
    public int? OrganizationalGoalId { get; set; }
    public OrganizationalGoal? OrganizationalGoal { get; set; }

    public AuditTarget AuditTarget => new(nameof(ControlRisk), ControlRiskId, "関連");
}

/// 不備: a control missing (整備) or not working (運用), or a 重大な不備, with its 是正措置 and the dates.
[DataArea(DataArea.Publishing)]
public sealed class ControlDeficiency : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "リスク")]
    public int ControlRiskId { get; set; }
    [Display(Name = "種類")]
    public DeficiencyKind Kind { get; set; }
    [Display(Name = "概要・説明")]
    public string Description { get; set; } = "";
    [Display(Name = "是正措置")]
    public string CorrectiveAction { get; set; } = "";
    [Display(Name = "期限")]
    public DateOnly DueOn { get; set; }
    [Display(Name = "是正日")]
    public DateOnly? CorrectedOn { get; set; }
    [Display(Name = "是正の内容")]
    public string? CorrectionNote { get; set; }
    /// The 評価部局's confirmation that the correction closes the deficiency (is it really put right?).
    [Display(Name = "是正の確認日")]
    public DateOnly? CorrectionConfirmedOn { get; set; }
    [Display(Name = "是正の確認者")]
    public string? CorrectionConfirmedBy { get; set; }
    /// Why the 評価部局 sent a correction back: the division corrects again.
    [Display(Name = "是正の差し戻し")]
    public string? ReopenNote { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(ControlRisk), ControlRiskId, "不備");
}

/// 督促: the 推進部局 chasing a 課 that has not started (or not submitted) its register for the year. The 課 sees it
/// on its register until it submits.
[DataArea(DataArea.Publishing)] // the 督促 of the city-wide register's coverage table (CityRegister)
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
[DataArea(DataArea.Publishing)]
public sealed class ProcessingError : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "発生日")]
    public DateOnly OccurredOn { get; set; }
    [Display(Name = "所属")]
    public int OrgUnitId { get; set; }
    [Display(Name = "名称")]
    public string Title { get; set; } = "";
    [Display(Name = "事案の内容")]
    public string WhatHappened { get; set; } = "";
    [Display(Name = "発生原因")]
    public string Cause { get; set; } = "";
    [Display(Name = "影響度")]
    public string Impact { get; set; } = "";
    [Display(Name = "対応（是正）")]
    public string Correction { get; set; } = "";
    [Display(Name = "再発防止策")]
    public string Prevention { get; set; } = "";
    [Display(Name = "リスク")]
    public int? ControlRiskId { get; set; }
    public ControlRisk? ControlRisk { get; set; }
    [Display(Name = "公表日")]
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
