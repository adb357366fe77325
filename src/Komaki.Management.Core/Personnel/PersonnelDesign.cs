using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Personnel;

/// 人事評価の実施設計: what the personnel division sets for a year before it opens the evaluations — the period and
/// its reference date, the due date of each step, the grade scale with the 勤勉手当区分 each performance grade feeds,
/// the distribution guide, and the competence criteria per job level. Criteria are fixed once the year is opened.
[DataArea(DataArea.None)]
public sealed class PersonnelDesign : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "評価期間の初日")]
    public DateOnly PeriodStart { get; set; }
    [Display(Name = "評価期間の末日")]
    public DateOnly PeriodEnd { get; set; }
    /// 評価基準日: the post a person holds on this day decides their unit, criteria and evaluators.
    [Display(Name = "評価基準日")]
    public DateOnly ReferenceDate { get; set; }
    [Display(Name = "目標設定の期限")]
    public DateOnly GoalsDue { get; set; }
    [Display(Name = "中間面談の期限")]
    public DateOnly MidYearDue { get; set; }
    [Display(Name = "自己評価の期限")]
    public DateOnly SelfDue { get; set; }
    [Display(Name = "一次評価の期限")]
    public DateOnly FirstDue { get; set; }
    [Display(Name = "二次評価の期限")]
    public DateOnly SecondDue { get; set; }
    [Display(Name = "調整・確認の期限")]
    public DateOnly AdjustDue { get; set; }
    [Display(Name = "開示の期限")]
    public DateOnly DisclosureDue { get; set; }
    /// 苦情相談の期間: days after disclosure in which the person may file a complaint.
    [Display(Name = "苦情相談の期間")]
    public int ComplaintDays { get; set; } = 14;
    /// Whether the person sees the evaluators' grade and comment per criterion and goal, or the overall grades only.
    [Display(Name = "項目ごとの開示")]
    public bool DiscloseDetails { get; set; } = true;
    /// When the evaluations of the year were opened; from then on the criteria and the scale stay as they are.
    [Display(Name = "起票日時")]
    public DateTime? OpenedAt { get; set; }
    public int Version { get; set; }
    public List<DesignGrade> Grades { get; set; } = [];
    public List<CompetenceCriterion> Criteria { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(PersonnelDesign), Id, FiscalYear.ToString(CultureInfo.InvariantCulture));

    public DesignGrade? Grade(string? code) => Grades.FirstOrDefault(g => g.Code == code);

    public IEnumerable<CompetenceCriterion> CriteriaFor(JobLevel level) => Criteria.Where(c => c.JobLevel == level).OrderBy(c => c.SortOrder);
}

/// One grade of the year's scale (S, A, B …): what it says, its points for the weighted average, the share of a
/// department the guide allows at most, and the 勤勉手当区分 a final performance grade of it feeds to payroll.
[DataArea(DataArea.None)]
public sealed class DesignGrade : IAudited
{
    public int Id { get; set; }
    [Display(Name = "人事評価の設計")]
    public int PersonnelDesignId { get; set; }
    [Display(Name = "コード")]
    public string Code { get; set; } = "";
    [Display(Name = "名称")]
    public string Label { get; set; } = "";
    [Display(Name = "点数")]
    public decimal Points { get; set; }
    [Display(Name = "分布の目安")]
    public int? MaxShare { get; set; }
    [Display(Name = "勤勉手当区分")]
    public string BonusCategory { get; set; } = "";
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }

    public AuditTarget AuditTarget => new(nameof(PersonnelDesign), PersonnelDesignId, "評語");
}

/// 能力評価の評価項目: one criterion for a job level, with its 着眼点 and weight.
[DataArea(DataArea.None)]
public sealed class CompetenceCriterion : IAudited
{
    public int Id { get; set; }
    [Display(Name = "人事評価の設計")]
    public int PersonnelDesignId { get; set; }
    [Display(Name = "職層")]
    public JobLevel JobLevel { get; set; }
    [Display(Name = "名称")]
    public string Name { get; set; } = "";
    [Display(Name = "着眼点")]
    public string Viewpoints { get; set; } = "";
    [Display(Name = "判定での重み")]
    public int Weight { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }

    public AuditTarget AuditTarget => new(nameof(PersonnelDesign), PersonnelDesignId, "評価項目");
}
