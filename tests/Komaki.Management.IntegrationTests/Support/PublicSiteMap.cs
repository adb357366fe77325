using System.Text.RegularExpressions;
using Komaki.Management.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Support;

/// The citizens' site as the features declare it (IPublicPageContribution, IOpenDataDataset) and as the app routes
/// it: the tests start from here instead of lists of their own, so a new public page or dataset is in them by itself.
public static class PublicSiteMap
{
    /// An action anyone may GET, with its route template (no leading slash) and the path it matches.
    public sealed record AnonymousGet(string Template, string Controller, string Method, Regex Path);

    public static IReadOnlyList<PublicPage> Menu(KomakiFactory app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetServices<IPublicPageContribution>().Select(p => p.Page).OrderBy(p => p.Order).ToList();
    }

    /// The menu's pages as paths, through the app's own link generation.
    public static IReadOnlyList<string> MenuUrls(KomakiFactory app)
    {
        var links = app.Services.GetRequiredService<LinkGenerator>();
        return Menu(app).Select(p => links.GetPathByAction(p.Action, p.Controller) ?? throw new InvalidOperationException($"{p.Title}: no route to {p.Controller}.{p.Action}")).ToList();
    }

    public static IReadOnlyList<(string Name, IReadOnlyList<string> Columns)> Datasets(KomakiFactory app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetServices<IOpenDataDataset>().OrderBy(d => d.Order).Select(d => (d.Name, d.Columns)).ToList();
    }

    /// Every dataset's JSON and CSV.
    public static IReadOnlyList<string> DatasetUrls(KomakiFactory app) => Datasets(app).SelectMany(d => new[] { $"/api/v1/{d.Name}", $"/api/v1/{d.Name}.csv" }).ToList();

    public static IReadOnlyList<AnonymousGet> AnonymousGets(KomakiFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null
                        && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true))
            .Select(e =>
            {
                var action = e.Metadata.GetMetadata<ControllerActionDescriptor>()!;
                // A conventional route's controller and action are its required values, not any segment.
                var template = Regex.Replace(e.RoutePattern.RawText?.TrimStart('/') ?? "", @"\{(\w+)(=[^}]*)?\}",
                    m => e.RoutePattern.RequiredValues.TryGetValue(m.Groups[1].Value, out var v) && v is string value ? value : m.Value);
                return new AnonymousGet(template, action.ControllerTypeInfo.Name, action.MethodInfo.Name,
                    new Regex("^/" + Regex.Replace(Regex.Escape(template).Replace("\\{", "{", StringComparison.Ordinal), @"\{[^}]+\}", "[^/]+") + "$"));
            }).ToList();

    /// The action that answers a path, among those anyone may GET.
    public static AnonymousGet? Answering(KomakiFactory app, string path) => AnonymousGets(app).FirstOrDefault(a => a.Path.IsMatch(path.Split('?')[0]));
}
