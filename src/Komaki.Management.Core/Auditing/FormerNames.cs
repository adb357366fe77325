using System.Reflection;
using System.Text.Json;

namespace Komaki.Management.Core.Auditing;

/// Entries of the audit trail written before an entity or a property was renamed read under today's names: the
/// record type and entity type by the class's [FormerName], each change's field by its property's.
public static class FormerNames
{
    private static readonly Lazy<(Dictionary<string, string> Types, Dictionary<(string Entity, string Field), string> Fields)> Found = new(() =>
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = new Dictionary<(string, string), string>();
        foreach (var type in typeof(IAudited).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAudited).IsAssignableFrom(t)))
        {
            foreach (var former in type.GetCustomAttributes<FormerNameAttribute>()) types.Add(former.Name, type.Name);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                foreach (var former in property.GetCustomAttributes<FormerNameAttribute>()) fields.Add((type.Name, former.Name), property.Name);
        }
        return (types, fields);
    });

    /// Today's name of a record type or entity type the trail may hold under an earlier name.
    public static string Current(string stored) => Found.Value.Types.GetValueOrDefault(stored, stored);

    /// Every name the trail may file this record type under: today's and the earlier ones.
    public static IReadOnlyList<string> StoredAs(string recordType)
    {
        var current = Current(recordType);
        return [current, .. Found.Value.Types.Where(t => t.Value == current).Select(t => t.Key)];
    }

    /// The entry as it reads under today's names (an entry read without tracking; the stored row is not changed).
    public static AuditEntry Read(AuditEntry entry)
    {
        entry.RecordType = Current(entry.RecordType);
        entry.EntityType = Current(entry.EntityType);
        var fields = Found.Value.Fields;
        var changes = entry.Changes;
        if (changes.Any(c => fields.ContainsKey((entry.EntityType, c.Field))))
            entry.ChangesJson = JsonSerializer.Serialize(changes.Select(c => c with { Field = fields.GetValueOrDefault((entry.EntityType, c.Field), c.Field) }).ToList());
        return entry;
    }
}
