using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

public sealed record Crumb(PlanLevel Level, int Id, string Code, string Name);

public sealed record ChildRow(PlanLevel Level, int Id, string Code, string Name, bool Retired, bool IsMajor, int? OwnerUnitId);

/// Where an element sits: its comprehensive and basic plan and the elements above it.
public sealed record ElementContext(ComprehensivePlan Plan, BasicPlan BasicPlan, IReadOnlyList<Crumb> Crumbs);

/// What the page of one element of the policy tree shows, the same for every reader.
public sealed record ElementDetails(
    PlanElement Element, ElementContext Context, IReadOnlyList<ChildRow> Children, IReadOnlyList<Indicator> Indicators,
    int? OwnerUnitId);

/// The choices of the element form: the plan it belongs to, the possible parents and basic projects.
public sealed record ElementChoices(ComprehensivePlan Plan, IReadOnlyList<(int Id, string Text)> Parents, IReadOnlyList<(int Id, string Text)> BasicProjects);

/// Reads of the policy tree's element pages (policy, measure, basic project, project).
public sealed class PlanElementPages(AppDbContext db) : IUseCase
{
    public async Task<PlanElement?> FindAsync(PlanLevel level, int id, bool tracking = false)
    {
        if (!Enum.IsDefined(level)) return null;
        IQueryable<PlanElement> query = level switch
        {
            PlanLevel.Policy => db.Policies,
            PlanLevel.Measure => db.Measures,
            PlanLevel.BasicProject => db.BasicProjects,
            _ => db.Projects,
        };
        if (!tracking) query = query.AsNoTracking();
        return await query.FirstOrDefaultAsync(e => e.Id == id);
    }

    public static int? OwnerOf(PlanElement e) => e switch
    {
        Project p => p.OwnerUnitId,
        Measure m => m.OwnerUnitId,
        _ => null,
    };

    public async Task<ElementDetails?> DetailsAsync(PlanLevel level, int id)
    {
        var element = await FindAsync(level, id);
        if (element is null) return null;
        var indicators = level is PlanLevel.Measure or PlanLevel.Project
            ? await db.Indicators.AsNoTracking().Include(i => i.Values)
                .Where(i => level == PlanLevel.Measure ? i.MeasureId == id : i.ProjectId == id)
                .OrderBy(i => i.RetiredAt != null).ThenBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync()
            : [];
        return new ElementDetails(element, await ContextOfAsync(element), await ChildrenOfAsync(element), indicators, OwnerOf(element));
    }

    public async Task<ElementContext> ContextOfAsync(PlanElement element)
    {
        var crumbs = new List<Crumb>();
        var current = element;
        int basicPlanId;
        while (true)
        {
            crumbs.Insert(0, new Crumb(current.Level, current.Id, current.Code, current.Name));
            PlanElement? parent = current switch
            {
                Project p when p.BasicProjectId is int bp => await db.BasicProjects.AsNoTracking().FirstAsync(x => x.Id == bp),
                Project p => await db.Measures.AsNoTracking().FirstAsync(x => x.Id == p.MeasureId),
                BasicProject b => await db.Measures.AsNoTracking().FirstAsync(x => x.Id == b.MeasureId),
                Measure m => await db.Policies.AsNoTracking().FirstAsync(x => x.Id == m.PolicyId),
                _ => null,
            };
            if (parent is null)
            {
                basicPlanId = ((Policy)current).BasicPlanId;
                break;
            }
            current = parent;
        }
        var basicPlan = await db.BasicPlans.AsNoTracking().Include(b => b.ComprehensivePlan).FirstAsync(b => b.Id == basicPlanId);
        crumbs.RemoveAt(crumbs.Count - 1);
        return new ElementContext(basicPlan.ComprehensivePlan!, basicPlan, crumbs);
    }

    public async Task<int> ActiveChildCountAsync(PlanElement e) => e switch
    {
        Policy p => await db.Measures.CountAsync(x => x.PolicyId == p.Id && x.RetiredAt == null),
        Measure m => await db.Projects.CountAsync(x => x.MeasureId == m.Id && x.RetiredAt == null)
                     + await db.BasicProjects.CountAsync(x => x.MeasureId == m.Id && x.RetiredAt == null),
        BasicProject b => await db.Projects.CountAsync(x => x.BasicProjectId == b.Id && x.RetiredAt == null),
        _ => 0,
    };

