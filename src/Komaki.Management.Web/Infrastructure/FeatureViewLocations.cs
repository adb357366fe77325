using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Komaki.Management.Web.Infrastructure;

/// A controller's views live in its feature folder (the last part of its namespace), so one feature may have
/// several small controllers sharing a folder.
public sealed class FeatureViewLocations : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action && action.ControllerTypeInfo.Namespace is string ns)
            context.Values[Key] = ns[(ns.LastIndexOf('.') + 1)..];
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var feature) && feature is not null
            ? viewLocations.Select(l => l.Replace("{1}", feature, StringComparison.Ordinal))
            : viewLocations;
}
