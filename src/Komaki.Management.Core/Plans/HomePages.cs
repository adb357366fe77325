using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

/// What the staff home page reads besides 対応待ち: the city's plan in figures and a unit's projects.
public sealed class HomePages(AppDbContext db) : IUseCase
{
    public async Task<CityCounts> CityCountsAsync(int year)
    {
        var active = db.Projects.Where(p => p.RetiredAt == null);
        return new CityCounts(
            await db.ComprehensivePlans.AsNoTracking().Where(p => p.IsCurrent).Select(p => p.Name).FirstOrDefaultAsync(),
            await db.Policies.CountAsync(p => p.RetiredAt == null), await db.Measures.CountAsync(m => m.RetiredAt == null),
            await active.CountAsync(), await active.CountAsync(p => p.IsMajor),
            await db.IndicatorValues.CountAsync(v => v.FiscalYear == year - 1 && v.Target != null && v.Actual == null));
    }

    /// The first 50 active projects of the units, by code.
    public async Task<IReadOnlyList<MyProjectRow>> ProjectsOfAsync(IReadOnlyCollection<int> units) =>
        await db.Projects.Where(p => p.RetiredAt == null && units.Contains(p.OwnerUnitId))
            .OrderBy(p => p.Code).Select(p => new MyProjectRow(p.Id, p.Code, p.Name, p.IsMajor)).Take(50).ToListAsync();
}

public sealed record MyProjectRow(int Id, string Code, string Name, bool IsMajor);

/// The city-wide counts on the home page, the same for everyone.
public sealed record CityCounts(string? Plan, int Policies, int Measures, int Projects, int MajorProjects, int MissingActuals);
