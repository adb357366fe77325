using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Manifesto;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Goals;

/// 組織目標: a 部 or 課 goal for a year, agreed with the top at the hearing, reviewed mid-year and
/// self-assessed at year end. The workflow is in GoalWorkflow; every step is kept in Events.
[DataArea(DataArea.Goals)]
public sealed class OrganizationalGoal : IVersioned, IAudited, ISigned
{
    public int Id { get; set; }
    [Display(Name = "所属")]
    public int OrgUnitId { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "名称")]
    public string Title { get; set; } = "";
    /// The unit's own reasons for the goal (設定理由・背景).
    [Display(Name = "設定理由")]
    public string Reason { get; set; } = "";
    [Display(Name = "状態")]
    public GoalState State { get; set; } = GoalState.Draft;
    [Display(Name = "中間確認")]
    public string? MidYearReview { get; set; }
    [Display(Name = "達成度")]
    public GoalGrade? Grade { get; set; }
    [Display(Name = "評価の根拠")]
    public string? GradeEvidence { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }
    public int Version { get; set; }
    public List<GoalLink> Links { get; set; } = [];
    public List<GoalIndicator> Indicators { get; set; } = [];
    public List<GoalStep> Steps { get; set; } = [];
    public List<GoalEvent> Events { get; set; } = [];

    /// Agreed at the hearing (what it serves reads as then: GoalLink.AgreedName).
    public bool IsSigned => State >= GoalState.Agreed;

    /// Whether the person wrote any of the content (created the goal or changed it since): they may not agree to it or
    /// confirm it (GoalWorkflow.Check). Needs the events loaded.
    public bool WrittenBy(string userName) =>
        Events.Any(e => e.Action is GoalAction.Created or GoalAction.ContentEdited && string.Equals(e.UserName, userName, StringComparison.OrdinalIgnoreCase));

    public AuditTarget AuditTarget => new(nameof(OrganizationalGoal), Id);
}

/// A measure, project or manifesto item the goal serves (exactly one).
[DataArea(DataArea.Goals)]
public sealed class GoalLink : OnMeasureOrProject, IAudited
{
    public int Id { get; set; }
    [Display(Name = "組織目標")]
    public int OrganizationalGoalId { get; set; }
    [Display(Name = "マニフェスト項目")]
    public int? ManifestoItemId { get; set; }
    public ManifestoItem? ManifestoItem { get; set; }
    /// The code and name of what it serves as they read when the goal was agreed at the hearing (null before): the
    /// agreed goal shows these, not today's, so a renamed measure does not rewrite what was agreed.
    [Display(Name = "合意したコード")]
    public string? AgreedCode { get; set; }
    [Display(Name = "合意した名称")]
    public string? AgreedName { get; set; }

    public string? CodeToday => Measure?.Code ?? Project?.Code ?? ManifestoItem?.Number;
    public string? NameToday => Measure?.Name ?? Project?.Name ?? ManifestoItem?.Title;

    /// Keeps the wording the goal is agreed against (the link's record must be loaded).
    public void KeepAgreed()
    {
        AgreedCode = CodeToday;
        AgreedName = NameToday;
    }

    /// What it serves was renamed after the agreement.
    public bool ChangedSinceAgreed => AgreedName is not null && (AgreedCode != CodeToday || AgreedName != NameToday);

    public AuditTarget AuditTarget => new(nameof(OrganizationalGoal), OrganizationalGoalId, "関連");
}

/// How the goal is measured: the target agreed at the hearing and, at year end, the actual.
[DataArea(DataArea.Goals)]
public sealed class GoalIndicator : IAudited
{
    public int Id { get; set; }
    [Display(Name = "組織目標")]
    public int OrganizationalGoalId { get; set; }
    [Display(Name = "名称")]
    public string Name { get; set; } = "";
    [Display(Name = "単位")]
    public string Unit { get; set; } = "";
    [Display(Name = "目標値")]
    public decimal? Target { get; set; }
    /// 現状値: where the unit stands when it sets the goal, so the target reads as a change.
    [Display(Name = "現状値")]
    public decimal? Baseline { get; set; }
    [Display(Name = "方向")]
    public Plans.IndicatorDirection Direction { get; set; } = Plans.IndicatorDirection.HigherIsBetter;
    [Display(Name = "実績値")]
    public decimal? Actual { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }

    public AuditTarget AuditTarget => new(nameof(OrganizationalGoal), OrganizationalGoalId, "指標");
}

/// An action step with its schedule (e.g. 4月〜6月).
[DataArea(DataArea.Goals)]
public sealed class GoalStep : IAudited
{
    public int Id { get; set; }
    [Display(Name = "組織目標")]
    public int OrganizationalGoalId { get; set; }
    [Display(Name = "取組")]
    public string Action { get; set; } = "";
    [Display(Name = "時期")]
    public string Schedule { get; set; } = "";
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }

    public AuditTarget AuditTarget => new(nameof(OrganizationalGoal), OrganizationalGoalId, "取組");
}

/// One step of the workflow or a comment: who, when, what they said.
[DataArea(DataArea.Goals)]
public sealed class GoalEvent
{
    public int Id { get; set; }
    public int OrganizationalGoalId { get; set; }
    public GoalAction Action { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateTime At { get; set; }
    public string? Comment { get; set; }
}

public enum GoalState
{
    [Display(Name = "下書き")]
    Draft = 1,
    [Display(Name = "提出済（ヒアリング待ち）")]
    Submitted = 2,
    [Display(Name = "修正依頼")]
    ChangesRequested = 3,
    [Display(Name = "合意済")]
    Agreed = 4,
    [Display(Name = "中間確認済")]
    MidYearReviewed = 5,
    [Display(Name = "自己評価済")]
    SelfAssessed = 6,
    [Display(Name = "確定")]
    Confirmed = 7,
}

public enum GoalAction
{
    [Display(Name = "作成")]
    Created = 1,
    [Display(Name = "提出")]
    Submitted = 2,
    [Display(Name = "修正依頼")]
    ChangesRequested = 3,
    [Display(Name = "合意")]
    Agreed = 4,
    [Display(Name = "中間確認")]
    MidYearReviewed = 5,
    [Display(Name = "自己評価")]
    SelfAssessed = 6,
    [Display(Name = "確定")]
    Confirmed = 7,
    [Display(Name = "コメント")]
    Commented = 8,
    [Display(Name = "内容の変更")]
    ContentEdited = 9,
}

public enum GoalGrade
{
    [Display(Name = "S（目標を大きく上回った）")]
    S = 1,
    [Display(Name = "A（目標を上回った）")]
    A = 2,
    [Display(Name = "B（目標どおり）")]
    B = 3,
    [Display(Name = "C（目標をやや下回った）")]
    C = 4,
    [Display(Name = "D（目標を大きく下回った）")]
    D = 5,
}

public static class GoalLabels
{
    public static readonly IReadOnlyList<GoalState> States = Enum.GetValues<GoalState>();
    public static readonly IReadOnlyList<GoalGrade> Grades = Enum.GetValues<GoalGrade>();
}
