namespace Komaki.Management.Core.Auditing;

/// A record whose every change is written to the audit log.
public interface IAudited
{
    /// The record whose history shows this change: itself, or its owner (an indicator's yearly value
    /// belongs to the indicator's history).
    AuditTarget AuditTarget { get; }
}

public readonly record struct AuditTarget(string RecordType, string RecordId, string? Detail = null)
{
    public AuditTarget(string recordType, int recordId, string? detail = null)
        : this(recordType, recordId.ToString(System.Globalization.CultureInfo.InvariantCulture), detail)
    {
    }
}
