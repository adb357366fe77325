using System.Net;
using Komaki.Management.Core.Data.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Komaki.Management.IntegrationTests.Security;

/// Nothing an anonymous visitor can observe depends on sign-in attempts: a failed sign-in of an existing account
/// leaves the data versions (the public pages' cache key) as an unknown account's does; and no forwarded address is
/// believed unless the operator names the proxy.
public sealed class AnonymousStateTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private Dictionary<string, long> Versions => app.WithDb(db => db.DataVersions.ToDictionary(v => v.Area, v => v.Version));

    private async Task FailSignInAsync(string email)
    {
        var client = app.NewClient();
        var token = await KomakiFactory.TokenAsync(client, "/Account/Login");
        var response = await client.PostAsync("/Account/Login", KomakiFactory.Form(token, ("Email", email), ("Password", DemoSeeder.DemoPassword + "x")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_and_an_existing_accounts_failed_sign_in_leave_the_public_cache_in_the_same_state()
    {
        var before = Versions;
        await FailSignInAsync("nobody-here@komaki.example");
        var afterUnknown = Versions;
        await FailSignInAsync("kikaku@komaki.example");
        var afterExisting = Versions;
        Assert.Equal(before, afterUnknown);
        Assert.Equal(afterUnknown, afterExisting);
        // The failure was counted: the account's counter moved, the versions did not.
        Assert.Equal(1, app.WithDb(db => db.Users.Single(u => u.Email == "kikaku@komaki.example").AccessFailedCount));
        // A change an anonymous reader may see does raise them.
        app.WithDb(db =>
        {
            db.Users.Single(u => u.Email == "kikaku@komaki.example").DisplayName = "企画 担当（改）";
            return db.SaveChanges();
        });
        Assert.NotEqual(afterExisting, Versions);
    }

    [Fact]
    public void No_forwarded_address_is_believed_unless_the_proxy_is_configured()
    {
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Empty(options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
    }
}
