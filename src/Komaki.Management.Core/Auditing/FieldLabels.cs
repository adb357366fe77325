using System.Collections.Concurrent;
using System.Reflection;

namespace Komaki.Management.Core.Auditing;

/// Japanese names of recorded fields, as staff read them in a history or beside a refused field: the
/// [Display(Name = …)] on the entity's property, so one property name can read differently per record (a citizen
/// input's Status is its 対応状況, a manifesto progress's its 進捗状況). What an entity inherits from a framework
/// class is named with [FieldLabel] on the entity.
public static class FieldLabels
{
    private static readonly ConcurrentDictionary<(Type, string), string?> Found = new();

    private static readonly Lazy<Dictionary<string, Type>> EntitiesByName = new(() => typeof(IAudited).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAudited).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal));

    /// The field's name, or null when the entity does not name it.
    public static string? Find(Type entity, string field) => Found.GetOrAdd((entity, field), static key =>
    {
        var (type, name) = key;
        // A complex property's parts (a 財源内訳's) are recorded under their own names.
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType.IsDefined(typeof(System.ComponentModel.DataAnnotations.Schema.ComplexTypeAttribute)))
                .Select(p => p.PropertyType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)).FirstOrDefault(p => p is not null);
        return property?.GetCustomAttribute<DisplayAttribute>()?.GetName()
            ?? type.GetCustomAttributes<FieldLabelAttribute>(inherit: true).FirstOrDefault(a => a.Field == name)?.Label;
    });

    /// The field's name as staff read it; the property's own name when the entity does not name it.
    public static string Of(Type entity, string field) => Find(entity, field) ?? field;

    /// For a history entry, which records its entity by the class's name.
    public static string Of(string entity, string field) =>
        EntitiesByName.Value.TryGetValue(entity, out var type) ? Of(type, field) : field;
}

/// The Japanese name of a field the entity inherits from a class it cannot annotate (Identity's user).
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class FieldLabelAttribute(string field, string label) : Attribute
{
    public string Field { get; } = field;
    public string Label { get; } = label;
}
