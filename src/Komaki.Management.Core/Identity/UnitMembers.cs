using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

/// How many accounts belong to each unit (the organisation page shows it beside each unit).
public sealed class UnitMembers(AppDbContext db) : IUseCase
{
    public Task<Dictionary<int, int>> CountsAsync() =>
        db.Users.Where(u => u.OrgUnitId != null).GroupBy(u => u.OrgUnitId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
}
