using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.BudgetFormulation;

/// The stages of 予算編成, in their order. Request is each 課's (submitted by its head, line by line); the others are
/// committed for a 部 at once by the 財政課 (市長査定 by the mayor or the 財政課 acting for the mayor).
public enum BudgetStage
{
    [Display(Name = "要求")]
    Request = 1,
    [Display(Name = "財政課査定")]
    FinanceAssessment = 2,
    [Display(Name = "市長査定")]
    MayorAssessment = 3,
    [Display(Name = "内示")]
    Notice = 4,
    [Display(Name = "復活要求")]
    Restoration = 5,
    [Display(Name = "復活査定")]
    RestorationAssessment = 6,
    [Display(Name = "予算案")]
    Proposal = 7,
}

/// 予算編成方針 of one budget year (the year the budget is for): the policy's text, the stages the city uses with
/// their due dates, and the 一般財源 frame (枠) of each 部 that budgets by frame.
// 予算編成: the requests and stages carry their amounts into the budget table (Do) as they are submitted and committed.
[DataArea(DataArea.Do)]
public sealed class BudgetRound : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "予算編成方針")]
    public string? Policy { get; set; }
    public int Version { get; set; }
    public List<BudgetRoundStage> Stages { get; set; } = [];
    public List<BudgetFrame> Frames { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(BudgetRound), Id, FiscalYear.ToString(CultureInfo.InvariantCulture));

    /// The stages in use, in order.
    public IReadOnlyList<BudgetRoundStage> InUse => Stages.Where(s => s.InUse).OrderBy(s => s.Stage).ToList();

    public BudgetRoundStage? StageOf(BudgetStage stage) => Stages.FirstOrDefault(s => s.Stage == stage && s.InUse);

    /// The stage in use before this one (the one whose amounts this one starts from), or null for 要求.
    public BudgetStage? Previous(BudgetStage stage) => InUse.Where(s => s.Stage < stage).Select(s => (BudgetStage?)s.Stage).LastOrDefault();

    /// The default stages with due dates in the usual calendar: 要求 in November, 財政課査定 in December, 市長査定 in
    /// January, 内示 and 復活 at the turn of January, 予算案 in early February.
    public static BudgetRound Defaults(int fiscalYear) => new()
    {
        FiscalYear = fiscalYear,
        Stages =
        [
            new() { Stage = BudgetStage.Request, InUse = true, DueOn = new DateOnly(fiscalYear - 1, 11, 20) },
            new() { Stage = BudgetStage.FinanceAssessment, InUse = true, DueOn = new DateOnly(fiscalYear - 1, 12, 25) },
            new() { Stage = BudgetStage.MayorAssessment, InUse = true, DueOn = new DateOnly(fiscalYear, 1, 15) },
            new() { Stage = BudgetStage.Notice, InUse = true, DueOn = new DateOnly(fiscalYear, 1, 20) },
            new() { Stage = BudgetStage.Restoration, InUse = true, DueOn = new DateOnly(fiscalYear, 1, 24) },
            new() { Stage = BudgetStage.RestorationAssessment, InUse = true, DueOn = new DateOnly(fiscalYear, 1, 31) },
            new() { Stage = BudgetStage.Proposal, InUse = true, DueOn = new DateOnly(fiscalYear, 2, 10) },
        ],
    };
}

/// A stage of the year's round: whether it is used and its due date. Its changes are the round's history.
[DataArea(DataArea.Do)]
public sealed class BudgetRoundStage : IAudited
{
    public int Id { get; set; }
    [Display(Name = "予算編成")]
    public int BudgetRoundId { get; set; }
    [Display(Name = "段階")]
    public BudgetStage Stage { get; set; }
    [Display(Name = "使う")]
    public bool InUse { get; set; } = true;
    [Display(Name = "期限")]
    public DateOnly DueOn { get; set; }

    public AuditTarget AuditTarget => new(nameof(BudgetRound), BudgetRoundId, Stage.Label());
}

/// 枠: the 一般財源 a 部 may request for its ordinary spending (new projects included; the 財政課 judges what is over).
/// Its changes are the round's history.
[DataArea(DataArea.Do)]
public sealed class BudgetFrame : IAudited
{
    public int Id { get; set; }
    [Display(Name = "予算編成")]
    public int BudgetRoundId { get; set; }
    [Display(Name = "部")]
    public int DepartmentId { get; set; }
    [Display(Name = "枠（一般財源）")]
    public long GeneralFund { get; set; }

    public AuditTarget AuditTarget => new(nameof(BudgetRound), BudgetRoundId, "枠");
}

/// 財源内訳 of an amount: the five parts add up to the 歳出.
public interface IFunded
{
    long Expenditure { get; }
    Funding Funding { get; }
}

