using System.Reflection;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.IntegrationTests.Support;

/// The tables a piece of Core reads, found by following its compiled calls (IlReader) into Core, so a test can check
/// that what is kept under the versions of some data areas (ReadCache) names the area of every table it reads —
/// naming too few would serve a stale page or file without a word.
public static class TableReads
{
    private static readonly Dictionary<MethodBase, Type> Tables = typeof(AppDbContext).GetProperties()
        .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.DbSet<>))
        .ToDictionary(p => (MethodBase)p.GetMethod!, p => p.PropertyType.GetGenericArguments()[0]);

    /// The entities read, and whether the walk met an interface call it cannot follow.
    public static (HashSet<Type> Entities, bool MetInterface) Of(IEnumerable<MethodBase> starts)
    {
        var read = new HashSet<Type>();
        var seen = new HashSet<MethodBase>();
        void Walk(MethodBase m)
        {
            if (!seen.Add(m)) return;
            foreach (var call in IlReader.Read(m).Calls)
            {
                if (Tables.TryGetValue(call, out var entity)) read.Add(entity);
                else if (call is MethodInfo { IsGenericMethod: true, Name: "Set" } set && typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(set.DeclaringType))
                    read.Add(set.GetGenericArguments()[0]);
                else if (call.DeclaringType is { } d && d.Assembly == typeof(IUseCase).Assembly && d != typeof(AppDbContext))
                    Walk(call);
            }
        }
        foreach (var m in starts) Walk(m);
        return (read, seen.Any(m => m.DeclaringType!.IsInterface));
    }

    /// The entities read outside the given areas, as "Entity (area)" for a failure message.
    public static List<string> Unnamed(IEnumerable<Type> entities, IReadOnlyCollection<string> areas) =>
        entities.Where(e => e.GetCustomAttribute<DataAreaAttribute>()?.Area is not { } area || !areas.Contains(area))
            .Select(e => $"{e.Name} ({e.GetCustomAttribute<DataAreaAttribute>()?.Area ?? "no area"})").Order(StringComparer.Ordinal).ToList();
}
