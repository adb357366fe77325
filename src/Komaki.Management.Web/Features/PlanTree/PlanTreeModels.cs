using Komaki.Management.Core.Common;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Web.Features.PlanTree;

public sealed record TreeModel(TreeFilter Filter, ComprehensivePlan? Plan, IReadOnlyList<SelectListItem> BasicPlans, IReadOnlyList<SelectListItem> Units, List<TreeNode> Roots, bool Filtered)
{
    /// Each measure's and policy's rolled-up achievement in the last fiscal year, judged by the bands.
    public int AchievementYear { get; init; }
    public IReadOnlyDictionary<(PlanLevel, int), RolledUp> Achievement { get; init; } = new Dictionary<(PlanLevel, int), RolledUp>();
    public IReadOnlyList<JudgmentBand> Bands { get; init; } = [];

    /// Projects matching the filter that the tree leaves out beyond PlanTreeController.MaxTreeProjects.
    public int OmittedProjects { get; init; }

    /// Whether the person may add a policy to the basic plan shown (PlanElementRule.EditStructure).
    public bool CanAddPolicy { get; init; }
}

public sealed record ProjectListModel(ProjectFilter Filter, Paged<ProjectRow> Rows, IReadOnlyList<SelectListItem> Units, IReadOnlyList<SelectListItem> Measures, Core.Organization.OrgTree Org);
