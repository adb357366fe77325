using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Manifesto;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Personnel;

/// 人事評価: one person's evaluation for a year — 能力評価 against the criteria of their job level and 業績評価 of
/// their goals — from the goals they submit to the grade disclosed to them. The post, unit and evaluators are those
/// on the design's reference date; the personnel division may reassign evaluators. Private: PersonnelAccess says who
/// reads it, and every read is logged (PersonnelRead).
[DataArea(DataArea.None)]
public sealed class PersonnelEvaluation : IVersioned, IAudited, ISigned
{
    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "職員")]
    public int StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    [Display(Name = "所属")]
    public int OrgUnitId { get; set; }
    [Display(Name = "職名")]
    public string Position { get; set; } = "";
    [Display(Name = "職層")]
    public JobLevel JobLevel { get; set; }
    [Display(Name = "一次評価者")]
    public int? FirstEvaluatorId { get; set; }
    public StaffMember? FirstEvaluator { get; set; }
    [Display(Name = "二次評価者")]
    public int? SecondEvaluatorId { get; set; }
    public StaffMember? SecondEvaluator { get; set; }
    [Display(Name = "状態")]
    public PersonnelState State { get; set; } = PersonnelState.GoalSetting;
    [Display(Name = "期首面談の日")]
    public DateOnly? GoalInterviewOn { get; set; }
    [Display(Name = "期首面談の記録")]
    public string? GoalInterviewNote { get; set; }
    [Display(Name = "中間面談の日")]
    public DateOnly? MidYearInterviewOn { get; set; }
    [Display(Name = "中間面談の記録")]
    public string? MidYearInterviewNote { get; set; }
    [Display(Name = "能力評価（確定）")]
    public string? FinalCompetenceGrade { get; set; }
    [Display(Name = "業績評価（確定）")]
    public string? FinalPerformanceGrade { get; set; }
    /// Why the 調整者 set a final grade other than the last evaluator's, or why a complaint changed it.
    [Display(Name = "調整の理由")]
    public string? AdjustmentReason { get; set; }
    /// 人事課内のメモ of the 調整 (the quota, the department's balance…): for the personnel division only, never disclosed.
    [Display(Name = "調整の人事課内メモ")]
    public string? AdjustmentNote { get; set; }
    /// What the person was shown at 開示, kept as shown: a later change after a complaint is recorded on the complaint
    /// and shown beside it with its date.
    [Display(Name = "開示した能力評価")]
    public string? DisclosedCompetenceGrade { get; set; }
    [Display(Name = "開示した業績評価")]
    public string? DisclosedPerformanceGrade { get; set; }
    [Display(Name = "開示した調整の理由")]
    public string? DisclosedReason { get; set; }
    [Display(Name = "開示日")]
    public DateOnly? DisclosedOn { get; set; }
    [Display(Name = "苦情相談の期限")]
    public DateOnly? ComplaintDeadline { get; set; }
    [Display(Name = "本人の確認日時")]
    public DateTime? AcknowledgedAt { get; set; }
    public int Version { get; set; }
    public List<PerformanceGoal> Goals { get; set; } = [];
    public List<EvaluationMark> Marks { get; set; } = [];
    public List<PerformanceGoalChange> GoalChanges { get; set; } = [];
    public List<PersonnelEvent> Events { get; set; } = [];
    public List<PersonnelComplaint> Complaints { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(PersonnelEvaluation), Id);

    /// The goals were agreed at the 期首面談 (what they serve reads as then: PerformanceGoal.AgreedServes).
    public bool IsSigned => State >= PersonnelState.GoalsAgreed;

    public IEnumerable<PerformanceGoal> OrderedGoals => Goals.OrderBy(g => g.SortOrder).ThenBy(g => g.Id);

    /// A mark the stage's holder confirmed; a draft (一時保存) is seen only by its holder, through DraftMark.
    public EvaluationMark? Mark(MarkStage stage, AppraisalPart part, int? criterionId = null, int? goalId = null) =>
        Marks.FirstOrDefault(m => !m.Draft && m.Stage == stage && m.Part == part && m.CompetenceCriterionId == criterionId && m.PerformanceGoalId == goalId);

    public EvaluationMark? DraftMark(MarkStage stage, AppraisalPart part, int? criterionId = null, int? goalId = null) =>
        Marks.FirstOrDefault(m => m.Draft && m.Stage == stage && m.Part == part && m.CompetenceCriterionId == criterionId && m.PerformanceGoalId == goalId);

    public bool HasDraft(MarkStage stage) => Marks.Any(m => m.Draft && m.Stage == stage);

    /// The overall grade the last evaluator gave (二次, or 一次 when there is no second evaluator).
    public string? LastEvaluatorGrade(AppraisalPart part) =>
        Mark(MarkStage.Second, part)?.Grade ?? (SecondEvaluatorId is null ? Mark(MarkStage.First, part)?.Grade : null);
}

