using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Organization;

/// The organisation: every staff member reads it.
public sealed class OrgUnitHistory(AppDbContext db) : HistoryKind<OrgUnit>
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        HistoryOpening.Read((HistoryOpening.IdOf(recordId) is int id ? await db.OrgUnits.Where(u => u.Id == id).Select(u => u.Name).FirstOrDefaultAsync() : null) ?? recordId,
            new("OrgUnits", "Index"));
}
