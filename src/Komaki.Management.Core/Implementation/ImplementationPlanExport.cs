using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Implementation;

public static class ImplementationPlanExport
{
    /// Writes the edition of the fiscal year in the exchange layout; false when there is no such edition.
    /// units: a department's own sheet — only the lines of projects those units own; null for the whole city.
    public static async Task<bool> WriteAsync(AppDbContext db, int fiscalYear, Stream output, IReadOnlySet<int>? units = null, CancellationToken ct = default)
    {
        var edition = await db.ImplementationPlans.AsNoTracking().FirstOrDefaultAsync(p => p.FiscalYear == fiscalYear, ct);
        if (edition is null) return false;
        var own = units?.ToList();
        var unitNames = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var rows = await db.ImplementationPlanLines.AsNoTracking()
            .Where(l => l.ImplementationPlanId == edition.Id && (own == null || own.Contains(l.Project!.OwnerUnitId)))
            .OrderBy(l => l.Project!.Code).ThenBy(l => l.FiscalYear)
            .Select(l => new
            {
                l.Project!.Code, l.Project.Name, l.Project.OwnerUnitId, Measure = l.Project.Measure!.Name,
                l.FiscalYear, l.Status, l.Content, l.Cost, l.Funding,
            })
            .ToListAsync(ct);
        ImplementationPlanSheet.Write(output, edition, rows.Select(r => new ImplementationPlanSheet.Row(
            r.Code, r.Name, unitNames.GetValueOrDefault(r.OwnerUnitId), r.Measure, r.FiscalYear, r.Status, r.Content,
            r.Cost, r.Funding)));
        return true;
    }
}
