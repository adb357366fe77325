using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

/// How an element of a redrawn plan relates to the edition it was drawn from, matched by level and code.
public enum EditionChange
{
    [Display(Name = "新規")]
    New = 1,
    [Display(Name = "修正")]
    Modified = 2,
    [Display(Name = "継続")]
    Continued = 3,
    [Display(Name = "廃止")]
    Removed = 4,
}

public sealed record EditionElement(PlanLevel Level, string Code, string Name, string? Description, int? OlderId, int? NewerId, EditionChange Change);

/// The plan is redrawn after each mayoral election: a new edition (基本計画) starts as a copy of the last,
/// is edited, and can be compared with it element by element.
public static class PlanEdition
{
    /// Copies the policies, measures and basic projects of an edition into a new one; what other features hang on
    /// policies and measures follows to their counterparts (IEditionFollower: the manifesto's links). The previous edition ends the year before the new one.
    /// The projects stay where they are until MoveWorkAsync, run when the new edition takes effect.
    public static async Task<BasicPlan> CopyAsync(AppDbContext db, int fromId, string name, int startYear, int endYear, IEnumerable<IEditionFollower> followers, CancellationToken ct = default)
    {
        var from = await db.BasicPlans.FirstAsync(b => b.Id == fromId, ct);
        var policies = await db.Policies.Where(p => p.BasicPlanId == fromId && p.RetiredAt == null).Include(p => p.Measures).ThenInclude(m => m.BasicProjects).ToListAsync(ct);
        var edition = new BasicPlan { ComprehensivePlanId = from.ComprehensivePlanId, Name = name, StartYear = startYear, EndYear = endYear, CopiedFromId = fromId };
        db.BasicPlans.Add(edition);
        if (from.EndYear >= startYear) from.EndYear = startYear - 1;

        var measureMap = new Dictionary<int, Measure>();
        var policyMap = new Dictionary<int, Policy>();
        foreach (var p in policies)
        {
            var np = new Policy { BasicPlan = edition, Code = p.Code, Name = p.Name, Description = p.Description, SortOrder = p.SortOrder };
            db.Policies.Add(np);
            policyMap[p.Id] = np;
            foreach (var m in p.Measures.Where(m => m.RetiredAt == null))
            {
                var nm = new Measure { Policy = np, Code = m.Code, Name = m.Name, Description = m.Description, SortOrder = m.SortOrder, OwnerUnitId = m.OwnerUnitId };
                db.Measures.Add(nm);
                measureMap[m.Id] = nm;
                foreach (var bp in m.BasicProjects.Where(b => b.RetiredAt == null))
                    db.BasicProjects.Add(new BasicProject { Measure = nm, Code = bp.Code, Name = bp.Name, Description = bp.Description, SortOrder = bp.SortOrder });
            }
        }
        foreach (var follower in followers) await follower.FollowAsync(db, policyMap, measureMap, ct);
        await db.SaveChangesAsync(ct);
        return edition;
    }

