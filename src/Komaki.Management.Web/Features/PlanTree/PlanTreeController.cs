namespace Komaki.Management.Web.Features.PlanTree;

/// The plan as a tree (政策 → 施策 → 基本事業 → 事務事業) and the searchable list of projects.
[Authorize(Policy = Policies.Staff)]
public sealed class PlanTreeController(AppDbContext db, OrgTreeProvider orgTree, ReadCache cache, JudgmentBands bands, MeasureOptions measureOptions) : AppController(db)
{
    public const int PageSize = 50;

    /// A filtered tree shows at most this many projects; the project list pages through the rest.
    public const int MaxTreeProjects = 300;

    /// The project list shows the plan and, when asked, which indicators still lack an actual.
    private static readonly IReadOnlyList<string> ProjectListAreas = [DataArea.Plan, DataArea.Indicators];

    public async Task<IActionResult> Index([FromQuery] TreeFilter filter)
    {
        var basicPlans = await Db.BasicPlans.AsNoTracking().Include(b => b.ComprehensivePlan)
            .OrderByDescending(b => b.ComprehensivePlan!.IsCurrent).ThenByDescending(b => b.StartYear).ToListAsync();
        var year = Clock.FiscalYear;
        var selected = basicPlans.FirstOrDefault(b => b.Id == filter.BasicPlanId)
            ?? basicPlans.FirstOrDefault(b => b.ComprehensivePlan!.IsCurrent && b.Covers(filter.Year ?? year))
            ?? basicPlans.FirstOrDefault();
        var org = await orgTree.GetAsync();
        var roots = new List<TreeNode>();
        var omitted = 0;
        if (selected is not null)
        {
            filter.BasicPlanId = selected.Id;
            (roots, omitted) = await cache.GetAsync($"tree:{selected.Id}:{filter.Year}:{filter.UnitId}:{filter.Q}:{filter.Retired}:{filter.Open}", DataArea.All, async () =>
            {
                var built = await BuildTreeAsync(selected.Id, filter, org);
                return (built, Trim(built, MaxTreeProjects));
            });
        }
        var filtered = filter.UnitId is not null || filter.Year is not null || !string.IsNullOrWhiteSpace(filter.Q);
        var lastYear = Clock.FiscalYear - 1;
        var rollUp = selected is null ? [] : await cache.GetAsync($"rollup:{selected.Id}:{lastYear}", PlanRollUp.Areas, () => PlanRollUp.LoadAsync(Db, selected.Id, lastYear));
        return View(new TreeModel(filter, selected?.ComprehensivePlan,
            basicPlans.Select(b => new SelectListItem($"{b.ComprehensivePlan!.Name} {b.Name}", b.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            UnitOptions.For(org), roots, filtered)
        {
            AchievementYear = lastYear,
            Achievement = rollUp.Select(p => ((PlanLevel.Policy, p.Id), p.Result)).Concat(rollUp.SelectMany(p => p.Measures).Select(m => ((PlanLevel.Measure, m.Id), m.Result)))
                .ToDictionary(x => x.Item1, x => x.Result),
            Bands = await bands.GetAsync(),
            OmittedProjects = omitted,
        });
    }

    public async Task<IActionResult> Projects([FromQuery] ProjectFilter filter)
    {
        if (filter.MissingActual is int year && !Display.IsFiscalYear(year)) return NotFound();
        // A search by code or name looks across the city; browsing starts at the user's unit.
        filter.UnitId = string.IsNullOrWhiteSpace(filter.Q) ? ListUnit(filter.UnitId) : filter.UnitId == 0 ? null : filter.UnitId;
        var org = await orgTree.GetAsync();
        var (rows, measures) = await cache.GetAsync(
            $"projects:{filter.Q}:{filter.UnitId}:{filter.Year}:{filter.MeasureId}:{filter.MajorOnly}:{filter.Retired}:{filter.MissingActual}:{filter.Page}:{HttpContext.PrintsAll()}", ProjectListAreas, () => ProjectPageAsync(filter, org));
        return View(new ProjectListModel(filter, rows, UnitOptions.For(org), measures, org));
    }

    private async Task<(Paged<ProjectRow> Rows, List<SelectListItem> Measures)> ProjectPageAsync(ProjectFilter filter, Core.Organization.OrgTree org)
    {
        var query = Db.Projects.AsNoTracking();
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
            query = query.Where(p => Db.Indicators.Any(i => i.ProjectId == p.Id && i.RetiredAt == null && i.Values.Any(v => v.FiscalYear == ma && v.Target != null && v.Actual == null)));

        var rows = await query.OrderBy(p => p.Measure!.Policy!.SortOrder).ThenBy(p => p.Measure!.SortOrder).ThenBy(p => p.SortOrder).ThenBy(p => p.Code)
            .Select(p => new ProjectRow(p.Id, p.Code, p.Name, p.IsMajor, p.RetiredAt != null, p.StartYear, p.EndYear, p.Measure!.Code, p.Measure.Name, p.OwnerUnitId))
            .ToPagedAsync(HttpContext.PageFor(filter.Page), HttpContext.PageSizeFor(PageSize));
        if (filter.MissingActual is int year)
        {
            var ids = rows.Items.Select(r => r.Id).ToList();
            var missing = (await Db.Indicators.AsNoTracking().Where(i => i.ProjectId != null && ids.Contains(i.ProjectId.Value) && i.RetiredAt == null
                    && i.Values.Any(v => v.FiscalYear == year && v.Target != null && v.Actual == null))
                .Select(i => new { ProjectId = i.ProjectId!.Value, i.Id, i.Name }).ToListAsync()).ToLookup(i => i.ProjectId, i => (i.Id, i.Name));
            rows = new Paged<ProjectRow>(rows.Items.Select(r => r with { MissingActuals = missing[r.Id].ToList() }).ToList(), rows.Page, rows.PageSize, rows.Total);
        }
        return (rows, await measureOptions.GetAsync());
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

    private async Task<List<TreeNode>> BuildTreeAsync(int basicPlanId, TreeFilter f, Core.Organization.OrgTree org)
    {
        var policies = await Db.Policies.AsNoTracking().Where(p => p.BasicPlanId == basicPlanId)
            .Where(p => f.Retired || p.RetiredAt == null).OrderBy(p => p.SortOrder).ThenBy(p => p.Code).ToListAsync();
        var measures = await Db.Measures.AsNoTracking().Where(m => m.Policy!.BasicPlanId == basicPlanId)
            .Where(m => f.Retired || m.RetiredAt == null).OrderBy(m => m.SortOrder).ThenBy(m => m.Code).ToListAsync();
        var basicProjects = await Db.BasicProjects.AsNoTracking().Where(b => b.Measure!.Policy!.BasicPlanId == basicPlanId)
            .Where(b => f.Retired || b.RetiredAt == null).OrderBy(b => b.SortOrder).ThenBy(b => b.Code).ToListAsync();
        var projectQuery = Db.Projects.AsNoTracking().Where(p => p.Measure!.Policy!.BasicPlanId == basicPlanId);
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
