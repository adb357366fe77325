using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Komaki.Management.IntegrationTests.OpenData;

/// What cannot be served is said, never replaced by something else: every /api/v1 route answers an error as problem
/// details in JSON with a Japanese title and detail and the right status — an unknown list 404, a method it does not
/// take 405 — and a query value that does not read as what the parameter takes (?year=abc) is 400 naming the
/// parameter, never the data of another year. The routes are read from the app's endpoints; the public pages that
/// take a value in the query refuse it the same way on the 400 page.
public sealed partial class OpenDataErrorsTests(KomakiFactory app, ITestOutputHelper output) : IClassFixture<KomakiFactory>
{
    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();

    private List<(string Template, ControllerActionDescriptor Action)> Routes(Func<RouteEndpoint, bool> which) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(which)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => (e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<ControllerActionDescriptor>()!)).Where(r => r.Item2 is not null).ToList();

    private static string? QueryValueFor(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(bool) || t == typeof(DateOnly) || t == typeof(DateTime) || t.IsEnum ? "abc" : null;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, string what)
    {
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {response.Content.Headers.ContentType}");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        Assert.Matches(Japanese(), problem.GetProperty("title").GetString());
        Assert.Matches(Japanese(), problem.GetProperty("detail").GetString());
        return problem;
    }

    [Fact]
    public async Task Every_api_route_answers_errors_in_json_and_refuses_a_query_value_it_cannot_read_naming_the_parameter()
    {
        var routes = Routes(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal) == true);
        Assert.True(routes.Count >= 10, $"only {routes.Count} api routes");
        var client = app.NewClient();
        var parameters = 0;
        foreach (var (template, action) in routes)
        {
            Assert.DoesNotContain("{", template, StringComparison.Ordinal);
            var url = "/" + template;
            foreach (var parameter in action.Parameters.Where(p => QueryValueFor(p.ParameterType) is not null))
            {
                parameters++;
                var response = await client.GetAsync($"{url}?{parameter.Name}=abc");
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}?{parameter.Name}=abc: {(int)response.StatusCode}");
                var problem = await ProblemAsync(response, url);
                Assert.Contains(parameter.Name, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
            var post = await client.PostAsync(url, new StringContent(""));
            Assert.True(post.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest, $"POST {url}: {(int)post.StatusCode}");
            await ProblemAsync(post, "POST " + url);
            var unknown = await client.GetAsync(url.TrimEnd('/') + "/no-such-list");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            await ProblemAsync(unknown, url + "/no-such-list");
        }
        output.WriteLine($"{routes.Count} api routes, {parameters} query parameters");
        Assert.True(parameters >= 4, $"only {parameters} query parameters");
        var missing = await client.GetAsync("/api/v1/no-such-list.csv");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await ProblemAsync(missing, "/api/v1/no-such-list.csv");
        var outOfRange = await client.GetAsync("/api/v1/evaluations?year=1800");
        Assert.Equal(HttpStatusCode.NotFound, outOfRange.StatusCode);
        await ProblemAsync(outOfRange, "year=1800");
    }

    [Fact]
    public async Task A_public_page_refuses_a_query_value_it_cannot_read_instead_of_showing_another_year()
    {
        var routes = Routes(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && e.RoutePattern.RawText?.TrimStart('/').StartsWith("public", StringComparison.OrdinalIgnoreCase) == true
            && !e.RoutePattern.RawText.Contains('{', StringComparison.Ordinal));
        var client = app.NewClient();
        var checkedPages = new List<string>();
        foreach (var (template, action) in routes)
            foreach (var parameter in action.Parameters.Where(p => QueryValueFor(p.ParameterType) is not null))
            {
                var url = $"/{template}?{parameter.Name}=abc";
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains($"「{parameter.Name}」", html, StringComparison.Ordinal);
                checkedPages.Add(url);
            }
        output.WriteLine(string.Join(", ", checkedPages));
        Assert.Contains(checkedPages, u => u.Contains("year=abc", StringComparison.Ordinal));
    }
}
