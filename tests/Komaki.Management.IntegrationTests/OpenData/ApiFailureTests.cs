using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.OpenData;

/// A failure on the server under /api is answered as the API answers everything it cannot serve: 500 in problem
/// details (application/problem+json) with a Japanese title and detail, and not a word of the exception — never the
/// HTML error page a browser gets. The failing route exists only in this test's host (added through its services).
public class ApiFailureTests(ApiFailureTests.Host app) : IClassFixture<ApiFailureTests.Host>
{
    private const string Secret = "SECRET-DETAIL-接続文字列";

    public sealed class Host : KomakiFactory
    {
        protected override void Configure(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FailingRoutes>());
    }

    /// After the app's own pipeline (reached only by what no endpoint answers): one route under /api and one page
    /// outside it that throw.
    private sealed class FailingRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            next(builder);
            builder.Map("/api/test-failure", b => b.Run(_ => throw new InvalidOperationException(Secret)));
            builder.Map("/test-failure", b => b.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }

    [Fact]
    public async Task An_unhandled_exception_under_api_is_a_500_in_problem_details_without_its_text()
    {
        var response = await app.NewClient().GetAsync("/api/test-failure?year=2026");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
    }

    /// People still get the HTML error page, without the exception either.
    [Fact]
    public async Task An_unhandled_exception_elsewhere_is_the_html_error_page()
    {
        var response = await app.NewClient().GetAsync("/test-failure");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
