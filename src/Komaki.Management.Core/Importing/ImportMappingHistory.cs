using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Importing;

/// How imports read the city's labels and unit names: every staff member reads what was decided.
public sealed class ImportMappingHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(LabelMapping), nameof(UnitNameMapping)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(LabelMapping), typeof(UnitNameMapping)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        var id = HistoryOpening.IdOf(recordId);
        return recordType == nameof(LabelMapping)
            ? HistoryOpening.Read($"取り込みの読み替え「{(id is int n ? await db.LabelMappings.Where(m => m.Id == n).Select(m => m.Label).FirstOrDefaultAsync() : null) ?? "（外した表記）"}」", new("ImportLabels", "Index"))
            : HistoryOpening.Read($"部課名の対応「{(id is int u ? await db.UnitNameMappings.Where(m => m.Id == u).Select(m => m.Name).FirstOrDefaultAsync() : null) ?? "（外した対応）"}」", new("ImportLabels", "Index"));
    }
}
