using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Data.Seeding;

namespace Komaki.Management.IntegrationTests.Security;

/// A person sees where they are signed in and, with their password, ends the sessions they do not want.
public class OwnSessionsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Staff = "doro-tanto@komaki.example";
    private const string Edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0";
    private const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    private async Task<HttpClient> SignInFromAsync(string email, string userAgent)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var token = await KomakiFactory.TokenAsync(client, "/Account/Login");
        var response = await client.PostAsync("/Account/Login", KomakiFactory.Form(token, ("Email", email), ("Password", DemoSeeder.DemoPassword)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static List<string> Handles(string html) => Regex.Matches(html, "name=\"Sessions\" value=\"([0-9A-F]+)\"").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task Other_sessions_are_listed_by_device_and_ended_only_with_the_password()
    {
        var desk = await SignInFromAsync(Staff, Edge);
        var phone = await SignInFromAsync(Staff, Phone);
        var other = await SignInFromAsync("doro-kacho@komaki.example", Edge);

        var page = await desk.GetStringAsync("/Account/Sessions");
        Assert.Contains("Edge（Windows）", page);
        Assert.Contains("Safari（iPhone）", page);
        Assert.Contains("この端末", page);
        var handles = Handles(page);
        Assert.Single(handles); // this browser is marked, not offered
        Assert.DoesNotContain(app.WithDb(db => db.UserSessions.Select(s => s.Id).ToList()), page.Contains);

        // A wrong password ends nothing and says so beside the field.
        var token = KomakiFactory.TokenIn(page);
        var wrong = await desk.PostAsync("/Account/Sessions/End", KomakiFactory.Form(token, ("Sessions", handles[0]), ("Password", "違うパスワード")));
        Assert.Contains("現在のパスワードが正しくありません。", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/")).StatusCode);

        // Someone else's session cannot be ended from here, even with its handle.
        var bossHandle = Handles(await (await SignInFromAsync("doro-kacho@komaki.example", Phone)).GetStringAsync("/Account/Sessions")).Single();
        await desk.PostAsync("/Account/Sessions/End", KomakiFactory.Form(token, ("Sessions", bossHandle), ("Password", DemoSeeder.DemoPassword)));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/")).StatusCode);

        var ended = await desk.PostAsync("/Account/Sessions/End", KomakiFactory.Form(token, ("Sessions", handles[0]), ("Password", DemoSeeder.DemoPassword)));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("1 件終了しました", await desk.GetStringAsync("/Account/Sessions"));
        var after = await phone.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/")).StatusCode);
        Assert.Contains("ほかの端末ではサインインしていません。", await desk.GetStringAsync("/Account/Sessions"));
    }

    [Fact]
    public async Task All_other_sessions_end_at_once_and_this_one_stays()
    {
        var desk = await SignInFromAsync("kankyo-kacho@komaki.example", Edge);
        var others = new[] { await SignInFromAsync("kankyo-kacho@komaki.example", Phone), await SignInFromAsync("kankyo-kacho@komaki.example", Edge) };
        var page = await desk.GetStringAsync("/Account/Sessions");
        Assert.Equal(2, Handles(page).Count);
        var response = await desk.PostAsync("/Account/Sessions/End", KomakiFactory.Form(KomakiFactory.TokenIn(page), ("AllOthers", "true"), ("Password", DemoSeeder.DemoPassword)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var o in others) Assert.Equal(HttpStatusCode.Redirect, (await o.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/")).StatusCode);
    }
}
