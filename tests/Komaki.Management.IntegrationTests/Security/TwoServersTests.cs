using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Komaki.Management.IntegrationTests.Support;
using Komaki.Management.TestSheets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;

namespace Komaki.Management.IntegrationTests.Security;

/// Two app processes on one database behind a round-robin proxy, as a city runs two servers for its staff: a sign-in on
/// one is good on the other (keys in the database), a form from one posts to the other, a write on one is seen at the
/// next request on the other (data versions in the database), an import previewed on one is confirmed on the other
/// (staged in the database), and a sign-out on one ends the session on both. Both use
/// the Samba directory too (local staff passwords left on): an account disabled there is out of both within a minute.
[Collection(DirectorySignIn.SambaCollection.Name)]
public sealed class TwoServersTests : IAsyncLifetime
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"komaki-two-{Guid.NewGuid():N}.db");
    private readonly List<Process> _servers = [];
    private readonly List<string> _homes = [];
    private WebApplication? _proxy;
    private string _proxyUrl = "";

    public async Task InitializeAsync()
    {
        await KomakiFactory.CopyDemoDatabaseAsync(_db);
        await DirectorySignIn.SambaDirectory.ReadyAsync(DirectoryAccount);
        await using (var db = new SqliteConnection($"Data Source={_db}"))
        {
            await db.OpenAsync();
            var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO StaffMembers (StaffNumber, Name, Version) VALUES ('990007', '小牧 七海', 0); " +
                "INSERT INTO DirectoryRoleMappings (\"Group\", \"Key\", Role) VALUES ('KM-Staff', 'KM-STAFF', 'DepartmentStaff');";
            await insert.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        var urls = new[] { $"http://127.0.0.1:{FreePort()}", $"http://127.0.0.1:{FreePort()}" };
        var started = urls.Select(StartServer).ToList();
        foreach (var (url, ready) in urls.Zip(started)) await WaitHealthyAsync(url, ready);

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "app", Match = new RouteMatch { Path = "{**rest}" } }],
            [new ClusterConfig
            {
                ClusterId = "app", LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
                Destinations = urls.Select((u, i) => (u, i)).ToDictionary(x => $"server{x.i}", x => new DestinationConfig { Address = x.u }),
            }]);
        _proxy = builder.Build();
        _proxy.MapReverseProxy();
        await _proxy.StartAsync();
        _proxyUrl = _proxy.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// Starts a server; the task completes when it says it has started (and fails if it exits first).
    private Task StartServer(string url)
    {
        var web = WebOutput();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web.ContentRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            web.Dll, $"--urls={url}", "--environment=Production", $"--contentRoot={web.ContentRoot}", $"--ConnectionStrings:Default=Data Source={_db}",
            "--Security:RequireHttps=false", "--Reminders:Automatic=false", "--Security:SignInsPerAddressPerMinute=1000", "--Security:SignInsPerAccountPerMinute=1000",
            "--Directory:LocalStaffSignIn=true",
        }) info.ArgumentList.Add(a);
        foreach (var (key, value) in DirectorySignIn.SambaDirectory.Settings()) info.ArgumentList.Add($"--{key}={value}");
        // Each server its own home and temp folder, as two machines have: nothing is shared but the database.
        var home = Path.Combine(Path.GetTempPath(), $"komaki-home-{Guid.NewGuid():N}");
        Directory.CreateDirectory(home);
        _homes.Add(home);
        info.Environment["HOME"] = home;
        info.Environment["TMPDIR"] = home;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{url} exited with code {process.ExitCode} before it started"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _servers.Add(process);
        return ready.Task;
    }

    /// The web app as built beside these tests (same configuration), and its project folder for views and files.
    private static (string Dll, string ContentRoot) WebOutput()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "src", "Komaki.Management.Web");
            var dll = Path.Combine(web, "bin", configuration, "net10.0", "Komaki.Management.Web.dll");
            if (File.Exists(dll)) return (dll, web);
        }
        throw new InvalidOperationException("Komaki.Management.Web.dll not found next to the tests' build");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitHealthyAsync(string url, Task started)
    {
        // The server says when it listens; then one request proves it healthy.
        await started.WaitAsync(TimeSpan.FromSeconds(90));
        using var client = new HttpClient();
        var response = await client.GetAsync(url + "/healthz");
        Assert.True(response.IsSuccessStatusCode, $"{url} started but /healthz answered {(int)response.StatusCode}");
    }

    private HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(_proxyUrl) };

    private static string Token(string html) => KomakiFactory.TokenIn(html);

    [Fact]
    public async Task Sign_in_forms_writes_and_sign_out_hold_across_two_app_servers_on_one_database()
    {
        var cookies = new CookieContainer();
        var client = Client(cookies);

        // The sign-in form comes from one server and is posted to the other.
        var login = await client.GetStringAsync("/Account/Login");
        var signIn = await client.PostAsync("/Account/Login", KomakiFactory.Form(Token(login),
            ("Email", "kikaku@komaki.example"), ("Password", Core.Data.Seeding.DemoSeeder.DemoPassword)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var project = await client.GetStringAsync("/PlanTree/Projects?q=6-2-01");
        var id = Regex.Match(project, "href=\"/Plan/Project/(\\d+)\"").Groups[1].Value;
        var measure = MeasureOf(await client.GetStringAsync($"/Plan/Project/{id}"));

        // Both servers now hold the plan tree in their read caches. A change made through either is seen by both at once.
        for (var i = 0; i < 2; i++) Assert.DoesNotContain("二台目のサーバーで見える名前", await client.GetStringAsync($"/PlanTree?open={measure}"));
        var edit = await client.GetStringAsync($"/Plan/Project/{id}/Edit");
        var fields = HtmlForms.Fields(edit, $"/Plan/Project/{id}/Edit");
        fields["Name"] = "二台目のサーバーで見える名前";
        var saved = await client.PostAsync($"/Plan/Project/{id}/Edit", KomakiFactory.Form(Token(edit), [.. fields.Select(f => (f.Key, f.Value))]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        for (var i = 0; i < 2; i++)
            Assert.Contains("二台目のサーバーで見える名前", await client.GetStringAsync($"/PlanTree?open={measure}"));

        // A copy of the cookie taken before signing out is refused by both servers afterwards.
        var copied = new CookieContainer();
        foreach (Cookie c in cookies.GetAllCookies()) copied.Add(c);
        var home = await client.GetStringAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/Account/Logout", KomakiFactory.Form(Token(home)))).StatusCode);
        var stolen = Client(copied);
        for (var i = 0; i < 2; i++)
        {
            var response = await stolen.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_import_previewed_on_one_server_is_confirmed_on_the_other()
    {
        var client = Client(new CookieContainer());
        var login = await client.GetStringAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/Account/Login", KomakiFactory.Form(Token(login),
            ("Email", "kikaku@komaki.example"), ("Password", Core.Data.Seeding.DemoSeeder.DemoPassword)))).StatusCode);
        static int RowOf(ClosedXML.Excel.IXLWorksheet ws) =>
            ws.RowsUsed().First(x => x.Cell(1).GetString() == "2-1-01" && x.Cell(5).GetString() == "令和8年度").RowNumber();
        static decimal CostIn(byte[] book)
        {
            using var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(book));
            var ws = wb.Worksheets.First(w => w.RowsUsed().Any(x => x.Cell(1).GetString() == "2-1-01"));
            return ws.Cell(RowOf(ws), 8).GetValue<decimal>();
        }
        var export = await client.GetByteArrayAsync("/Imports/implementation-plan/2026/Export");
        var before = CostIn(export);
        var edited = CitySheets.Edit(export, ws =>
        {
            var r = RowOf(ws);
            ws.Cell(r, 8).SetValue(ws.Cell(r, 8).GetValue<decimal>() + 250);
            ws.Cell(r, 13).SetValue(ws.Cell(r, 13).GetValue<decimal>() + 250);
        });

        // Round robin: the upload form, the preview and the confirmation each reach the other server than the last.
        var upload = await client.GetStringAsync("/Imports/implementation-plan/2026/Upload");
        var file = new ByteArrayContent(edited);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var preview = await client.PostAsync("/Imports/implementation-plan/Preview", new MultipartFormDataContent
        {
            { new StringContent(Token(upload)), "__RequestVerificationToken" }, { new StringContent("2026"), "year" }, { file, "file", "実施計画.xlsx" },
        });
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("<span id=\"updated-count\">1</span>", html);
        (string, string)[] fields = [("year", "2026"), ("token", Regex.Match(html, "name=\"token\" value=\"([0-9A-F]+)\"").Groups[1].Value),
            ("fingerprint", Regex.Match(html, "name=\"fingerprint\" value=\"([0-9A-F]+)\"").Groups[1].Value)];
        var confirm = await client.PostAsync("/Imports/implementation-plan/Confirm", KomakiFactory.Form(Token(html), fields));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(before + 250, CostIn(await client.GetByteArrayAsync("/Imports/implementation-plan/2026/Export")));

        // Used once: the staged file is gone on both servers.
        for (var i = 0; i < 2; i++)
            Assert.Contains("有効期限が切れたか、既に取り込み済み", await (await client.PostAsync("/Imports/implementation-plan/Confirm", KomakiFactory.Form(Token(html), fields))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_copied_cookie_survives_neither_the_next_sign_in_nor_a_password_change_on_the_other_server()
    {
        var cookies = new CookieContainer();
        var client = Client(cookies);
        async Task SignInAsync(string email)
        {
            var login = await client.GetStringAsync("/Account/Login");
            var response = await client.PostAsync("/Account/Login", KomakiFactory.Form(Token(login), ("Email", email), ("Password", Core.Data.Seeding.DemoSeeder.DemoPassword)));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        HttpClient CopyOf()
        {
            var copied = new CookieContainer();
            foreach (Cookie c in cookies.GetAllCookies()) copied.Add(c);
            return Client(copied);
        }
        async Task AssertSignedOutAsync(HttpClient stolen)
        {
            for (var i = 0; i < 2; i++)
            {
                foreach (var url in new[] { "/", "/Personnel/Division/Payroll/2025" })
                {
                    var response = await stolen.GetAsync(url);
                    Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                    Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                }
            }
        }

        // On a shared PC the next person signs in over the last one's session: the last one's cookie opens nothing.
        await SignInAsync("doro-tanto@komaki.example");
        var previous = CopyOf();
        Assert.Equal(HttpStatusCode.OK, (await previous.GetAsync("/")).StatusCode);
        await SignInAsync("jinji@komaki.example");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Personnel/Division/Payroll/2025")).StatusCode);
        await AssertSignedOutAsync(previous);

        // A copy of the session that changes the password survives it on neither server; the browser that changed it stays in.
        var copy = CopyOf();
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode);
        var form = await client.GetStringAsync("/Account/ChangePassword");
        var changed = await client.PostAsync("/Account/ChangePassword", KomakiFactory.Form(Token(form),
            ("CurrentPassword", Core.Data.Seeding.DemoSeeder.DemoPassword), ("NewPassword", "Renewed-Session-Key-2026!"), ("ConfirmPassword", "Renewed-Session-Key-2026!")));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await AssertSignedOutAsync(copy);
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    private const string DirectoryAccount = "komaki-away";

    [Fact]
    public async Task An_account_disabled_in_the_directory_is_out_of_both_servers_within_a_minute()
    {
        var client = Client(new CookieContainer());
        var login = await client.GetStringAsync("/Account/Login");
        var signIn = await client.PostAsync("/Account/Login", KomakiFactory.Form(Token(login), ("Email", DirectoryAccount), ("Password", DirectorySignIn.SambaDirectory.Password)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        DirectorySignIn.SambaDirectory.SetEnabled(DirectoryAccount, false);
        try
        {
            Assert.True(await Eventually.HoldsWithinAsync(TimeSpan.FromSeconds(60), () => OutOfBothAsync(client)), "a disabled account must be out of both servers within a minute");
        }
        finally
        {
            DirectorySignIn.SambaDirectory.SetEnabled(DirectoryAccount, true);
        }
    }

    [Fact]
    public async Task A_person_marked_as_left_on_the_staff_page_is_out_of_both_servers_within_a_minute()
    {
        async Task<HttpClient> SignedInAsync(string email)
        {
            var client = Client(new CookieContainer());
            var login = await client.GetStringAsync("/Account/Login");
            var response = await client.PostAsync("/Account/Login", KomakiFactory.Form(Token(login), ("Email", email), ("Password", Core.Data.Seeding.DemoSeeder.DemoPassword)));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return client;
        }
        var leaver = await SignedInAsync("doro-shuji@komaki.example");
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/")).StatusCode);

        // 人事課 registers the 退職日 (today) through one server, confirming on a page that may come from the other.
        var jinji = await SignedInAsync("jinji@komaki.example");
        var url = Regex.Match(await jinji.GetStringAsync("/Personnel/Division/Staff?q=10104"), "href=\"(/Personnel/Division/Staff/\\d+/Leaving)\"").Groups[1].Value;
        var page = await jinji.GetStringAsync(url);
        var version = Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var confirm = await (await jinji.PostAsync(url, KomakiFactory.Form(Token(page), ("Version", version), ("LeftOn", today)))).Content.ReadAsStringAsync();
        Assert.Contains("1分以内に使えなくなり", confirm);
        var done = await jinji.PostAsync(url, KomakiFactory.Form(Token(confirm), ("Version", version), ("LeftOn", today), ("Clear", "false"), ("Confirmed", "true")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.True(await Eventually.HoldsWithinAsync(TimeSpan.FromSeconds(60), () => OutOfBothAsync(leaver)), "a person marked as left must be out of both servers within a minute");
        var again = Client(new CookieContainer());
        var form = await again.GetStringAsync("/Account/Login");
        var refused = await again.PostAsync("/Account/Login", KomakiFactory.Form(Token(form), ("Email", "doro-shuji@komaki.example"), ("Password", Core.Data.Seeding.DemoSeeder.DemoPassword)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    private static string MeasureOf(string projectsPage) => Regex.Match(projectsPage, "href=\"/Plan/Measure/(\\d+)\"").Groups[1].Value;

    public async Task DisposeAsync()
    {
        if (_proxy is not null) await _proxy.DisposeAsync();
        foreach (var p in _servers)
        {
            try
            {
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
            }
            p.Dispose();
        }
        SqliteConnection.ClearAllPools();
        File.Delete(_db);
        foreach (var home in _homes) Directory.Delete(home, recursive: true);
    }

    /// Round robin: two requests in a row ask both servers; both must send the person to sign in.
    private static async Task<bool> OutOfBothAsync(HttpClient client)
    {
        var answers = new List<HttpResponseMessage> { await client.GetAsync("/"), await client.GetAsync("/") };
        return answers.All(r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.StartsWith("/Account/Login", StringComparison.Ordinal));
    }
}
