using Komaki.Management.Core.Auditing;

namespace Komaki.Management.Core;

/// The history of one record kind and of its parts filed under it (a plan's months, a goal's links): the record type
/// is the entity's name, as its AuditTarget files it, so a kind names its entities once.
public abstract class HistoryKind<TRecord>(params Type[] parts) : IHistoryKind where TRecord : IAudited
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [typeof(TRecord).Name];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(TRecord), .. parts];

    public abstract Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId);
}
