using Komaki.Management.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Komaki.Management.BrowserTests;

/// The real app on Kestrel at 127.0.0.1 (a free port), on its own migrated and seeded SQLite file,
/// and Debian's Chromium driven headless by Playwright. If Chromium is missing the tests fail: they never skip.
public sealed class AppServer : IAsyncLifetime
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"komaki-browser-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// The running app's services, for arranging data a test needs.
    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        _app = AppHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--contentRoot={WebProjectDirectory()}",
            "--environment=Production",
            $"--ConnectionStrings:Default=Data Source={_db}",
            "--Reminders:Automatic=false",
            "--Database:SeedDemo=true",
            "--Security:RequireHttps=false",
            "--Security:SignInsPerAddressPerMinute=10000",
            "--Security:SignInsPerAccountPerMinute=10000",
        ]);
        await AppHost.InitializeDatabaseAsync(_app.Services);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var chromium = Environment.GetEnvironmentVariable("KOMAKI_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}: install it (apt-get install -y chromium) or set KOMAKI_CHROMIUM.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        File.Delete(_db);
    }

    public async Task<IPage> SignedInPageAsync(string email, int width = 1280, int height = 900)
    {
        var page = await PageAsync(width, height);
        await page.GotoAsync(BaseUrl + "/");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Core.Data.Seeding.DemoSeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        // Most people land on the home page; executives on the mayor's view, reviewers on their sessions.
        await page.WaitForURLAsync(url => url.StartsWith(BaseUrl, StringComparison.Ordinal) && !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    public async Task<IPage> PageAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "ja-JP" });
        return await context.NewPageAsync();
    }

    private static string WebProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Komaki.Management.Web");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("src/Komaki.Management.Web was not found above the test output folder.");
    }
}

[CollectionDefinition(nameof(AppServer))]
public sealed class AppServerCollection : ICollectionFixture<AppServer>;