/// 業績目標 (個人目標): one goal of the person for the year, set from the unit goal (or the measure, project or manifesto
/// item) it serves, with 達成基準, 困難度 and ウエイト. Goals written before the personnel division opened the year
/// (PersonnelEvaluationId null) are attached to the person's evaluation when it opens.
[DataArea(DataArea.None)]
public sealed class PerformanceGoal : OnMeasureOrProject, IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "人事評価")]
    public int? PersonnelEvaluationId { get; set; }
    [Display(Name = "本人")]
    public string? OwnerUserId { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "組織目標")]
    public int? OrganizationalGoalId { get; set; }
    public OrganizationalGoal? OrganizationalGoal { get; set; }
    [Display(Name = "マニフェスト項目")]
    public int? ManifestoItemId { get; set; }
    public ManifestoItem? ManifestoItem { get; set; }
    [Display(Name = "名称")]
    public string Title { get; set; } = "";
    [Display(Name = "概要・説明")]
    public string Description { get; set; } = "";
    /// 達成基準.
    [Display(Name = "目標値")]
    public string? Target { get; set; }
    [Display(Name = "困難度")]
    public GoalDifficulty? Difficulty { get; set; }
    /// ウエイト in percent; a person's goals add up to 100.
    [Display(Name = "判定での重み")]
    public int? Weight { get; set; }
    /// What the person reports as achieved, at the self-assessment.
    [Display(Name = "結果")]
    public string? Result { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(PersonnelEvaluation), PersonnelEvaluationId ?? 0, "業績目標");

    /// What the goal serves as it was worded when the goal was agreed (期首面談, or the interview of a later change):
    /// "" when it served nothing, null while not yet agreed. The agreed sheet shows this, not the wording of today.
    [Display(Name = "合意した関連")]
    public string? AgreedServes { get; set; }

    /// What the goal serves as worded today (the live record).
    public string? Serves => ServesWording(OrganizationalGoal, Measure, Project, ManifestoItem);

    /// What the sheet, its print and its Excel show: the wording agreed once there is one.
    public string? ServesShown => AgreedServes is null ? Serves : AgreedServes.Length == 0 ? null : AgreedServes;

    /// The record it serves was renamed (or removed) after the agreement: the sheet says so beside what was agreed.
    public const string ChangedSinceAgreed = "合意後に組織目標が変更されています";

    public bool ServesChangedSinceAgreed => AgreedServes is not null && (Serves ?? "") != AgreedServes;

    /// Keeps the wording the goal is agreed against (the references must be loaded).
    public void KeepAgreedServes() => AgreedServes = Serves ?? "";

    public static string? ServesWording(OrganizationalGoal? g, Measure? m, Project? p, ManifestoItem? i) =>
        g is not null ? $"組織目標「{g.Title}」"
        : m is not null ? $"施策 {m.Code} {m.Name}"
        : p is not null ? $"事務事業 {p.Code} {p.Name}"
        : i is not null ? $"マニフェスト {i.Number} {i.Title}"
        : null;
}

/// A goal changed at the mid-year interview: when, why, by whom, and the goal before and after (as text).
[DataArea(DataArea.None)]
public sealed class PerformanceGoalChange
{
    public int Id { get; set; }
    public int PersonnelEvaluationId { get; set; }
    public DateOnly ChangedOn { get; set; }
    public string Reason { get; set; } = "";
    public string Before { get; set; } = "";
    public string After { get; set; } = "";
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
}

/// A grade and comment of one stage (self, first, second) for one criterion, one goal, or — with neither — the
/// part's overall grade.
[DataArea(DataArea.None)]
public sealed class EvaluationMark : IAudited
{
    public int Id { get; set; }
    [Display(Name = "人事評価")]
    public int PersonnelEvaluationId { get; set; }
    [Display(Name = "段階")]
    public MarkStage Stage { get; set; }
    [Display(Name = "評価の区分")]
    public AppraisalPart Part { get; set; }
    [Display(Name = "評価項目")]
    public int? CompetenceCriterionId { get; set; }
    [Display(Name = "業績目標")]
    public int? PerformanceGoalId { get; set; }
    [Display(Name = "評語")]
    public string? Grade { get; set; }
    [Display(Name = "所見")]
    public string? Comment { get; set; }
    /// 一時保存: saved by the stage's holder, not yet confirmed; nobody else sees it and it counts nowhere.
    [Display(Name = "一時保存")]
    public bool Draft { get; set; }
    /// The result the person wrote for a goal in a draft self-assessment (the goal's Result is set when confirmed).
    [Display(Name = "一時保存した実績")]
    public string? DraftResult { get; set; }

