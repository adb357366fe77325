using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Data;
using Komaki.Management.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests;

/// The real app over a real SQLite file, migrated with the real migrations and seeded with the demo city.
/// The city is migrated and seeded once per test run into a template file that each factory copies.
public class KomakiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly Lazy<Task<string>> DemoTemplate = new(CreateTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// Counts the SQL commands the app sends (see QueryCountTests).
    public QueryCounter Queries { get; } = new();

    private enum Start
    {
        /// A copy of the seeded demo city.
        DemoCity,
        /// Migrated and seeded here (the template itself).
        Seed,
        /// Migrated only: what a city's new server starts with.
        Empty,
    }

    private readonly string _path;
    private readonly Start _start;

    public KomakiFactory() : this(NewPath(), Start.DemoCity)
    {
    }

    /// demoCity: false for an empty database that is only migrated, as a published app starts.
    protected KomakiFactory(bool demoCity) : this(NewPath(), demoCity ? Start.DemoCity : Start.Empty)
    {
    }

    private KomakiFactory(string path, Start start)
    {
        _path = path;
        _start = start;
    }

    private static string NewPath() => Path.Combine(Path.GetTempPath(), $"komaki-it-{Guid.NewGuid():N}.db");

    /// What a test class changes in the host on top of the shared test settings.
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public string ConnectionString => $"Data Source={_path}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The demo city is what these tests act on; a published app never seeds it (see SecurityTests).
        builder.UseSetting("Database:SeedDemo", _start == Start.Seed ? "true" : "false");
        // The test client speaks plain HTTP and signs in many times a minute; SecurityTests checks both defaults.
        builder.UseSetting("Security:RequireHttps", "false");
        builder.UseSetting("Security:SignInsPerAddressPerMinute", "10000");
        builder.UseSetting("Security:SignInsPerAccountPerMinute", "10000");
        // Tests send reminders when they mean to; the daily run would write to the database behind their back.
        builder.UseSetting("Reminders:Automatic", "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DbContextOptions<AppDbContext>>();
            services.AddDbContext<AppDbContext>(o => Database.Configure(o.AddInterceptors(Queries), DatabaseProvider.Sqlite, ConnectionString));
        });
        Configure(builder);
    }

    public virtual async Task InitializeAsync()
    {
        if (_start == Start.DemoCity) File.Copy(await DemoTemplate.Value, _path);
        await AppHost.InitializeDatabaseAsync(Services);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    /// A fresh copy of the migrated and seeded demo city at the given path (for apps started outside this factory).
    public static async Task CopyDemoDatabaseAsync(string path) => File.Copy(await DemoTemplate.Value, path);

    private static async Task<string> CreateTemplateAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"komaki-template-{Guid.NewGuid():N}.db");
        var maker = new KomakiFactory(path, Start.Seed);
        await AppHost.InitializeDatabaseAsync(maker.Services);
        await ((WebApplicationFactory<Program>)maker).DisposeAsync();
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = NewClient();
        var token = await TokenAsync(client, "/Account/Login");
        var response = await client.PostAsync("/Account/Login", Form(token, ("Email", email), ("Password", Core.Data.Seeding.DemoSeeder.DemoPassword)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public T WithDb<T>(Func<AppDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return TokenIn(html);
    }

    public static string TokenIn(string html)
    {
        var m = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(m.Success, "the page has no antiforgery token");
        return m.Groups[1].Value;
    }

    public static FormUrlEncodedContent Form(string? token, params (string Key, string Value)[] fields)
    {
        var list = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        if (token is not null) list.Add(new("__RequestVerificationToken", token));
        return new FormUrlEncodedContent(list);
    }
}

/// The SQL commands sent while serving requests. The servers' background work (the leavers check, the sign-in log's
/// cleanup, reminders) runs on its own timer and is not counted, or a page's count would depend on when it ran.
public sealed class QueryCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private static readonly Microsoft.AspNetCore.Http.HttpContextAccessor Requests = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    private System.Collections.Concurrent.ConcurrentQueue<string>? _recording;

    /// From now until StopRecording, the text of every command sent while serving a request (what a page reads).
    public System.Collections.Concurrent.ConcurrentQueue<string> Record() => _recording = new();

    public void StopRecording() => _recording = null;

    public override System.Data.Common.DbCommand CommandInitialized(Microsoft.EntityFrameworkCore.Diagnostics.CommandEndEventData eventData, System.Data.Common.DbCommand result)
    {
        if (Requests.HttpContext is null) return result;
        Interlocked.Increment(ref _count);
        _recording?.Enqueue(result.CommandText);
        return result;
    }
}

internal static class ServiceCollectionExtensions
{
    public static void RemoveAll<T>(this IServiceCollection services)
    {
        foreach (var d in services.Where(d => d.ServiceType == typeof(T)).ToList()) services.Remove(d);
    }
}
