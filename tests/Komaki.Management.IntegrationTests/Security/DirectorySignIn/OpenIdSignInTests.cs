using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Komaki.Management.IntegrationTests.Security.DirectorySignIn;

/// OpenID Connect against a real provider run in the test process (OpenIddict on Kestrel, 127.0.0.1): the app sends
/// the browser with a code challenge, the provider issues a code, the app redeems it with the verifier and its secret,
/// and reads sub, groups, 職員番号 and amr from the ID token. Administrator and 人事担当 need amr to say MFA.
public sealed class OpenIdSignInTests(OpenIdSignInTests.Factory app) : IClassFixture<OpenIdSignInTests.Factory>
{
    private const string ClientId = "komaki";
    private const string ClientSecret = "komaki-test-client-secret-2026";

    /// Who signs in at the provider next, with what groups and whether with a second factor.
    public sealed record Person(string Subject, string StaffNumber, string Email, string[] Groups, bool Mfa);

    public sealed class Provider : IAsyncDisposable
    {
        private readonly WebApplication _app;
        public string Url { get; }
        public Person? Next { get; set; }
        public List<string> ChallengeMethods { get; } = [];

        private Provider(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public static async Task<Provider> StartAsync()
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            Provider? self = null;
            builder.Services.AddOpenIddict().AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                o.RegisterScopes(Scopes.Profile, Scopes.Email);
                // No database: the one client is checked here.
                o.EnableDegradedMode();
                o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(ctx =>
                {
                    if (ctx.ClientId != ClientId) ctx.Reject(Errors.InvalidClient, "unknown client");
                    else if (ctx.RedirectUri?.EndsWith("/signin-oidc", StringComparison.Ordinal) != true) ctx.Reject(Errors.InvalidRequest, "unknown redirect_uri");
                    return default;
                }));
                o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(ctx =>
                {
                    if (ctx.ClientId != ClientId || ctx.Request.ClientSecret != ClientSecret) ctx.Reject(Errors.InvalidClient, "wrong client credentials");
                    return default;
                }));
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
            var app = builder.Build();
            app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext http) =>
            {
                var request = http.GetOpenIddictServerRequest()!;
                self!.ChallengeMethods.Add(request.CodeChallengeMethod ?? "");
                var person = self.Next ?? throw new InvalidOperationException("no person at the provider");
                var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
                identity.AddClaim(new Claim(Claims.Subject, person.Subject));
                identity.AddClaim(new Claim(Claims.PreferredUsername, person.Subject));
                identity.AddClaim(new Claim("employee_id", person.StaffNumber));
                identity.AddClaim(new Claim(Claims.Email, person.Email));
                foreach (var g in person.Groups) identity.AddClaim(new Claim("groups", g));
                identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, "pwd"));
                if (person.Mfa) identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, "mfa"));
                foreach (var claim in identity.Claims) claim.SetDestinations(Destinations.IdentityToken);
                var principal = new ClaimsPrincipal(identity);
                principal.SetScopes(request.GetScopes());
                return Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            });
            await app.StartAsync();
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            self = new Provider(app, url);
            return self;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }

    public sealed class Factory : KomakiFactory, IAsyncLifetime
    {
        public Provider Idp { get; private set; } = null!;

        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Oidc:Enabled", "true");
            builder.UseSetting("Oidc:Authority", Idp.Url + "/");
            builder.UseSetting("Oidc:ClientId", ClientId);
            builder.UseSetting("Oidc:ClientSecret", ClientSecret);
            builder.UseSetting("Oidc:DisplayName", "庁内アカウント");
            builder.UseSetting("Oidc:RequireHttpsMetadata", "false");
        }

        public override async Task InitializeAsync()
        {
            Idp = await Provider.StartAsync();
            await base.InitializeAsync();
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>();
            db.StaffMembers.AddRange(
                new Core.Personnel.StaffMember { StaffNumber = "880001", Name = "尾井 一" },
                new Core.Personnel.StaffMember { StaffNumber = "880002", Name = "尾井 二" });
            await db.SaveChangesAsync();
            var mappings = scope.ServiceProvider.GetRequiredService<DirectoryMappingCommands>();
            foreach (var (group, role) in new[] { ("/庁内/KM-Staff", Roles.DepartmentStaff), ("KM-SystemAdmins", Roles.Administrator) })
                Assert.True((await mappings.AddAsync(new DirectoryMappingForm { Group = group, Role = role })).Succeeded);
        }

        public new async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Idp.DisposeAsync();
        }
    }

    /// The browser's walk: the app's challenge, the provider's answer (a form that posts the code back), the callback,
    /// and the page the app lands on.
    private async Task<(HttpClient Client, HttpResponseMessage Landing)> SignInAsync(Person person)
    {
        app.Idp.Next = person;
        var client = app.NewClient();
        var challenge = await client.GetAsync("/Account/External?returnUrl=%2FGoals");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(app.Idp.Url, authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge=", authorize.Query, StringComparison.Ordinal);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await browser.GetAsync(authorize);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, html);
        var action = WebUtility.HtmlDecode(Regex.Match(html, "<form[^>]*action=\"([^\"]+)\"").Groups[1].Value);
        var fields = Regex.Matches(html, "<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        Assert.EndsWith("/signin-oidc", action, StringComparison.Ordinal);
        var callback = await client.PostAsync(new Uri(action).PathAndQuery, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var landing = await client.GetAsync(callback.Headers.Location);
        return (client, landing);
    }

    private string[] RolesOf(string staffNumber) => app.WithDb(db => (from s in db.StaffMembers join ur in db.UserRoles on s.UserId equals ur.UserId
                                                                      join r in db.Roles on ur.RoleId equals r.Id where s.StaffNumber == staffNumber select r.Name!).OrderBy(r => r).ToArray());

    [Fact]
    public async Task Staff_sign_in_through_the_provider_with_code_and_pkce_and_get_the_role_their_groups_map_to()
    {
        var (client, landing) = await SignInAsync(new Person("a1b2c3-oidc-staff", "880001", "oi.hajime@city.komaki.example", ["/庁内/KM-Staff"], Mfa: false));
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal("/Goals", landing.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Goals")).StatusCode);
        Assert.Equal([Roles.DepartmentStaff], RolesOf("880001"));
        Assert.Equal("S256", app.Idp.ChallengeMethods.Last());
        Assert.Equal(1, app.WithDb(db => db.UserLogins.Count(l => l.LoginProvider == "OpenIdConnect" && l.ProviderKey == "a1b2c3-oidc-staff")));
        Assert.Contains("庁内アカウントでサインイン", await app.NewClient().GetStringAsync("/Account/Login"));
    }

    [Fact]
    public async Task An_administrator_without_mfa_is_refused_and_with_mfa_signs_in()
    {
        var (refusedClient, refused) = await SignInAsync(new Person("d4e5f6-oidc-admin", "880002", "oi.jiro@city.komaki.example", ["KM-SystemAdmins"], Mfa: false));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("システム管理者の役割でこのシステムを使うには、サインインのときに多要素認証", await refused.Content.ReadAsStringAsync());
        var home = await refusedClient.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (client, landing) = await SignInAsync(new Person("d4e5f6-oidc-admin", "880002", "oi.jiro@city.komaki.example", ["KM-SystemAdmins"], Mfa: true));
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/DirectoryMappings")).StatusCode);
    }
}
