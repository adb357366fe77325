using Komaki.Management.Core.Data;
using Komaki.Management.Core.Implementation;

namespace Komaki.Management.Core.Manifesto;

/// How far a promise has landed: nowhere, in the plan but without a project, with projects that have no
/// money in the current 実施計画, or carried by funded projects.
public enum Coverage
{
    [Display(Name = "計画に未反映")]
    Unlinked = 1,
    [Display(Name = "事業なし")]
    NoProject = 2,
    [Display(Name = "予算なし")]
    NoBudget = 3,
    [Display(Name = "反映済")]
    Covered = 4,
}

public static class CoverageLabels
{
    public static string Explanation(this Coverage c) => c switch
    {
        Coverage.Unlinked => "どの政策・施策・事業にも結び付いていません",
        Coverage.NoProject => "政策・施策には結び付いていますが、担う事務事業がありません",
        Coverage.NoBudget => "担う事務事業に、現行の実施計画で事業費が計上されていません",
        _ => "現行の実施計画で事業費のある事務事業が担っています",
    };
}

public sealed record ItemCoverage(int ItemId, Coverage Coverage, IReadOnlyList<int> ProjectIds, IReadOnlyList<int> FundedProjectIds);

public static class ManifestoCoverage
{
    /// The edition that is "the current implementation plan" in a fiscal year.
    public static Task<ImplementationPlan?> CurrentEditionAsync(AppDbContext db, int fiscalYear) =>
        db.ImplementationPlans.AsNoTracking().Where(p => p.FiscalYear <= fiscalYear).OrderByDescending(p => p.FiscalYear).FirstOrDefaultAsync();

    /// Coverage of every item of a term, with a fixed number of queries whatever the size of the manifesto.
    public static async Task<Dictionary<int, ItemCoverage>> ForTermAsync(AppDbContext db, int termId, int fiscalYear)
    {
        var links = await db.ManifestoLinks.AsNoTracking().Where(l => l.ManifestoItem!.MayorTermId == termId).ToListAsync();
        var itemIds = await db.ManifestoItems.AsNoTracking().Where(i => i.MayorTermId == termId).Select(i => i.Id).ToListAsync();
        var projects = await db.Projects.AsNoTracking().Where(p => p.RetiredAt == null)
            .Select(p => new { p.Id, p.MeasureId, p.Measure!.PolicyId }).ToListAsync();
        var edition = await CurrentEditionAsync(db, fiscalYear);
        var funded = edition is null ? [] : (await db.ImplementationPlanLines.AsNoTracking()
            .Where(l => l.ImplementationPlanId == edition.Id && l.Cost > 0).Select(l => l.ProjectId).Distinct().ToListAsync()).ToHashSet();

        var result = new Dictionary<int, ItemCoverage>();
        foreach (var id in itemIds)
        {
            var own = links.Where(l => l.ManifestoItemId == id).ToList();
            var carrying = own.Where(l => l.ProjectId is not null).Select(l => l.ProjectId!.Value)
                .Concat(projects.Where(p => own.Any(l => l.MeasureId == p.MeasureId || l.PolicyId == p.PolicyId)).Select(p => p.Id))
                .Distinct().ToList();
            var withMoney = carrying.Where(funded.Contains).ToList();
            var coverage = own.Count == 0 ? Coverage.Unlinked
                : carrying.Count == 0 ? Coverage.NoProject
                : withMoney.Count == 0 ? Coverage.NoBudget
                : Coverage.Covered;
            result[id] = new ItemCoverage(id, coverage, carrying, withMoney);
        }
        return result;
    }
}
