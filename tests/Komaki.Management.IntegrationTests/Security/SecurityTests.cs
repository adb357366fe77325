using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Data.Seeding;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Komaki.Management.IntegrationTests.Security;

/// A published app on a new server: no account until an operator makes one.
public sealed class EmptyServerFactory() : KomakiFactory(demoCity: false);

/// The demo city with a clock the test moves, and a count of password hashes checked (the work a sign-in does).
public sealed class ClockFactory : KomakiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public CountingHasher Hasher { get; } = new();

    protected override void Configure(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
    });
}

public sealed class CountingHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();
    private int _verified;

    public int Verified => Volatile.Read(ref _verified);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verified);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// The city's production defaults: HTTPS required, rate limits as shipped. Requests say where they come from
/// (X-Test-Remote), as a proxy's connection would.
public sealed class ProductionDefaultsFactory : KomakiFactory
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:RequireHttps", null);
        builder.UseSetting("Security:SignInsPerAddressPerMinute", "4");
        builder.UseSetting("Security:SignInsPerAccountPerMinute", "3");
        // The city's proxy, named as deploy.md says: only its X-Forwarded-* headers are believed.
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", "127.0.0.1");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, RemoteAddress>());
    }

    private sealed class RemoteAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Remote", out var remote)) context.Connection.RemoteIpAddress = IPAddress.Parse(remote!);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    public HttpClient Client(string baseAddress) => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
}

public class EmptyServerTests(EmptyServerFactory app) : IClassFixture<EmptyServerFactory>
{
    [Fact]
    public async Task A_published_app_on_an_empty_database_has_no_account_and_says_how_to_make_the_first()
    {
        Assert.Equal(0, app.WithDb(db => db.Users.Count()));
        Assert.Equal(0, app.WithDb(db => db.OrgUnits.Count()));
        var client = app.NewClient();
        var login = await client.GetStringAsync("/Account/Login");
        Assert.Contains("id=\"no-accounts\"", login);
        Assert.Contains("komaki create-user", login);
        var demo = await client.PostAsync("/Account/Login", KomakiFactory.Form(KomakiFactory.TokenIn(login), ("Email", "admin@komaki.example"), ("Password", DemoSeeder.DemoPassword)));
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode);
        Assert.Contains("このアカウントでは現在サインインできません", await demo.Content.ReadAsStringAsync());

        // An operator's first administrator: the demo city (and its published accounts) can no longer be seeded.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = "it@city.example", Email = "it@city.example", DisplayName = "情報 担当" }, "harbor-lantern-57")).Succeeded);
            Assert.False(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());
        }
        Assert.Equal(0, app.WithDb(db => db.OrgUnits.Count()));
        Assert.DoesNotContain("id=\"no-accounts\"", await client.GetStringAsync("/Account/Login"));
    }
}

