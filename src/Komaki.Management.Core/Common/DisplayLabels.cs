using System.Reflection;

namespace Komaki.Management.Core.Common;

/// Reads the Japanese label written as [Display(Name = …)] on an enum member, so a label lives beside the
/// member it names instead of in a switch per type.
public static class DisplayLabels
{
    public static string Label<T>(this T value) where T : struct, Enum =>
        Names<T>.ByValue.TryGetValue(value, out var name) ? name : value.ToString();

    /// The label of a member of an enum known only at run time (a recorded value in a history), by the member's name;
    /// null when the type has no such member or the member no label.
    public static string? LabelOf(Type enumType, string memberName)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return enumType.IsEnum ? enumType.GetField(memberName, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<DisplayAttribute>()?.Name : null;
    }

    private static class Names<T> where T : struct, Enum
    {
        public static readonly IReadOnlyDictionary<T, string> ByValue = typeof(T)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .GroupBy(f => (T)f.GetValue(null)!)
            .ToDictionary(g => g.Key, g => g.First().GetCustomAttribute<DisplayAttribute>()?.Name ?? g.Key.ToString());
    }
}
