using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Manifesto;

/// A mayor's term and its promises with their links and yearly progress (filed under the promise): every staff
/// member reads them.
public sealed class ManifestoHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(MayorTerm), nameof(ManifestoItem)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(MayorTerm), typeof(ManifestoItem), typeof(ManifestoLink), typeof(ManifestoProgress)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Read(recordId);
        return recordType == nameof(MayorTerm)
            ? HistoryOpening.Read(await db.MayorTerms.Where(t => t.Id == id).Select(t => t.Title + "（" + t.MayorName + "）").FirstOrDefaultAsync() ?? recordId, new("Manifesto", "Index", new { termId = id }))
            : HistoryOpening.Read(await db.ManifestoItems.Where(i => i.Id == id).Select(i => i.Number + " " + i.Title).FirstOrDefaultAsync() ?? recordId, new("Manifesto", "Item", new { id }));
    }
}
