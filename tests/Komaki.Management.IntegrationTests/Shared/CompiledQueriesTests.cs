using System.Reflection;
using Komaki.Management.Core.Data;

namespace Komaki.Management.IntegrationTests.Shared;

/// EF binds a compiled query to the first model it runs with and refuses any other: a static one answers 500 on every
/// page of whichever provider came second in a process that holds both (SqlServerTranslationTests beside the SQLite
/// factories did, depending on the order the tests ran). Every compiled query is kept per model (CompiledPerModel).
public class CompiledQueriesTests
{
    [Fact]
    public void No_static_field_holds_a_compiled_query_bound_to_one_model()
    {
        var assemblies = new[] { typeof(AppDbContext).Assembly, typeof(Komaki.Management.Web.Infrastructure.ReadCache).Assembly };
        var fields = assemblies.SelectMany(a => a.GetTypes()).Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => typeof(Delegate).IsAssignableFrom(f.FieldType) && f.FieldType.IsGenericType
                && f.FieldType.GetGenericArguments().Any(a => typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(a)))
            .ToList();
        var bound = fields.Where(f => f.GetValue(null) is Delegate d && d.Target?.GetType().Name.StartsWith("Compiled", StringComparison.Ordinal) == true)
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}").ToList();
        Assert.True(bound.Count == 0, $"compiled queries held in static fields (keep them in a CompiledPerModel): {string.Join(", ", bound)}");
        Assert.Contains(assemblies.SelectMany(a => a.GetTypes()).SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic)),
            f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(CompiledPerModel<>));
    }
}
