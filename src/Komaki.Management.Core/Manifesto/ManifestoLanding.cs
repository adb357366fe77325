using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Manifesto;

/// How a promise landed in the new edition (新規 / 修正 / 継続 / 未反映).
public enum Landing
{
    [Display(Name = "新規")]
    New = 1,
    [Display(Name = "修正")]
    Modified = 2,
    [Display(Name = "継続")]
    Continued = 3,
    [Display(Name = "未反映")]
    NotReflected = 4,
}

/// After the plan is redrawn, how the promises of a term landed in the new edition.
public static class ManifestoLanding
{
    /// For each item of a term, how it landed in the new edition compared with the one it was drawn from:
    /// carried by an element that is new (新規), rewritten (修正) or unchanged (継続), or by nothing (未反映).
    public static async Task<Dictionary<int, Landing>> OfTermAsync(AppDbContext db, int termId, int olderId, int newerId, CancellationToken ct = default)
    {
        var changes = (await PlanEdition.CompareAsync(db, olderId, newerId, ct)).Where(e => e.NewerId is not null).ToDictionary(e => (e.Level, e.NewerId!.Value), e => e.Change);
        // A project carries a promise through its measure: the new edition's measure of the same code.
        var newMeasureIdByCode = await db.Measures.AsNoTracking().Where(m => m.Policy!.BasicPlanId == newerId).ToDictionaryAsync(m => m.Code, m => m.Id, ct);
        var links = (await db.ManifestoLinks.AsNoTracking().Where(l => l.ManifestoItem!.MayorTermId == termId)
            .Select(l => new { l.ManifestoItemId, l.PolicyId, l.MeasureId, ProjectMeasureCode = l.Project!.Measure!.Code }).ToListAsync(ct))
            .Select(l => new { l.ManifestoItemId, l.PolicyId, l.MeasureId, ProjectMeasureId = l.ProjectMeasureCode is string c && newMeasureIdByCode.TryGetValue(c, out var id) ? id : (int?)null })
            .ToList();
        var items = await db.ManifestoItems.AsNoTracking().Where(i => i.MayorTermId == termId).Select(i => i.Id).ToListAsync(ct);
        var result = new Dictionary<int, Landing>();
        foreach (var id in items)
        {
            var found = links.Where(l => l.ManifestoItemId == id).Select(l =>
                l.PolicyId is int p && changes.TryGetValue((PlanLevel.Policy, p), out var pc) ? pc
                : l.MeasureId is int m && changes.TryGetValue((PlanLevel.Measure, m), out var mc) ? mc
                : l.ProjectMeasureId is int pm && changes.TryGetValue((PlanLevel.Measure, pm), out var pmc) ? pmc
                : (EditionChange?)null).OfType<EditionChange>().ToList();
            result[id] = found.Count == 0 ? Landing.NotReflected
                : found.Contains(EditionChange.New) ? Landing.New
                : found.Contains(EditionChange.Modified) ? Landing.Modified
                : Landing.Continued;
        }
        return result;
    }
}

/// A promise linked to a policy or measure is linked to its counterpart in a redrawn edition too.
public sealed class ManifestoLinksFollowEdition : IEditionFollower
{
    public async Task FollowAsync(AppDbContext db, IReadOnlyDictionary<int, Policy> policies, IReadOnlyDictionary<int, Measure> measures, CancellationToken ct)
    {
        var oldMeasureIds = measures.Keys.ToList();
        var oldPolicyIds = policies.Keys.ToList();
        foreach (var link in await db.ManifestoLinks.Where(l => l.MeasureId != null && oldMeasureIds.Contains(l.MeasureId.Value) || l.PolicyId != null && oldPolicyIds.Contains(l.PolicyId.Value)).ToListAsync(ct))
        {
            db.ManifestoLinks.Add(link.MeasureId is int m
                ? new ManifestoLink { ManifestoItemId = link.ManifestoItemId, Measure = measures[m] }
                : new ManifestoLink { ManifestoItemId = link.ManifestoItemId, Policy = policies[link.PolicyId!.Value] });
        }
    }
}
