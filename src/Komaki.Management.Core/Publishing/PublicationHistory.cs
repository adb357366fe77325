using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Publishing;

/// What planning published and withdrew: planning and administrators, who keep the publications page.
public sealed class PublicationHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(Publication)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(Publication)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (!reader.IsIn(Roles.Planning) && !reader.IsIn(Roles.Administrator)) return HistoryOpening.Refused;
        return HistoryOpening.IdOf(recordId) is int id && await db.Publications.Where(p => p.Id == id).Select(p => new { p.FiscalYear, p.Kind }).FirstOrDefaultAsync() is { } p
            ? HistoryOpening.Read($"{Wareki.FiscalYear(p.FiscalYear)} {p.Kind.Label()}の公表", new("Publications", "Index"))
            : HistoryOpening.Read(recordId);
    }
}