public class SessionTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    private const string Planning = "kikaku@komaki.example";

    private static async Task<int> StatusOfHomeAsync(HttpClient client) => (int)(await client.GetAsync("/")).StatusCode;

    /// A staff member of 道路課 of this test's own, so tests that lock or deactivate an account do not meet.
    private async Task<string> NewUserAsync(string name)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var unit = scope.ServiceProvider.GetRequiredService<AppDbContext>().OrgUnits.Single(u => u.Name == "道路課").Id;
        var email = $"{name}@komaki.example";
        var user = new AppUser { UserName = email, Email = email, DisplayName = "試験 職員", OrgUnitId = unit };
        Assert.True((await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, Roles.DepartmentStaff);
        return email;
    }

    /// Another client that sends the same cookies, as someone who copied them would.
    private HttpClient Copy(string cookieHeader)
    {
        var copy = app.NewClient();
        copy.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return copy;
    }

    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string email, string password = DemoSeeder.DemoPassword)
    {
        var client = app.NewClient();
        var login = await client.GetAsync("/Account/Login");
        var token = KomakiFactory.TokenIn(await login.Content.ReadAsStringAsync());
        var response = await client.PostAsync("/Account/Login", KomakiFactory.Form(token, ("Email", email), ("Password", password)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("komaki.auth", StringComparison.Ordinal)));
        return (client, cookie);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_for_a_copied_cookie_too()
    {
        var (client, cookie) = await SignInAsync(Planning);
        var copy = Copy(cookie);
        Assert.Equal(200, await StatusOfHomeAsync(copy));
        var home = await client.GetStringAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/Account/Logout", KomakiFactory.Form(KomakiFactory.TokenIn(home)))).StatusCode);
        Assert.Equal(302, await StatusOfHomeAsync(copy));
        Assert.Equal(302, await StatusOfHomeAsync(client));
    }

    [Fact]
    public async Task A_password_change_ends_every_other_session_and_keeps_this_one()
    {
        var email = await NewUserAsync("change-tester");
        var (first, _) = await SignInAsync(email);
        var (second, _) = await SignInAsync(email);
        var form = await first.GetStringAsync("/Account/ChangePassword");
        var changed = await first.PostAsync("/Account/ChangePassword", KomakiFactory.Form(KomakiFactory.TokenIn(form),
            ("CurrentPassword", DemoSeeder.DemoPassword), ("NewPassword", "maple-harbor-4711"), ("ConfirmPassword", "maple-harbor-4711")));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(200, await StatusOfHomeAsync(first));
        Assert.Equal(302, await StatusOfHomeAsync(second));
        var userId = app.WithDb(db => db.Users.Single(u => u.Email == email).Id);
        Assert.Equal(1, app.WithDb(db => db.UserSessions.Count(s => s.UserId == userId)));
    }

    [Fact]
    public async Task Deactivation_and_sign_out_everywhere_end_sessions_at_the_next_request()
    {
        var email = await NewUserAsync("leaving-tester");
        var (head, _) = await SignInAsync(email);
        Assert.Equal(200, await StatusOfHomeAsync(head));
        var admin = await app.SignedInAsync("admin@komaki.example");
        var id = app.WithDb(db => db.Users.Single(u => u.Email == email).Id);
        var edit = await admin.GetStringAsync($"/Users/Edit/{id}");
        var everywhere = await admin.PostAsync($"/Users/SignOutEverywhere/{id}", KomakiFactory.Form(KomakiFactory.TokenIn(edit)));
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        Assert.Equal(302, await StatusOfHomeAsync(head));

        var (again, _) = await SignInAsync(email);
        var fields = HtmlForms.Fields(await admin.GetStringAsync($"/Users/Edit/{id}"), $"/Users/Edit/{id}");
        fields["IsActive"] = "false";
        var deactivated = await admin.PostAsync($"/Users/Edit/{id}", KomakiFactory.Form(KomakiFactory.TokenIn(edit), [.. fields.Select(f => (f.Key, f.Value))]));
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.False(app.WithDb(db => db.Users.Single(u => u.Id == id).IsActive));
        // At the next request, not a minute later.
        Assert.Equal(302, await StatusOfHomeAsync(again));
    }

    [Fact]
    public async Task A_session_ends_after_eight_hours_however_much_it_is_used()
    {
        var (client, _) = await SignInAsync(await NewUserAsync("long-day-tester"));
        // Used every 50 minutes (well inside the 2-hour idle time) for 7.5 hours: still signed in.
        for (var step = 1; step <= 9; step++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(50));
            Assert.Equal(200, await StatusOfHomeAsync(client));
        }
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(302, await StatusOfHomeAsync(client));
    }

    [Fact]
    public async Task A_session_left_idle_ends_after_the_idle_time()
    {
        var (client, _) = await SignInAsync(await NewUserAsync("idle-tester"));
        app.Clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(200, await StatusOfHomeAsync(client));
        app.Clock.Advance(TimeSpan.FromMinutes(121));
        Assert.Equal(302, await StatusOfHomeAsync(client));
    }

    [Fact]
    public async Task Sign_in_says_the_same_and_does_the_same_work_for_unknown_deactivated_locked_and_wrong()
    {
        var deactivated = await NewUserAsync("deactivated-tester");
        var locked = await NewUserAsync("locked-tester");
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var off = await users.FindByEmailAsync(deactivated);
            off!.IsActive = false;
            await users.UpdateAsync(off);
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.UtcNow.AddYears(1));
        }
        var pages = new List<string>();
        foreach (var (email, password) in new[]
        {
            ("nobody@komaki.example", "whatever-password-1"), (deactivated, DemoSeeder.DemoPassword),
            (locked, DemoSeeder.DemoPassword), ("kikaku@komaki.example", "wrong-password-123"),
        })
        {
            var client = app.NewClient();
            var token = KomakiFactory.TokenIn(await client.GetStringAsync("/Account/Login"));
            var before = app.Hasher.Verified;
            var response = await client.PostAsync("/Account/Login", KomakiFactory.Form(token, ("Email", email), ("Password", password)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // One password hash checked for each, whether or not the account exists: no answer comes back faster.
            Assert.Equal(1, app.Hasher.Verified - before);
            var html = await response.Content.ReadAsStringAsync();
            pages.Add(Regex.Match(html, "<div class=\"alert alert-danger\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value);
        }
        Assert.Single(pages.Distinct());
        Assert.Contains("このアカウントでは現在サインインできません", pages[0]);
        Assert.DoesNotContain("利用停止中", pages[0]);
        Assert.DoesNotContain("ロック", pages[0]);
    }

    [Fact]
    public async Task Wrong_current_passwords_on_the_change_form_count_towards_the_lockout()
    {
        var email = await NewUserAsync("guessing-tester");
        var (client, _) = await SignInAsync(email);
        HttpResponseMessage? response = null;
        for (var i = 0; i < 5; i++)
        {
            var form = await client.GetStringAsync("/Account/ChangePassword");
            response = await client.PostAsync("/Account/ChangePassword", KomakiFactory.Form(KomakiFactory.TokenIn(form),
                ("CurrentPassword", $"guess-number-{i}"), ("NewPassword", "willow-stream-9042"), ("ConfirmPassword", "willow-stream-9042")));
        }
        Assert.Equal(HttpStatusCode.Redirect, response!.StatusCode);
        Assert.True(app.WithDb(db => db.Users.Single(u => u.Email == email).LockoutEnd) > DateTimeOffset.UtcNow);
        Assert.Equal(302, await StatusOfHomeAsync(client));
    }

    [Fact]
    public async Task A_password_set_by_an_administrator_is_changed_at_first_sign_in()
    {
        var admin = await app.SignedInAsync("admin@komaki.example");
        var create = await admin.GetStringAsync("/Users/Create");
        var unit = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var created = await admin.PostAsync("/Users/Create", KomakiFactory.Form(KomakiFactory.TokenIn(create),
            ("Email", "shinnin@komaki.example"), ("DisplayName", "新任 職員"), ("Role", Roles.DepartmentStaff), ("OrgUnitId", unit.ToString()),
            ("IsActive", "true"), ("Password", "first-day-paper-88")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var client = app.NewClient();
        var token = KomakiFactory.TokenIn(await client.GetStringAsync("/Account/Login"));
        var signIn = await client.PostAsync("/Account/Login", KomakiFactory.Form(token, ("Email", "shinnin@komaki.example"), ("Password", "first-day-paper-88")));
        Assert.Equal("/Account/ChangePassword", signIn.Headers.Location!.OriginalString);
        foreach (var page in new[] { "/", "/PlanTree", "/Evaluations" })
            Assert.Equal("/Account/ChangePassword", (await client.GetAsync(page)).Headers.Location!.OriginalString);
        var form = await client.GetStringAsync("/Account/ChangePassword");
        Assert.Contains("id=\"must-change\"", form);

        // The new password must not be a common one, nor contain the e-mail name.
        var weak = await client.PostAsync("/Account/ChangePassword", KomakiFactory.Form(KomakiFactory.TokenIn(form),
            ("CurrentPassword", "first-day-paper-88"), ("NewPassword", "password12345"), ("ConfirmPassword", "password12345")));
        Assert.Contains("よく使われるパスワード", await weak.Content.ReadAsStringAsync());
        var named = await client.PostAsync("/Account/ChangePassword", KomakiFactory.Form(KomakiFactory.TokenIn(form),
            ("CurrentPassword", "first-day-paper-88"), ("NewPassword", "shinnin-2026-x"), ("ConfirmPassword", "shinnin-2026-x")));
        Assert.Contains("メールアドレス（@ の前）を含むパスワードは使えません", await named.Content.ReadAsStringAsync());
        // Nor the published demo password, nor the current one.
        var demo = await client.PostAsync("/Account/ChangePassword", KomakiFactory.Form(KomakiFactory.TokenIn(form),
            ("CurrentPassword", "first-day-paper-88"), ("NewPassword", Core.Data.Seeding.DemoSeeder.DemoPassword), ("ConfirmPassword", Core.Data.Seeding.DemoSeeder.DemoPassword)));
        Assert.Contains("公開されている体験用のパスワードは使えません。", await demo.Content.ReadAsStringAsync());
        var same = await client.PostAsync("/Account/ChangePassword", KomakiFactory.Form(KomakiFactory.TokenIn(form),
            ("CurrentPassword", "first-day-paper-88"), ("NewPassword", "first-day-paper-88"), ("ConfirmPassword", "first-day-paper-88")));
        Assert.Contains("今のパスワードとは違うパスワードにしてください。", await same.Content.ReadAsStringAsync());
        var changed = await client.PostAsync("/Account/ChangePassword", KomakiFactory.Form(KomakiFactory.TokenIn(form),
            ("CurrentPassword", "first-day-paper-88"), ("NewPassword", "cedar-window-3318"), ("ConfirmPassword", "cedar-window-3318")));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/PlanTree")).StatusCode);
        Assert.False(app.WithDb(db => db.Users.Single(u => u.Email == "shinnin@komaki.example").MustChangePassword));
    }
}

public class TransportTests(ProductionDefaultsFactory app) : IClassFixture<ProductionDefaultsFactory>
{
    [Fact]
    public async Task Over_https_cookies_are_secure_hsts_is_sent_and_the_host_header_is_never_written_back()
    {
        var client = app.Client("https://komaki.city.example");
        var login = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("komaki.csrf", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("max-age=31536000", login.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);

        var request = new HttpRequestMessage(HttpMethod.Get, "/PlanTree");
        request.Headers.Host = "attacker.example";
        var redirect = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=%2FPlanTree", redirect.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker", redirect.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task Plain_http_is_sent_to_https_unless_a_known_proxy_says_the_request_came_over_https()
    {
        var client = app.Client("http://komaki.city.example");
        var direct = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, direct.StatusCode);
        Assert.StartsWith("https://", direct.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        viaProxy.Headers.Add("X-Test-Remote", "127.0.0.1");
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        var proxied = await client.SendAsync(viaProxy);
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Contains(proxied.Headers.GetValues("Set-Cookie"), c => c.StartsWith("komaki.csrf", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // The same header from anyone else is not believed.
        var spoofed = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        spoofed.Headers.Add("X-Test-Remote", "10.9.8.7");
        spoofed.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, (await client.SendAsync(spoofed)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address_and_per_account()
    {
        var client = app.Client("https://komaki.city.example");
        async Task<HttpStatusCode> Attempt(string remote, string email)
        {
            var page = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
            var html = await (await client.SendAsync(page)).Content.ReadAsStringAsync();
            var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = KomakiFactory.Form(KomakiFactory.TokenIn(html), ("Email", email), ("Password", "not-the-password-1")) };
            post.Headers.Add("X-Test-Remote", remote);
            return (await client.SendAsync(post)).StatusCode;
        }
        // Three tries on one account from three addresses, then that account waits; another account does not.
        Assert.Equal(HttpStatusCode.OK, await Attempt("10.0.0.1", "doro-kacho@komaki.example"));
        Assert.Equal(HttpStatusCode.OK, await Attempt("10.0.0.2", "doro-kacho@komaki.example"));
        Assert.Equal(HttpStatusCode.OK, await Attempt("10.0.0.3", "doro-kacho@komaki.example"));
        var limited = await Attempt("10.0.0.4", "doro-kacho@komaki.example");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited);
        Assert.Equal(HttpStatusCode.OK, await Attempt("10.0.0.4", "kankyo-kacho@komaki.example"));
        // Four tries from one address, on any accounts, then that address waits.
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.OK, await Attempt("10.0.0.9", $"someone{i}@komaki.example"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Attempt("10.0.0.9", "someone-else@komaki.example"));
    }

    [Fact]
    public async Task The_429_page_says_what_happened_in_japanese()
    {
        var client = app.Client("https://komaki.city.example");
        HttpResponseMessage response = null!;
        for (var i = 0; i < 6; i++)
        {
            var html = await client.GetStringAsync("/Account/Login");
            var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = KomakiFactory.Form(KomakiFactory.TokenIn(html), ("Email", "x@komaki.example"), ("Password", "not-the-password-1")) };
            post.Headers.Add("X-Test-Remote", "10.1.1.1");
            response = await client.SendAsync(post);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("1分ほど待ってから", await response.Content.ReadAsStringAsync());
    }
}
