using Komaki.Management.Core.Data;
using Komaki.Management.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.Web.Infrastructure;

/// Loads the unit tree once per request.
public sealed class OrgTreeProvider(AppDbContext db)
{
    private OrgTree? _tree;

    public async Task<OrgTree> GetAsync(CancellationToken ct = default) =>
        _tree ??= new OrgTree(await db.OrgUnits.AsNoTracking().ToListAsync(ct));
}
