using Komaki.Management.Core.Data;

namespace Komaki.Management.Web.Infrastructure;

/// The 施策 filter that the project, budget, plan and evaluation lists offer, in plan order, read once per plan change.
public sealed class MeasureOptions(AppDbContext db, ReadCache cache)
{
    public Task<List<SelectListItem>> GetAsync() => cache.GetAsync("measure-options", [DataArea.Plan], () =>
        db.Measures.AsNoTracking().Where(x => x.RetiredAt == null)
            .OrderBy(x => x.Policy!.SortOrder).ThenBy(x => x.SortOrder).ThenBy(x => x.Code)
            .Select(x => new SelectListItem(x.Code + " " + x.Name, x.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync());
}
