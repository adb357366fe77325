using Komaki.Management.Core.Data;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Web.Infrastructure;

/// The unit tree, read from the database once per data version (nearly every page needs it; it rarely changes).
public sealed class OrgTreeProvider(AppDbContext db, ReadCache cache)
{
    private static readonly string[] Areas = [DataArea.Organization];
    private OrgTree? _tree;

    public async Task<OrgTree> GetAsync(CancellationToken ct = default) =>
        _tree ??= await cache.GetAsync("org-tree", Areas, async () => new OrgTree(await db.OrgUnits.AsNoTracking().ToListAsync(ct)));
}