    /// The plan a new or edited element belongs to (found from its parent) and what its form offers; null when the
    /// parent does not exist.
    public async Task<ElementChoices?> ChoicesAsync(PlanLevel level, int parentId)
    {
        int? basicPlanId = level switch
        {
            PlanLevel.Policy => parentId,
            PlanLevel.Measure => await db.Policies.Where(p => p.Id == parentId).Select(p => (int?)p.BasicPlanId).FirstOrDefaultAsync(),
            _ => await db.Measures.Where(m => m.Id == parentId).Select(m => (int?)m.Policy!.BasicPlanId).FirstOrDefaultAsync(),
        };
        var basicPlan = await db.BasicPlans.AsNoTracking().Include(b => b.ComprehensivePlan).FirstOrDefaultAsync(b => b.Id == basicPlanId);
        if (basicPlan is null) return null;
        var parents = level switch
        {
            PlanLevel.Policy => await db.BasicPlans.AsNoTracking().Where(b => b.ComprehensivePlanId == basicPlan.ComprehensivePlanId)
                .Select(b => new { b.Id, Text = b.Name }).ToListAsync(),
            PlanLevel.Measure => await db.Policies.AsNoTracking().Where(p => p.BasicPlanId == basicPlan.Id && p.RetiredAt == null).OrderBy(p => p.SortOrder)
                .Select(p => new { p.Id, Text = p.Code + " " + p.Name }).ToListAsync(),
            _ => await db.Measures.AsNoTracking().Where(m => m.Policy!.BasicPlanId == basicPlan.Id && m.RetiredAt == null)
                .OrderBy(m => m.Policy!.SortOrder).ThenBy(m => m.SortOrder)
                .Select(m => new { m.Id, Text = m.Code + " " + m.Name }).ToListAsync(),
        };
        var basicProjects = level == PlanLevel.Project
            ? await db.BasicProjects.AsNoTracking().Where(b => b.MeasureId == parentId && b.RetiredAt == null)
                .Select(b => new { b.Id, Text = b.Code + " " + b.Name }).ToListAsync()
            : [];
        return new ElementChoices(basicPlan.ComprehensivePlan!, parents.Select(p => (p.Id, p.Text)).ToList(), basicProjects.Select(b => (b.Id, b.Text)).ToList());
    }

    private async Task<List<ChildRow>> ChildrenOfAsync(PlanElement e) => e switch
    {
        Policy p => await db.Measures.AsNoTracking().Where(x => x.PolicyId == p.Id).OrderBy(x => x.SortOrder).ThenBy(x => x.Code)
            .Select(x => new ChildRow(PlanLevel.Measure, x.Id, x.Code, x.Name, x.RetiredAt != null, false, x.OwnerUnitId)).ToListAsync(),
        Measure m => (await db.BasicProjects.AsNoTracking().Where(x => x.MeasureId == m.Id).OrderBy(x => x.SortOrder)
                .Select(x => new ChildRow(PlanLevel.BasicProject, x.Id, x.Code, x.Name, x.RetiredAt != null, false, null)).ToListAsync())
            .Concat(await db.Projects.AsNoTracking().Where(x => x.MeasureId == m.Id).OrderBy(x => x.SortOrder).ThenBy(x => x.Code)
                .Select(x => new ChildRow(PlanLevel.Project, x.Id, x.Code, x.Name, x.RetiredAt != null, x.IsMajor, x.OwnerUnitId)).ToListAsync()).ToList(),
        BasicProject b => await db.Projects.AsNoTracking().Where(x => x.BasicProjectId == b.Id).OrderBy(x => x.SortOrder).ThenBy(x => x.Code)
            .Select(x => new ChildRow(PlanLevel.Project, x.Id, x.Code, x.Name, x.RetiredAt != null, x.IsMajor, x.OwnerUnitId)).ToListAsync(),
        _ => [],
    };
}
