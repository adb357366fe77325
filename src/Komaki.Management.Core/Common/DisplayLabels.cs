using System.Reflection;

namespace Komaki.Management.Core.Common;

/// Reads the Japanese label written as [Display(Name = …)] on an enum member, so a label lives beside the
/// member it names instead of in a switch per type.
public static class DisplayLabels
{
    public static string Label<T>(this T value) where T : struct, Enum =>
        Names<T>.ByValue.TryGetValue(value, out var name) ? name : value.ToString();

    private static class Names<T> where T : struct, Enum
    {
        public static readonly IReadOnlyDictionary<T, string> ByValue = typeof(T)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .GroupBy(f => (T)f.GetValue(null)!)
            .ToDictionary(g => g.Key, g => g.First().GetCustomAttribute<DisplayAttribute>()?.Name ?? g.Key.ToString());
    }
}
