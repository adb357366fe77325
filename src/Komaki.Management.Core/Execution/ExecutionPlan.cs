using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Execution;

/// 主要事業実行計画: one major project in one fiscal year — the goal, the work, the monthly schedule
/// with its milestones, and the department's mid-year and year-end progress.
[DataArea(DataArea.Do)]
public sealed class ExecutionPlan : ProjectYearRecord, IVersioned, IAudited
{
    /// 遅れ and 中止・休止 are what the mayor's view lists: the progress text must say why and what comes next, on the
    /// form and in the import alike.
    public static bool NeedsReason(ProgressStatus? status) => status is ProgressStatus.Delayed or ProgressStatus.Suspended;

    public int Id { get; set; }
    /// The unit responsible this year (organisations change between years).
    [Display(Name = "担当課")]
    public int OwnerUnitId { get; set; }
    [Display(Name = "今年度の目標")]
    public string Goal { get; set; } = "";
    [Display(Name = "事業内容")]
    public string Content { get; set; } = "";
    public List<ExecutionPlanMonth> Schedule { get; set; } = [];
    [Display(Name = "中間進捗区分")]
    public ProgressStatus? MidYearStatus { get; set; }
    [Display(Name = "中間進捗")]
    public string? MidYearProgress { get; set; }
    [Display(Name = "年度末進捗区分")]
    public ProgressStatus? YearEndStatus { get; set; }
    [Display(Name = "年度末進捗")]
    public string? YearEndProgress { get; set; }
    public int Version { get; set; }
    /// Progress reported when it happens, at any date, each kept (the latest shown first). 9月末 and 年度末 above stay
    /// the reports the cycle asks for.
    public List<ExecutionProgressReport> Reports { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(ExecutionPlan), Id);

    /// Fiscal-year order: 4月 … 12月, 1月 … 3月.
    public static readonly IReadOnlyList<int> Months = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];

    public string? WorkIn(int month) => Schedule.FirstOrDefault(m => m.Month == month)?.Work;

    /// Sets the month's work; blank removes it. Returns whether anything changed.
    public bool SetWork(int month, string? work)
    {
        var existing = Schedule.FirstOrDefault(m => m.Month == month);
        var text = string.IsNullOrWhiteSpace(work) ? null : work.Trim();
        if (text is null)
        {
            if (existing is null) return false;
            Schedule.Remove(existing);
            return true;
        }
        if (existing is null)
        {
            Schedule.Add(new ExecutionPlanMonth { Month = month, Work = text, ExecutionPlan = this });
            return true;
        }
        if (existing.Work == text) return false;
        existing.Work = text;
        return true;
    }
}

/// 随時の進捗報告: what stood on a day (a slip found in December, a recovery in February), never overwriting another.
[DataArea(DataArea.Do)]
public sealed class ExecutionProgressReport : IAudited
{
    public int Id { get; set; }
    [Display(Name = "主要事業実行計画")]
    public int ExecutionPlanId { get; set; }
    [Display(Name = "進捗の時点")]
    public DateOnly AsOf { get; set; }
    [Display(Name = "進捗区分")]
    public ProgressStatus ReportStatus { get; set; }
    [Display(Name = "進捗の内容")]
    public string ReportText { get; set; } = "";
    [Display(Name = "報告者")]
    public string ReportedBy { get; set; } = "";
    [Display(Name = "報告日時")]
    public DateTime ReportedAt { get; set; }

    public AuditTarget AuditTarget => new(nameof(ExecutionPlan), ExecutionPlanId, "随時の進捗報告");
}

/// The work planned in one month. Work written with a leading ◆ is a milestone (the sheets' own convention).
[DataArea(DataArea.Do)]
public sealed class ExecutionPlanMonth : IAudited
{
    public const char MilestoneMark = '◆';

    public int Id { get; set; }
    [Display(Name = "主要事業実行計画")]
    public int ExecutionPlanId { get; set; }
    public ExecutionPlan? ExecutionPlan { get; set; }
    [Display(Name = "月")]
    public int Month { get; set; }
    [Display(Name = "予定")]
    public string Work { get; set; } = "";

    public bool IsMilestone => Work.StartsWith(MilestoneMark);

    public AuditTarget AuditTarget => new(nameof(ExecutionPlan), ExecutionPlanId, $"{Month}月");
}

public enum ProgressStatus
{
    [Display(Name = "順調")]
    OnTrack = 1,
    [Display(Name = "前倒し")]
    Ahead = 2,
    [Display(Name = "遅れ")]
    Delayed = 3,
    [Display(Name = "完了")]
    Completed = 4,
    [Display(Name = "中止・休止")]
    Suspended = 5,
}

public static class ProgressStatusLabels
{
    public static readonly IReadOnlyList<ProgressStatus> All = Enum.GetValues<ProgressStatus>();

    public static bool TryParse(string? text, out ProgressStatus status)
    {
        status = default;
        var s = TextNormal.ForMatch(text);
        foreach (var candidate in All)
        {
            if (s.EndsWith(TextNormal.ForMatch(candidate.Label()), StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }
        return false;
    }
}
