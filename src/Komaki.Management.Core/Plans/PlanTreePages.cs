using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Plans;

/// What the plan tree is narrowed to.
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

/// What the project list is narrowed to.
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

/// Reads of the plan as a tree (政策 → 施策 → 基本事業 → 事務事業) and of the searchable list of projects.
public sealed class PlanTreePages(AppDbContext db) : IUseCase
{
    /// The project list shows the plan and, when asked, which indicators still lack an actual.
    public static readonly IReadOnlyList<string> ProjectListAreas = [DataArea.Plan, DataArea.Indicators];

    /// Every basic plan with its comprehensive plan, the current plan's first.
    public Task<List<BasicPlan>> BasicPlansAsync() =>
        db.BasicPlans.AsNoTracking().Include(b => b.ComprehensivePlan)
            .OrderByDescending(b => b.ComprehensivePlan!.IsCurrent).ThenByDescending(b => b.StartYear).ToListAsync();

    /// The policies' and measures' weighted achievement of a year (cache by PlanRollUp.Areas).
    public Task<IReadOnlyList<PolicyRollUp>> RollUpAsync(int basicPlanId, int fiscalYear) => PlanRollUp.LoadAsync(db, basicPlanId, fiscalYear);

    /// One page of the projects of the filter in plan order.
    public async Task<Paged<ProjectRow>> ProjectsAsync(ProjectFilter filter, OrgTree org, int page, int pageSize)
    {
        var query = db.Projects.AsNoTracking();
        if (!filter.Retired) query = query.Where(p => p.RetiredAt == null);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(p => p.Code.Contains(q) || p.Name.Contains(q));
        }
        if (filter.UnitId is int unit)
        {
            var units = org.SelfAndDescendants(unit).ToList();
            query = query.Where(p => units.Contains(p.OwnerUnitId));
        }
        if (filter.Year is int y) query = query.Where(p => p.StartYear <= y && (p.EndYear == null || p.EndYear >= y));
        if (filter.MeasureId is int m) query = query.Where(p => p.MeasureId == m);
        if (filter.MajorOnly) query = query.Where(p => p.IsMajor);
        if (filter.MissingActual is int ma)
            query = query.Where(p => db.Indicators.Any(i => i.ProjectId == p.Id && i.RetiredAt == null && i.Values.Any(v => v.FiscalYear == ma && v.Target != null && v.Actual == null)));

