using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Komaki.Management.IntegrationTests.Security;

/// What cannot be read is said, never replaced by a default: every staff page (a GET action) that takes a number, a
/// date, a yes/no or a choice in its query answers a value that does not read as it (?year=abc) with 400 and a page
/// naming the parameter in Japanese — as the open-data API and the public pages do — instead of showing the default
/// year or list as if nothing had been asked. The pages are read from the app's endpoints and each is asked as a demo
/// account its policy lets in.
public class StaffQueryValuesTests(KomakiFactory app, ITestOutputHelper output) : IClassFixture<KomakiFactory>
{
    /// Demo accounts tried in turn until one is let in (each policy has one of them).
    private static readonly string[] Accounts =
    [
        "kikaku@komaki.example", "admin@komaki.example", "jinji@komaki.example", "zaisei@komaki.example", "kansa@komaki.example",
        "shicho@komaki.example", "doro-kacho@komaki.example", "hyoka@komaki.example",
    ];

    private static bool Readable(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(bool) || t == typeof(DateOnly) || t == typeof(DateTime) || t.IsEnum;
    }

    /// The names a GET action reads from its query as a typed value: its simple parameters not bound from the route
    /// (or elsewhere), and the typed properties of a model it binds from the query.
    private static IEnumerable<string> QueryNames(ControllerActionDescriptor action, RoutePattern pattern)
    {
        foreach (var p in action.Parameters)
        {
            var source = p.BindingInfo?.BindingSource;
            if (source is not null && source != BindingSource.Query && source != BindingSource.ModelBinding) continue;
            if (pattern.GetParameter(p.Name) is not null) continue;
            if (Readable(p.ParameterType)) yield return p.Name;
            else if (p.ParameterType.Namespace?.StartsWith("Komaki.", StringComparison.Ordinal) == true && p.ParameterType.IsClass)
            {
                foreach (var prop in p.ParameterType.GetProperties().Where(x => x.CanWrite && Readable(x.PropertyType) && pattern.GetParameter(x.Name) is null))
                    yield return prop.Name;
            }
        }
    }

    /// A value for each route parameter the template requires, so the route is the action's.
    private static string? Url(RoutePattern pattern, ControllerActionDescriptor action)
    {
        var raw = pattern.RawText!;
        if (raw.Contains("{controller", StringComparison.Ordinal)) return $"/{action.ControllerName}/{action.ActionName}";
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal: text += literal.Content; break;
                    case RoutePatternSeparatorPart separator: text += separator.Content; break;
                    case RoutePatternParameterPart parameter:
                        if (parameter.IsOptional || parameter.IsCatchAll) break;
                        if (parameter.Default is not null) { text += parameter.Default; break; }
                        var type = action.Parameters.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))?.ParameterType;
                        text += parameter.Name.Contains("year", StringComparison.OrdinalIgnoreCase) ? "2026"
                            : parameter.ParameterPolicies.Any(x => x.Content is "int" or "long") || type == typeof(int) || type == typeof(int?) ? "1" : "x";
                        break;
                }
            }
            if (text.Length > 0) segments.Add(text);
        }
        return "/" + string.Join('/', segments);
    }

    [Fact]
    public async Task Every_staff_page_refuses_a_query_value_it_cannot_read_naming_the_parameter()
    {
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => (e.RoutePattern, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(e => e.Action is not null && !e.RoutePattern.RawText!.TrimStart('/').StartsWith("api", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => QueryNames(e.Action!, e.RoutePattern).Distinct(StringComparer.OrdinalIgnoreCase).Select(name => (Url: Url(e.RoutePattern, e.Action!), Name: name)))
            .Distinct().ToList();
        Assert.True(pages.Count >= 20, $"only {pages.Count} staff pages with a typed query value");

        var clients = new Dictionary<string, HttpClient>();
        var failures = new List<string>();
        foreach (var (url, name) in pages)
        {
            var address = $"{url}?{name}=abc";
            HttpResponseMessage? answered = null;
            foreach (var account in Accounts)
            {
                if (!clients.TryGetValue(account, out var client)) clients[account] = client = await app.SignedInAsync(account);
                var response = await client.GetAsync(address);
                if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found) continue;
                answered = response;
                break;
            }
            if (answered is null) { failures.Add($"{address}: no demo account is let in"); continue; }
            var html = await answered.Content.ReadAsStringAsync();
            if (answered.StatusCode != HttpStatusCode.BadRequest) failures.Add($"{address}: {(int)answered.StatusCode}");
            else if (!html.Contains($"「{name}」", StringComparison.Ordinal) || !html.Contains("読めません", StringComparison.Ordinal)) failures.Add($"{address}: 400 without naming 「{name}」");
            else if (!(answered.Content.Headers.ContentType?.MediaType ?? "").Contains("html", StringComparison.Ordinal)) failures.Add($"{address}: not a page");
        }
        output.WriteLine(string.Join("\n", pages.Select(p => $"{p.Url}?{p.Name}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
