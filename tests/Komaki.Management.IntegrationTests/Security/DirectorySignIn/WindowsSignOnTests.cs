using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Komaki.Management.IntegrationTests.Security.DirectorySignIn;

/// Windows integrated sign-on as the in-process IIS handler gives it, off Windows: a "Windows" scheme that answers with
/// the principal IIS would (KOMAKI\account, Negotiate, group SIDs) or challenges with Negotiate. The rest is real: the
/// account is found in the Samba directory with the service account and the same group-to-role mapping applies.
[Collection(SambaCollection.Name)]
public sealed class WindowsSignOnTests(WindowsSignOnTests.Factory app) : IClassFixture<WindowsSignOnTests.Factory>
{
    public sealed class Factory : DirectoryFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            base.Configure(builder);
            builder.UseSetting("Directory:WindowsSignOn", "true");
            builder.ConfigureTestServices(s => s.AddAuthentication().AddScheme<AuthenticationSchemeOptions, IisWindowsShaped>(Web.Features.Account.ExternalSignInController.WindowsScheme, null));
        }
    }

    /// Who the domain terminal is signed in as: the test names it in a header, as IIS would read it from Kerberos.
    public const string Terminal = "X-Test-Windows-Account";

    private sealed class IisWindowsShaped(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Terminal, out var account)) return Task.FromResult(AuthenticateResult.NoResult());
            var identity = new ClaimsIdentity([
                new Claim(ClaimTypes.Name, $"KOMAKI\\{account}"),
                new Claim(ClaimTypes.PrimarySid, "S-1-5-21-573328635-318891481-963341862-1105"),
                new Claim(ClaimTypes.GroupSid, "S-1-5-21-573328635-318891481-963341862-513"),
            ], "Negotiate", ClaimTypes.Name, ClaimTypes.Role);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = (int)HttpStatusCode.Unauthorized;
            Response.Headers.WWWAuthenticate = "Negotiate";
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_domain_terminal_is_signed_in_through_windows_with_the_roles_of_the_directory_mapping()
    {
        await SambaDirectory.ReadyAsync("komaki-head", "komaki-nogroup");
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add(Terminal, "komaki-head");

        var login = await client.GetAsync("/Account/Login?returnUrl=%2FGoals");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/Account/Windows", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var signedIn = await client.GetAsync(login.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/Goals", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Goals")).StatusCode);
        var roles = app.WithDb(db => (from s in db.StaffMembers join ur in db.UserRoles on s.UserId equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
                                      where s.StaffNumber == "990002" select r.Name!).OrderBy(r => r).ToArray());
        Assert.Equal([Roles.DepartmentHead, Roles.DepartmentStaff], roles);

        // A terminal not signed in to the domain is challenged (the browser answers with Kerberos or asks); the form stays open.
        var outside = app.NewClient();
        var challenged = await outside.GetAsync("/Account/Windows");
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        Assert.Equal("Negotiate", challenged.Headers.WwwAuthenticate.ToString());
        Assert.Contains("Windows にサインインするときのユーザー名", await outside.GetStringAsync("/Account/Login?local=true"));

        // The same mapping decides: a Windows account in no mapped group reads which group it lacks.
        var unmapped = app.NewClient();
        unmapped.DefaultRequestHeaders.Add(Terminal, "komaki-nogroup");
        var refused = await unmapped.GetAsync("/Account/Windows");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("このシステムを使えるグループに入っていません", await refused.Content.ReadAsStringAsync());
    }
}
