namespace Komaki.Management.Core.Personnel;

/// 人事評価の実施設計: what the personnel division sets for a year before it opens the evaluations — the period and
/// its reference date, the due date of each step, the grade scale with the 勤勉手当区分 each performance grade feeds,
/// the distribution guide, and the competence criteria per job level. Criteria are fixed once the year is opened.
public sealed class PersonnelDesign : IVersioned, IAudited
{
    public int Id { get; set; }
    public int FiscalYear { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    /// 評価基準日: the post a person holds on this day decides their unit, criteria and evaluators.
    public DateOnly ReferenceDate { get; set; }
    public DateOnly GoalsDue { get; set; }
    public DateOnly MidYearDue { get; set; }
    public DateOnly SelfDue { get; set; }
    public DateOnly FirstDue { get; set; }
    public DateOnly SecondDue { get; set; }
    public DateOnly AdjustDue { get; set; }
    public DateOnly DisclosureDue { get; set; }
    /// 苦情相談の期間: days after disclosure in which the person may file a complaint.
    public int ComplaintDays { get; set; } = 14;
    /// Whether the person sees the evaluators' grade and comment per criterion and goal, or the overall grades only.
    public bool DiscloseDetails { get; set; } = true;
    /// When the evaluations of the year were opened; from then on the criteria and the scale stay as they are.
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
public sealed class DesignGrade : IAudited
{
    public int Id { get; set; }
    public int PersonnelDesignId { get; set; }
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    public decimal Points { get; set; }
    public int? MaxShare { get; set; }
    public string BonusCategory { get; set; } = "";
    public int SortOrder { get; set; }

    public AuditTarget AuditTarget => new(nameof(PersonnelDesign), PersonnelDesignId, "評語");
}

/// 能力評価の評価項目: one criterion for a job level, with its 着眼点 and weight.
public sealed class CompetenceCriterion : IAudited
{
    public int Id { get; set; }
    public int PersonnelDesignId { get; set; }
    public JobLevel JobLevel { get; set; }
    public string Name { get; set; } = "";
    public string Viewpoints { get; set; } = "";
    public int Weight { get; set; }
    public int SortOrder { get; set; }

    public AuditTarget AuditTarget => new(nameof(PersonnelDesign), PersonnelDesignId, "評価項目");
}
