using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

/// 総合計画. Its name, period and the words for each level are data: Komaki's current plan is
/// 「まちづくり推進計画」, redrawn from each mayoral election, and calls its top level 分野.
[DataArea(DataArea.Plan)]
public sealed class ComprehensivePlan : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "名称")]
    public string Name { get; set; } = "";
    [Display(Name = "基本構想")]
    public string? Vision { get; set; }
    [Display(Name = "開始年度")]
    public int StartYear { get; set; }
    [Display(Name = "終了年度")]
    public int EndYear { get; set; }
    [Display(Name = "政策の呼称")]
    public string PolicyLabel { get; set; } = "政策";
    [Display(Name = "施策の呼称")]
    public string MeasureLabel { get; set; } = "施策";
    [Display(Name = "基本事業の呼称")]
    public string BasicProjectLabel { get; set; } = "基本事業";
    [Display(Name = "事務事業の呼称")]
    public string ProjectLabel { get; set; } = "事務事業";
    [Display(Name = "現行計画")]
    public bool IsCurrent { get; set; }
    public int Version { get; set; }
    public List<BasicPlan> BasicPlans { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(ComprehensivePlan), Id);

    public string LabelOf(PlanLevel level) => level switch
    {
        PlanLevel.Policy => PolicyLabel,
        PlanLevel.Measure => MeasureLabel,
        PlanLevel.BasicProject => BasicProjectLabel,
        PlanLevel.Project => ProjectLabel,
        _ => level.ToString(),
    };
}

/// 基本計画 / 前期・後期: a period of the comprehensive plan holding the policy tree.
[DataArea(DataArea.Plan)]
public sealed class BasicPlan : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "総合計画")]
    public int ComprehensivePlanId { get; set; }
    public ComprehensivePlan? ComprehensivePlan { get; set; }
    [Display(Name = "名称")]
    public string Name { get; set; } = "";
    [Display(Name = "開始年度")]
    public int StartYear { get; set; }
    [Display(Name = "終了年度")]
    public int EndYear { get; set; }
    /// The edition this one was drawn from (the plan is redrawn after each mayoral election).
    [Display(Name = "写し元の版")]
    public int? CopiedFromId { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(BasicPlan), Id);

    public bool Covers(int fiscalYear) => StartYear <= fiscalYear && fiscalYear <= EndYear;
}

public enum PlanLevel
{
    [Display(Name = "政策")]
    Policy = 1,
    [Display(Name = "施策")]
    Measure = 2,
    [Display(Name = "基本事業")]
    BasicProject = 3,
    [Display(Name = "事務事業")]
    Project = 4,
}
