using System.Net;
using System.Security.Claims;
using Komaki.Management.Core.Data;
using Komaki.Management.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Komaki.Management.IntegrationTests.Security;

/// Each server keeps the tickets it unpacked (DatabaseTicketStore), but confirms on every request that the session's row
/// still holds them: two apps in one process on one database, the second having served the cookie already, refuse
/// it at the very next request after a sign-out on the first, and see a ticket the first rewrote.
public sealed class TicketAcrossServersTests(KomakiFactory one) : IClassFixture<KomakiFactory>
{
    /// The same app over the first one's database file (migrated and seeded by the first; nothing of its own on disk).
    private sealed class SecondServer(string connectionString) : KomakiFactory
    {
        protected override void Configure(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<DbContextOptions<AppDbContext>>();
                services.AddDbContext<AppDbContext>(o => Database.Configure(o, DatabaseProvider.Sqlite, connectionString));
            });
    }

    private static async Task<HttpStatusCode> HomeAsync(KomakiFactory server, string cookie)
    {
        var client = server.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return (await client.GetAsync("/")).StatusCode;
    }

    [Fact]
    public async Task A_sign_out_on_one_server_refuses_the_cookie_on_the_other_at_its_next_request()
    {
        await using var two = new SecondServer(one.ConnectionString);
        var browser = await one.SignedInAsync("doro-kacho@komaki.example");
        var cookie = await CookieOfAsync(browser);
        // The second server unpacks and keeps the ticket.
        Assert.Equal(HttpStatusCode.OK, await HomeAsync(two, cookie));
        Assert.Equal(HttpStatusCode.OK, await HomeAsync(two, cookie));

        var token = KomakiFactory.TokenIn(await browser.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/Account/Logout", KomakiFactory.Form(token))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await HomeAsync(two, cookie));
        Assert.Equal(HttpStatusCode.Redirect, await HomeAsync(one, cookie));
    }

    [Fact]
    public async Task A_ticket_rewritten_on_one_server_is_what_the_other_returns_next()
    {
        await using var second = new SecondServer(one.ConnectionString);
        var first = one.Services.GetRequiredService<DatabaseTicketStore>();
        var other = second.Services.GetRequiredService<DatabaseTicketStore>();
        static AuthenticationTicket TicketOf(string role) => new(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "someone"), new Claim(ClaimTypes.Role, role)], "Identity.Application")),
            new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(30) }, "Identity.Application");
        var key = await first.StoreAsync(TicketOf("DepartmentStaff"));

        var kept = await other.RetrieveAsync(key);
        Assert.True(kept!.Principal.IsInRole("DepartmentStaff"));
        // What the second server hands out is a copy: a change to it does not reach the next request.
        ((ClaimsIdentity)kept.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Administrator"));
        Assert.False((await other.RetrieveAsync(key))!.Principal.IsInRole("Administrator"));

        await first.RenewAsync(key, TicketOf("DepartmentHead"));
        var renewed = await other.RetrieveAsync(key);
        Assert.True(renewed!.Principal.IsInRole("DepartmentHead"));
        Assert.False(renewed.Principal.IsInRole("DepartmentStaff"));

        await first.RemoveAsync(key);
        Assert.Null(await other.RetrieveAsync(key));
    }

    /// The cookie the signed-in test client holds, as a Cookie header for a client of the other server.
    private static async Task<string> CookieOfAsync(HttpClient browser)
    {
        var response = await browser.GetAsync("/Account/Sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("; ", response.RequestMessage!.Headers.GetValues("Cookie"));
    }
}
