using System.Text.Json;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Auditing;

public enum AuditAction
{
    [Display(Name = "作成")]
    Created = 1,
    [Display(Name = "変更")]
    Updated = 2,
    [Display(Name = "削除")]
    Deleted = 3,
}

[DataArea(DataArea.None)]
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string UserName { get; set; } = "";
    public string RecordType { get; set; } = "";
    public string RecordId { get; set; } = "";
    public string? Detail { get; set; }
    public string EntityType { get; set; } = "";
    public AuditAction Action { get; set; }
    public string ChangesJson { get; set; } = "[]";

    public IReadOnlyList<FieldChange> Changes =>
        JsonSerializer.Deserialize<List<FieldChange>>(ChangesJson) ?? [];
}

public sealed record FieldChange(string Field, string? Old, string? New);