/// A 課's request for one 事業 in one budget year: what the division enters (歳出, 財源内訳, 要求理由, new or
/// continuing) until its head submits it; from then on its amounts live in its stages.
[DataArea(DataArea.Do)]
public sealed class BudgetRequest : ProjectYearRecord, IVersioned, IAudited, IFunded
{
    public int Id { get; set; }
    [Display(Name = "所属")]
    public int OrgUnitId { get; set; }
    [Display(Name = "新規")]
    public bool IsNew { get; set; }
    [Display(Name = "歳出")]
    public long Expenditure { get; set; }
    [Display(Name = "財源内訳")]
    public Funding Funding { get; set; } = Funding.None;
    [Display(Name = "要求理由")]
    public string? Reason { get; set; }
    /// Who last entered the request: the one person who may not submit it.
    [Display(Name = "入力者")]
    public string? EnteredBy { get; set; }
    [Display(Name = "提出者")]
    public string? SubmittedBy { get; set; }
    [Display(Name = "提出日時")]
    public DateTime? SubmittedAt { get; set; }
    public int Version { get; set; }
    public List<BudgetStageEntry> Entries { get; set; } = [];
    public List<BudgetRestoration> Restorations { get; set; } = [];
    /// The 歳出 by 節, when the 課 gives it (empty when it does not).
    public List<BudgetRequestSetsu> Breakdown { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(BudgetRequest), Id);
}

/// The amounts of one line at one stage, with the reason, who and when. A committed entry is never changed: a line's
/// history is its entries. An entry not yet committed is the assessor's draft for the stage.
[DataArea(DataArea.Do)]
public sealed class BudgetStageEntry : IAudited, IFunded
{
    public int Id { get; set; }
    [Display(Name = "予算要求")]
    public int BudgetRequestId { get; set; }
    [Display(Name = "段階")]
    public BudgetStage Stage { get; set; }
    [Display(Name = "歳出")]
    public long Expenditure { get; set; }
    [Display(Name = "財源内訳")]
    public Funding Funding { get; set; } = Funding.None;
    [Display(Name = "理由")]
    public string? Reason { get; set; }
    /// Why the line goes against the evaluation or the 実施計画 (asked on the confirmation page).
    [Display(Name = "評価・実施計画と食い違う理由")]
    public string? CheckReason { get; set; }
    [Display(Name = "記録者")]
    public string RecordedBy { get; set; } = "";
    [Display(Name = "記録日時")]
    public DateTime RecordedAt { get; set; }
    [Display(Name = "確定")]
    public bool Committed { get; set; }

    public AuditTarget AuditTarget => new(nameof(BudgetStageEntry), Id);
}

/// A stage committed for a 部 (or, for 要求, never: the request is submitted line by line): who, when, the totals.
[DataArea(DataArea.Do)]
public sealed class BudgetStageCommit : IAudited
{
    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "段階")]
    public BudgetStage Stage { get; set; }
    [Display(Name = "部")]
    public int DepartmentId { get; set; }
    [Display(Name = "確定者")]
    public string CommittedBy { get; set; } = "";
    [Display(Name = "確定日時")]
    public DateTime CommittedAt { get; set; }
    [Display(Name = "行数")]
    public int Lines { get; set; }
    [Display(Name = "歳出")]
    public long Expenditure { get; set; }
    [Display(Name = "一般財源")]
    public long General { get; set; }
    /// The 部's projects still active in the year that had no request when the stage was committed (「コード 名称」, a
    /// line each): at 予算案 the budget goes to the council without them, a decision with its reason.
    [Display(Name = "要求のない事業")]
    public string? Unrequested { get; set; }
    [Display(Name = "要求のない事業の理由")]
    public string? UnrequestedReason { get; set; }

    public AuditTarget AuditTarget => new(nameof(BudgetStageCommit), Id);
}

/// 復活要求: after 内示, a 課 asks to restore an amount to a line, with its reason; the 財政課 answers with the amount
/// granted (0 for none) and why. The restored amount is 一般財源.
[DataArea(DataArea.Do)]
public sealed class BudgetRestoration : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "予算要求")]
    public int BudgetRequestId { get; set; }
    [Display(Name = "復活を求める額")]
    public long Amount { get; set; }
    [Display(Name = "復活を求める理由")]
    public string Reason { get; set; } = "";
    [Display(Name = "要求者")]
    public string RequestedBy { get; set; } = "";
    [Display(Name = "申請日時")]
    public DateTime RequestedAt { get; set; }
    [Display(Name = "復活を認めた額")]
    public long? Granted { get; set; }
    [Display(Name = "財政課の回答")]
    public string? Answer { get; set; }
    [Display(Name = "回答者")]
    public string? AnsweredBy { get; set; }
    [Display(Name = "回答日時")]
    public DateTime? AnsweredAt { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(BudgetRestoration), Id);
}
