using System.Reflection;
using Komaki.Management.Core;
using Komaki.Management.Core.Importing;
using Komaki.Management.IntegrationTests.Support;
using Komaki.Management.Web.Features.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Komaki.Management.IntegrationTests.Importing;

/// A sheet kind carries where its import returns to and who may import it (issue 28): the import screens read both
/// from the kind, so a new kind cannot be forgotten in a redirect switch or a permission list kept elsewhere.
public class SheetKindConventionTests
{
    public static TheoryData<string> Kinds => [.. SheetKinds.ForOperators.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_sheet_kind_names_a_page_that_takes_its_scope_and_who_may_import_it(string name)
    {
        var kind = SheetKinds.ForOperators[name];
        Assert.NotNull(kind.Access);
        Assert.NotNull(kind.AfterImport);
        var controller = typeof(ImportsController).Assembly.GetTypes()
            .SingleOrDefault(t => typeof(Controller).IsAssignableFrom(t) && !t.IsAbstract && t.Name == kind.AfterImport.Controller + "Controller");
        Assert.True(controller is not null, $"{name}: no controller {kind.AfterImport.Controller}");
        var actions = controller!.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == kind.AfterImport.Action && !m.GetCustomAttributes<HttpMethodAttribute>().Any(a => a.HttpMethods.Contains("POST"))).ToList();
        Assert.True(actions.Count > 0, $"{name}: {controller.Name} has no GET action {kind.AfterImport.Action}");
        // The scope reaches the page: a parameter of that name, or a property of a bound filter.
        var scope = kind.AfterImport.ScopeParameter;
        Assert.Contains(actions, a => a.GetParameters().Any(p => string.Equals(p.Name, scope, StringComparison.OrdinalIgnoreCase)
            || p.ParameterType.IsClass && p.ParameterType != typeof(string) && p.ParameterType.GetProperty(scope) is not null));
    }

    [Fact]
    public void The_import_screens_name_no_sheet_kind_of_their_own()
    {
        // Kind names loaded as strings (a redirect switch, a role list per kind) would be a second list to keep up to date.
        var names = SheetKinds.ForOperators.Keys.ToHashSet();
        var named = IlReader.MethodsOf(typeof(ImportsController)).SelectMany(m => IlReader.Read(m).Strings).Where(names.Contains).Distinct().ToList();
        Assert.Empty(named);
    }
}
