using System.Net;
using System.Text.RegularExpressions;
using OtpNet;

namespace Komaki.Management.IntegrationTests.Security.DirectorySignIn;

/// Local accounts (外部評価委員 here) turn on TOTP; the password alone then opens nothing, a wrong or reused code is
/// refused beside the field, and the right one starts the session.
public sealed partial class TotpTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Email = "hyoka@komaki.example";

    private static async Task<HttpResponseMessage> PasswordAsync(HttpClient client)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", KomakiFactory.Form(token, ("Email", Email), ("Password", Core.Data.Seeding.DemoSeeder.DemoPassword)));
    }

    private static async Task<HttpResponseMessage> CodeAsync(HttpClient client, string code)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/LoginCode");
        return await client.PostAsync("/Account/LoginCode", KomakiFactory.Form(token, ("Code", code), ("ReturnUrl", "")));
    }

    [Fact]
    public async Task A_local_account_with_totp_needs_a_fresh_code_after_its_password()
    {
        var me = await app.SignedInAsync(Email);
        var setup = await me.GetStringAsync("/Account/TwoFactor");
        var secret = Secret().Match(setup).Groups[1].Value;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        var wrong = await me.PostAsync("/Account/TwoFactor", KomakiFactory.Form(KomakiFactory.TokenIn(setup), ("code", "12345")));
        Assert.Contains("確認コードは、認証アプリに今表示されている6桁の数字で入力してください。", await wrong.Content.ReadAsStringAsync());
        var on = await me.PostAsync("/Account/TwoFactor", KomakiFactory.Form(KomakiFactory.TokenIn(setup), ("code", totp.ComputeTotp())));
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Contains("2段階認証は設定済みです", await me.GetStringAsync("/Account/TwoFactor"));

        var client = app.NewClient();
        var password = await PasswordAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/Account/LoginCode", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // The password alone opens nothing.
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var refused = await CodeAsync(client, totp.ComputeTotp(DateTime.UtcNow.AddMinutes(10)));
        Assert.Contains("確認コードが正しくないか、すでに使われています", await refused.Content.ReadAsStringAsync());
        var code = totp.ComputeTotp();
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(client, code)).StatusCode);
        var signedIn = await client.GetAsync("/");
        Assert.False(signedIn.StatusCode == HttpStatusCode.Redirect && signedIn.Headers.Location!.OriginalString.StartsWith("/Account/Login", StringComparison.Ordinal),
            "the right code must start the session");

        // A code seen once (over a shoulder, in a log) does not open a second session.
        var other = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordAsync(other)).StatusCode);
        Assert.Contains("すでに使われています", await (await CodeAsync(other, code)).Content.ReadAsStringAsync());
        // Without the password step first, the code page signs no one in.
        var stranger = app.NewClient();
        var direct = await CodeAsync(stranger, totp.ComputeTotp());
        Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        Assert.Equal("/Account/Login", direct.Headers.Location!.OriginalString);
    }

    /// The setup page is a read: opened again it shows the secret still waiting for its code and writes nothing to the
    /// account (a new secret on every visit wrote the account on each GET, the slowest page of the menu under load).
    [Fact]
    public async Task Opening_the_setup_page_again_shows_the_waiting_secret_and_writes_nothing()
    {
        const string other = "kansa@komaki.example";
        var me = await app.SignedInAsync(other);
        var first = Secret().Match(await me.GetStringAsync("/Account/TwoFactor")).Groups[1].Value;
        Assert.NotEmpty(first);
        var stamp = app.WithDb(db => db.Users.Single(u => u.Email == other).ConcurrencyStamp);
        var tokens = app.WithDb(db => db.UserTokens.Count());
        var again = Secret().Match(await me.GetStringAsync("/Account/TwoFactor")).Groups[1].Value;
        Assert.Equal(first, again);
        Assert.Equal(stamp, app.WithDb(db => db.Users.Single(u => u.Email == other).ConcurrencyStamp));
        Assert.Equal(tokens, app.WithDb(db => db.UserTokens.Count()));
    }

    [GeneratedRegex("id=\"totp-secret\">([A-Z2-7]+)<")]
    private static partial Regex Secret();
}