        var rows = await query.OrderBy(p => p.Measure!.Policy!.SortOrder).ThenBy(p => p.Measure!.SortOrder).ThenBy(p => p.SortOrder).ThenBy(p => p.Code)
            .Select(p => new ProjectRow(p.Id, p.Code, p.Name, p.IsMajor, p.RetiredAt != null, p.StartYear, p.EndYear, p.Measure!.Code, p.Measure.Name, p.OwnerUnitId))
            .ToPagedAsync(page, pageSize);
        if (filter.MissingActual is int year)
        {
            var ids = rows.Items.Select(r => r.Id).ToList();
            var missing = (await db.Indicators.AsNoTracking().Where(i => i.ProjectId != null && ids.Contains(i.ProjectId.Value) && i.RetiredAt == null
                    && i.Values.Any(v => v.FiscalYear == year && v.Target != null && v.Actual == null))
                .Select(i => new { ProjectId = i.ProjectId!.Value, i.Id, i.Name }).ToListAsync()).ToLookup(i => i.ProjectId, i => (i.Id, i.Name));
            rows = new Paged<ProjectRow>(rows.Items.Select(r => r with { MissingActuals = missing[r.Id].ToList() }).ToList(), rows.Page, rows.PageSize, rows.Total);
        }
        return rows;
    }

    /// The tree of a basic plan as the filter narrows it, with at most `cap` projects in plan order, and how many
    /// matching projects were left out.
    public async Task<(List<TreeNode> Roots, int Omitted)> TreeAsync(int basicPlanId, TreeFilter filter, OrgTree org, int cap)
    {
        var roots = await BuildTreeAsync(basicPlanId, filter, org);
        return (roots, Trim(roots, cap));
    }

    /// Keeps the first `cap` projects of a filtered tree in plan order and says how many were left out.
    private static int Trim(List<TreeNode> roots, int cap)
    {
        var seen = 0;
        var omitted = 0;
        void Walk(List<TreeNode> nodes)
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                if (nodes[i].Level != PlanLevel.Project)
                {
                    Walk(nodes[i].Children);
                    continue;
                }
                if (++seen <= cap) continue;
                nodes.RemoveAt(i--);
                omitted++;
            }
        }
        Walk(roots);
        return omitted;
    }

    private async Task<List<TreeNode>> BuildTreeAsync(int basicPlanId, TreeFilter f, OrgTree org)
    {
        var policies = await db.Policies.AsNoTracking().Where(p => p.BasicPlanId == basicPlanId)
            .Where(p => f.Retired || p.RetiredAt == null).OrderBy(p => p.SortOrder).ThenBy(p => p.Code).ToListAsync();
        var measures = await db.Measures.AsNoTracking().Where(m => m.Policy!.BasicPlanId == basicPlanId)
            .Where(m => f.Retired || m.RetiredAt == null).OrderBy(m => m.SortOrder).ThenBy(m => m.Code).ToListAsync();
        var basicProjects = await db.BasicProjects.AsNoTracking().Where(b => b.Measure!.Policy!.BasicPlanId == basicPlanId)
            .Where(b => f.Retired || b.RetiredAt == null).OrderBy(b => b.SortOrder).ThenBy(b => b.Code).ToListAsync();
        var projectQuery = db.Projects.AsNoTracking().Where(p => p.Measure!.Policy!.BasicPlanId == basicPlanId);
        if (!f.Retired) projectQuery = projectQuery.Where(p => p.RetiredAt == null);
        if (f.Year is int y) projectQuery = projectQuery.Where(p => p.StartYear <= y && (p.EndYear == null || p.EndYear >= y));
        if (f.UnitId is int unit)
        {
            var units = org.SelfAndDescendants(unit).ToList();
            projectQuery = projectQuery.Where(p => units.Contains(p.OwnerUnitId));
        }
        var q = f.Q?.Trim();
        var narrowing = f.UnitId is not null || f.Year is not null || !string.IsNullOrEmpty(q);
        // A large city has thousands of projects: without a filter the tree loads them for the opened measure only
        // and counts the rest, so the page stays the same size however many projects there are.
        var counts = narrowing ? [] : await projectQuery.GroupBy(p => p.MeasureId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        if (!narrowing) projectQuery = projectQuery.Where(p => p.MeasureId == f.Open);
        var projects = await projectQuery.OrderBy(p => p.SortOrder).ThenBy(p => p.Code).ToListAsync();

        bool Matches(string code, string name) => string.IsNullOrEmpty(q) || code.Contains(q, StringComparison.OrdinalIgnoreCase) || name.Contains(q, StringComparison.OrdinalIgnoreCase);

        var result = new List<TreeNode>();
        foreach (var policy in policies)
        {
            var policyMatches = Matches(policy.Code, policy.Name);
            var measureNodes = new List<TreeNode>();
            foreach (var measure in measures.Where(m => m.PolicyId == policy.Id))
            {
                var measureMatches = policyMatches || Matches(measure.Code, measure.Name);
                TreeNode ProjectNode(Project p) => new(PlanLevel.Project, p.Id, p.Code, p.Name, p.IsRetired, p.IsMajor, org.Find(p.OwnerUnitId)?.Name, []);
                var own = projects.Where(p => p.MeasureId == measure.Id).ToList();
                var children = new List<TreeNode>();
                foreach (var bp in basicProjects.Where(b => b.MeasureId == measure.Id))
                {
                    var bpMatches = measureMatches || Matches(bp.Code, bp.Name);
                    var under = own.Where(p => p.BasicProjectId == bp.Id && (bpMatches || Matches(p.Code, p.Name))).Select(ProjectNode).ToList();
                    if (under.Count > 0 || !narrowing) children.Add(new(PlanLevel.BasicProject, bp.Id, bp.Code, bp.Name, bp.IsRetired, false, null, under));
                }
                children.AddRange(own.Where(p => p.BasicProjectId == null && (measureMatches || Matches(p.Code, p.Name))).Select(ProjectNode));
                if (children.Count > 0 || !narrowing || (measureMatches && f.UnitId is null && f.Year is null))
                {
                    var notLoaded = narrowing || f.Open == measure.Id ? 0 : counts.GetValueOrDefault(measure.Id);
                    measureNodes.Add(new(PlanLevel.Measure, measure.Id, measure.Code, measure.Name, measure.IsRetired, false, org.Find(measure.OwnerUnitId)?.Name, children, notLoaded));
                }
            }
            if (measureNodes.Count > 0 || !narrowing)
            {
                result.Add(new(PlanLevel.Policy, policy.Id, policy.Code, policy.Name, policy.IsRetired, false, null, measureNodes));
            }
        }
        return result;
    }
}
