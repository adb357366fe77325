namespace Komaki.Management.Web.Features.PlanTree;

public sealed class TreeFilter
{
    public int? BasicPlanId { get; set; }
    public int? Year { get; set; }
    public int? UnitId { get; set; }
    public string? Q { get; set; }
    public bool Retired { get; set; }

    /// The measure whose projects are shown without a filter (the others show only their count).
    public int? Open { get; set; }
}

/// A node of the tree; `NotLoaded` counts the projects under a measure that were counted but not loaded.
public sealed record TreeNode(PlanLevel Level, int Id, string Code, string Name, bool Retired, bool IsMajor, string? Unit, List<TreeNode> Children, int NotLoaded = 0)
{
    public int ProjectCount => Level == PlanLevel.Project ? 1 : Children.Sum(c => c.ProjectCount) + NotLoaded;
}

public sealed record TreeModel(TreeFilter Filter, ComprehensivePlan? Plan, IReadOnlyList<SelectListItem> BasicPlans, IReadOnlyList<SelectListItem> Units, List<TreeNode> Roots, bool Filtered)
{
    /// Each measure's and policy's rolled-up achievement in the last fiscal year, judged by the bands.
    public int AchievementYear { get; init; }
    public IReadOnlyDictionary<(PlanLevel, int), RolledUp> Achievement { get; init; } = new Dictionary<(PlanLevel, int), RolledUp>();
    public IReadOnlyList<JudgmentBand> Bands { get; init; } = [];

    /// Projects matching the filter that the tree leaves out beyond PlanTreeController.MaxTreeProjects.
    public int OmittedProjects { get; init; }
}

public sealed class ProjectFilter
{
    public string? Q { get; set; }
    public int? UnitId { get; set; }
    public int? Year { get; set; }
    public int? MeasureId { get; set; }
    public bool MajorOnly { get; set; }
    public bool Retired { get; set; }
    /// Only projects with an indicator whose actual for this year is missing (the board's drill-down), each row
    /// naming those indicators.
    public int? MissingActual { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record ProjectRow(int Id, string Code, string Name, bool IsMajor, bool Retired, int StartYear, int? EndYear, string MeasureCode, string MeasureName, int OwnerUnitId)
{
    public IReadOnlyList<(int Id, string Name)> MissingActuals { get; init; } = [];
}

public sealed record ProjectListModel(ProjectFilter Filter, Paged<ProjectRow> Rows, IReadOnlyList<SelectListItem> Units, IReadOnlyList<SelectListItem> Measures, Core.Organization.OrgTree Org);
