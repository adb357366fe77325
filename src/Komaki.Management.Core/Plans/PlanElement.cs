namespace Komaki.Management.Core.Plans;

/// What every node of the policy tree has: the city's code, a name, and retirement instead of deletion
/// (evaluations and budgets of past years keep pointing at retired nodes).
public abstract class PlanElement : IVersioned, IAudited
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public DateTime? RetiredAt { get; set; }
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

public sealed class Policy : PlanElement
{
    public int BasicPlanId { get; set; }
    public BasicPlan? BasicPlan { get; set; }
    public List<Measure> Measures { get; set; } = [];
    public override PlanLevel Level => PlanLevel.Policy;
}

public sealed class Measure : PlanElement
{
    public int PolicyId { get; set; }
    public Policy? Policy { get; set; }
    public int? OwnerUnitId { get; set; }
    /// Weight in the policy's roll-up (1 = equal share, 0 = not counted).
    public decimal Weight { get; set; } = 1m;
    public List<BasicProject> BasicProjects { get; set; } = [];
    public List<Project> Projects { get; set; } = [];
    public override PlanLevel Level => PlanLevel.Measure;
}

/// 基本事業: an optional level between a measure and its projects.
public sealed class BasicProject : PlanElement
{
    public int MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public override PlanLevel Level => PlanLevel.BasicProject;
}

public sealed class Project : PlanElement
{
    public int MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public int? BasicProjectId { get; set; }
    public BasicProject? BasicProject { get; set; }
    public int OwnerUnitId { get; set; }
    public bool IsMajor { get; set; }
    public int StartYear { get; set; }
    public int? EndYear { get; set; }
    public override PlanLevel Level => PlanLevel.Project;

    public bool IsActiveIn(int fiscalYear) => StartYear <= fiscalYear && (EndYear is null || EndYear >= fiscalYear);
}
