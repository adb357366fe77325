using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core;

/// A record kind that has a history page (/History/{recordType}/{id}): which record types it opens, which audited
/// entities are filed under them, and who may read a record's history. Each feature declares its kinds beside its
/// entities; they are found by scan, and a test requires one for every audited entity, so a kind cannot be forgotten
/// (it would otherwise be a silent 404).
public interface IHistoryKind
{
    /// The record types as the entities' AuditTarget files them.
    IReadOnlyCollection<string> RecordTypes { get; }

    /// The audited entities whose changes are filed under these record types.
    IReadOnlyCollection<Type> Entities { get; }

    /// Whether the reader may read this record's history, and how the page names it and links back to it.
    Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId);
}

/// Who asks for a history: their roles and unit (Identity builds an Actor of them), their user id (for records about
/// a person) and the unit tree.
public sealed record HistoryReader(string UserName, string UserId, IReadOnlySet<string> Roles, int? UnitId, OrgTree Org)
{
    public bool IsIn(string role) => Roles.Contains(role);
}

/// The page a history links back to: a controller's action with its route values.
public sealed record HistoryLink(string Controller, string Action, object? Values = null);

/// Whether one change of an entry may be shown to this reader: the entry (its entity and detail) and the field. A
/// kind whose record shows some fields only to some readers, or only from some stage on, says so with the same rule
/// the record's own page uses; the history then never shows a value the page hides.
public delegate bool HistoryShows(AuditEntry entry, string field);

/// A history the reader may read, with its record's name and page, or a refusal; Shows, when given, is which fields of
/// which entries this reader may see (null: every field, the record's page hides none from those who open it).
public sealed record HistoryOpening(bool MayRead, string Title, HistoryLink? Back, HistoryShows? Shows = null)
{
    public static HistoryOpening Refused { get; } = new(false, "", null);

    public static HistoryOpening Read(string title, HistoryLink? back = null) => new(true, title, back);

    public static HistoryOpening Read(string title, HistoryLink? back, HistoryShows shows) => new(true, title, back, shows);

    public static int? IdOf(string recordId) => int.TryParse(recordId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// A record's history by its id: its name and page while the record is there, its bare id once it is gone (the
    /// history outlives it).
    public static async Task<HistoryOpening> ByIdAsync<T>(string recordId, Func<int, Task<T?>> find, Func<T, HistoryOpening> open) where T : class =>
        IdOf(recordId) is int id && await find(id) is T found ? open(found) : Read(recordId);
}
