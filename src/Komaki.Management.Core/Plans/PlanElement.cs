using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

/// What every node of the policy tree has: the city's code, a name, and retirement instead of deletion
/// (evaluations and budgets of past years keep pointing at retired nodes).
public abstract class PlanElement : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "コード")]
    public string Code { get; set; } = "";
    [Display(Name = "名称")]
    public string Name { get; set; } = "";
    [Display(Name = "概要・説明")]
    public string? Description { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }
    [Display(Name = "廃止日時")]
    public DateTime? RetiredAt { get; set; }
    [Display(Name = "廃止理由")]
    public string? RetiredReason { get; set; }
    public int Version { get; set; }

    public abstract PlanLevel Level { get; }

    public bool IsRetired => RetiredAt is not null;

    public AuditTarget AuditTarget => new(Level.ToString(), Id);

    public void Retire(DateTime at, string reason)
    {
        if (IsRetired) throw new InvalidOperationException("既に廃止されています。");
        RetiredAt = at;
        RetiredReason = reason;
    }

    public void Reinstate()
    {
        RetiredAt = null;
        RetiredReason = null;
    }
}

[DataArea(DataArea.Plan)]
public sealed class Policy : PlanElement
{
    [Display(Name = "計画期間")]
    public int BasicPlanId { get; set; }
    public BasicPlan? BasicPlan { get; set; }
    public List<Measure> Measures { get; set; } = [];
    public override PlanLevel Level => PlanLevel.Policy;
}

[DataArea(DataArea.Plan)]
public sealed class Measure : PlanElement
{
    [Display(Name = "政策")]
    public int PolicyId { get; set; }
    public Policy? Policy { get; set; }
    [Display(Name = "担当課")]
    public int? OwnerUnitId { get; set; }
    /// Weight in the policy's roll-up (1 = equal share, 0 = not counted).
    [Display(Name = "判定での重み")]
    public decimal Weight { get; set; } = 1m;
    public List<BasicProject> BasicProjects { get; set; } = [];
    public List<Project> Projects { get; set; } = [];
    public override PlanLevel Level => PlanLevel.Measure;
}

/// 基本事業: an optional level between a measure and its projects.
[DataArea(DataArea.Plan)]
public sealed class BasicProject : PlanElement
{
    [Display(Name = "施策")]
    public int MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public override PlanLevel Level => PlanLevel.BasicProject;
}

[DataArea(DataArea.Plan)]
public sealed class Project : PlanElement
{
    [Display(Name = "施策")]
    public int MeasureId { get; set; }
    public Measure? Measure { get; set; }
    [Display(Name = "基本事業")]
    public int? BasicProjectId { get; set; }
    public BasicProject? BasicProject { get; set; }
    [Display(Name = "担当課")]
    public int OwnerUnitId { get; set; }
    [Display(Name = "主要事業")]
    public bool IsMajor { get; set; }
    [Display(Name = "開始年度")]
    public int StartYear { get; set; }
    [Display(Name = "終了年度")]
    public int? EndYear { get; set; }
    public override PlanLevel Level => PlanLevel.Project;

    public bool IsActiveIn(int fiscalYear) => StartYear <= fiscalYear && (EndYear is null || EndYear >= fiscalYear);
}
