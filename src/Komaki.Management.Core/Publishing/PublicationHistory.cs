using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Publishing;

/// What planning published and withdrew: planning and administrators, who keep the publications page.
public sealed class PublicationHistory(AppDbContext db) : HistoryKind<Publication>
{
    public override Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        !reader.IsIn(Roles.Planning) && !reader.IsIn(Roles.Administrator) ? Task.FromResult(HistoryOpening.Refused) : HistoryOpening.ByIdAsync(recordId,
            id => db.Publications.Where(p => p.Id == id).Select(p => new { p.FiscalYear, p.Kind }).FirstOrDefaultAsync(),
            p => HistoryOpening.Read($"{Wareki.FiscalYear(p.FiscalYear)} {p.Kind.Label()}の公表", new("Publications", "Index")));
}