    /// When the new edition takes effect: the work goes on, so active projects and the measures' indicators (with
    /// their history of values) move to the new edition's measure and basic project of the same code.
    /// Returns how many projects moved; those whose measure has no counterpart stay and are listed by the caller.
    public static async Task<(int Projects, int Indicators)> MoveWorkAsync(AppDbContext db, int newerId, CancellationToken ct = default)
    {
        var newer = await db.BasicPlans.AsNoTracking().FirstAsync(b => b.Id == newerId, ct);
        if (newer.CopiedFromId is not int olderId) return (0, 0);
        var newMeasures = await db.Measures.Where(m => m.Policy!.BasicPlanId == newerId && m.RetiredAt == null).ToDictionaryAsync(m => m.Code, ct);
        var newBasic = await db.BasicProjects.Where(b => b.Measure!.Policy!.BasicPlanId == newerId && b.RetiredAt == null).ToDictionaryAsync(b => b.Code, ct);
        var oldMeasures = await db.Measures.AsNoTracking().Where(m => m.Policy!.BasicPlanId == olderId).ToDictionaryAsync(m => m.Id, m => m.Code, ct);
        var oldBasic = await db.BasicProjects.AsNoTracking().Where(b => b.Measure!.Policy!.BasicPlanId == olderId).ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        var ids = oldMeasures.Keys.ToList();
        var projects = 0;
        foreach (var project in await db.Projects.Where(p => ids.Contains(p.MeasureId) && p.RetiredAt == null).ToListAsync(ct))
        {
            if (!newMeasures.TryGetValue(oldMeasures[project.MeasureId], out var measure)) continue;
            project.MeasureId = measure.Id;
            project.BasicProjectId = project.BasicProjectId is int b && oldBasic.TryGetValue(b, out var code) && newBasic.TryGetValue(code, out var nb) ? nb.Id : null;
            projects++;
        }
        var indicators = 0;
        foreach (var indicator in await db.Indicators.Where(i => i.MeasureId != null && ids.Contains(i.MeasureId.Value) && i.RetiredAt == null).ToListAsync(ct))
        {
            if (!newMeasures.TryGetValue(oldMeasures[indicator.MeasureId!.Value], out var measure)) continue;
            indicator.MeasureId = measure.Id;
            indicators++;
        }
        await db.SaveChangesAsync(ct);
        return (projects, indicators);
    }

    /// Policies, measures and basic projects of two editions side by side, matched by level and code.
    public static async Task<List<EditionElement>> CompareAsync(AppDbContext db, int olderId, int newerId, CancellationToken ct = default)
    {
        async Task<List<(PlanLevel Level, int Id, string Code, string Name, string? Description)>> ElementsOf(int id) =>
            (await db.Policies.AsNoTracking().Where(p => p.BasicPlanId == id && p.RetiredAt == null).Select(p => new { p.Id, p.Code, p.Name, p.Description }).ToListAsync(ct))
                .Select(p => (PlanLevel.Policy, p.Id, p.Code, p.Name, p.Description))
            .Concat((await db.Measures.AsNoTracking().Where(m => m.Policy!.BasicPlanId == id && m.RetiredAt == null).Select(m => new { m.Id, m.Code, m.Name, m.Description }).ToListAsync(ct))
                .Select(m => (PlanLevel.Measure, m.Id, m.Code, m.Name, m.Description)))
            .Concat((await db.BasicProjects.AsNoTracking().Where(b => b.Measure!.Policy!.BasicPlanId == id && b.RetiredAt == null).Select(b => new { b.Id, b.Code, b.Name, b.Description }).ToListAsync(ct))
                .Select(b => (PlanLevel.BasicProject, b.Id, b.Code, b.Name, b.Description)))
            .ToList();
        var older = (await ElementsOf(olderId)).ToDictionary(e => (e.Level, e.Code));
        var newer = (await ElementsOf(newerId)).ToDictionary(e => (e.Level, e.Code));
        return older.Keys.Union(newer.Keys).Select(k =>
        {
            var o = older.TryGetValue(k, out var ov) ? ov : default;
            var n = newer.TryGetValue(k, out var nv) ? nv : default;
            var change = o.Code is null ? EditionChange.New
                : n.Code is null ? EditionChange.Removed
                : o.Name != n.Name || (o.Description ?? "") != (n.Description ?? "") ? EditionChange.Modified
                : EditionChange.Continued;
            return new EditionElement(k.Level, k.Code, n.Name ?? o.Name, n.Description ?? o.Description, o.Code is null ? null : o.Id, n.Code is null ? null : n.Id, change);
        }).OrderBy(e => e.Level).ThenBy(e => e.Code, StringComparer.Ordinal).ToList();
    }
}

/// Records of another feature that hang on policies and measures and follow them into a redrawn edition; the feature
/// registers its follower, so the plan need not know it.
public interface IEditionFollower
{
    Task FollowAsync(AppDbContext db, IReadOnlyDictionary<int, Policy> policies, IReadOnlyDictionary<int, Measure> measures, CancellationToken ct);
}