    /// Filed apart from the evaluation's own history (PersonnelMarksHistory): drafts and grades before disclosure are
    /// the personnel division's to read, not the person's.
    public AuditTarget AuditTarget => new(PersonnelMarksHistory.RecordType, PersonnelEvaluationId, $"{Stage.Label()}・{Part.Label()}");
}

/// One step of the evaluation, who took it and when, with what they said.
[DataArea(DataArea.None)]
public sealed class PersonnelEvent
{
    public int Id { get; set; }
    public int PersonnelEvaluationId { get; set; }
    public PersonnelStep Step { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateTime At { get; set; }
    public string? Comment { get; set; }
}

/// 苦情相談: what the person raised after disclosure, and how the personnel division answered.
[DataArea(DataArea.None)]
public sealed class PersonnelComplaint : IAudited
{
    public int Id { get; set; }
    [Display(Name = "人事評価")]
    public int PersonnelEvaluationId { get; set; }
    [Display(Name = "申出日時")]
    public DateTime FiledAt { get; set; }
    [Display(Name = "苦情相談の内容")]
    public string Content { get; set; } = "";
    [Display(Name = "回答日時")]
    public DateTime? AnsweredAt { get; set; }
    [Display(Name = "回答者")]
    public string? AnsweredBy { get; set; }
    [Display(Name = "回答")]
    public string? Answer { get; set; }
    [Display(Name = "結果")]
    public ComplaintOutcome? Outcome { get; set; }
    /// The grades after the answer, when it changed them: a new version shown beside what was disclosed.
    [Display(Name = "変更後の能力評価")]
    public string? CompetenceGrade { get; set; }
    [Display(Name = "変更後の業績評価")]
    public string? PerformanceGrade { get; set; }

    public AuditTarget AuditTarget => new(PersonnelMarksHistory.RecordType, PersonnelEvaluationId, "苦情相談");
}

/// Who read which evaluation, when, and on what screen or export. Kept for the personnel division and audit.
[DataArea(DataArea.None)]
public sealed class PersonnelRead
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string UserName { get; set; } = "";
    /// The account's id: a name can be changed or given again, the id cannot.
    public string? UserId { get; set; }
    public int PersonnelEvaluationId { get; set; }
    public string What { get; set; } = "";
}

public enum PersonnelState
{
    [Display(Name = "目標設定中")]
    GoalSetting = 1,
    [Display(Name = "期首面談待ち")]
    GoalsSubmitted = 2,
    [Display(Name = "目標合意済")]
    GoalsAgreed = 3,
    [Display(Name = "中間面談済")]
    MidYearReviewed = 4,
    [Display(Name = "自己評価済")]
    SelfAssessed = 5,
    [Display(Name = "一次評価済")]
    FirstEvaluated = 6,
    [Display(Name = "二次評価済")]
    SecondEvaluated = 7,
    [Display(Name = "調整・確認済")]
    Confirmed = 8,
    [Display(Name = "開示済")]
    Disclosed = 9,
    [Display(Name = "本人確認済")]
    Acknowledged = 10,
}

public enum PersonnelStep
{
    [Display(Name = "評価の開始")]
    Opened = 1,
    [Display(Name = "目標の提出（自己申告）")]
    SubmitGoals = 2,
    [Display(Name = "期首面談（目標の合意）")]
    AgreeGoals = 3,
    [Display(Name = "目標の差し戻し")]
    ReturnGoals = 4,
    [Display(Name = "目標の変更")]
    ChangeGoals = 5,
    [Display(Name = "中間面談")]
    MidYearInterview = 6,
    [Display(Name = "自己評価")]
    SelfAssess = 7,
    [Display(Name = "一次評価")]
    FirstEvaluate = 8,
    [Display(Name = "二次評価")]
    SecondEvaluate = 9,
    [Display(Name = "調整・確認")]
    Confirm = 10,
    [Display(Name = "開示")]
    Disclose = 11,
    [Display(Name = "開示内容の確認")]
    Acknowledge = 12,
    [Display(Name = "苦情相談の申出")]
    FileComplaint = 13,
    [Display(Name = "苦情相談への回答")]
    AnswerComplaint = 14,
    [Display(Name = "評価者の変更")]
    Reassign = 15,
}

public enum MarkStage
{
    [Display(Name = "自己評価")]
    Self = 1,
    [Display(Name = "一次評価")]
    First = 2,
    [Display(Name = "二次評価")]
    Second = 3,
}

public enum AppraisalPart
{
    [Display(Name = "能力評価")]
    Competence = 1,
    [Display(Name = "業績評価")]
    Performance = 2,
}

/// 困難度.
public enum GoalDifficulty
{
    [Display(Name = "高")]
    High = 1,
    [Display(Name = "中")]
    Medium = 2,
    [Display(Name = "低")]
    Low = 3,
}

public enum ComplaintOutcome
{
    [Display(Name = "評価を維持")]
    Upheld = 1,
    [Display(Name = "評価を変更")]
    Changed = 2,
}
