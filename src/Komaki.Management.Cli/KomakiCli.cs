using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Data.Seeding;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Komaki.Management.Cli;

/// `komaki`: the operator's commands. Database selection is the web app's: `Database:Provider` and
/// `ConnectionStrings:Default` from environment variables (Database__Provider, ConnectionStrings__Default)
/// or --provider / --connection.
public static class KomakiCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input)
    {
        // The help System.CommandLine writes (見出し・既定の文言) follows the UI culture: the operators read Japanese.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
        var parsed = KomakiCommands.Build(output, error, input).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine(e.Message);
            error.WriteLine("komaki --help で使い方を表示します。");
            return 2;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// Runs one command with the database the options name; a refusal from the domain is an error line and exit 1.
    internal static async Task<int> WithServicesAsync(CliOptions options, TextWriter error, Func<ServiceProvider, Task<int>> command)
    {
        try
        {
            await using var services = BuildServices(options, error);
            return await command(services);
        }
        catch (InvalidOperationException ex)
        {
            error.WriteLine($"エラー: {ex.Message}");
            return 1;
        }
    }

    private static ServiceProvider BuildServices(CliOptions options, TextWriter error)
    {
        var overrides = new Dictionary<string, string?>();
        if (options.TryGetValue("provider", out var provider)) overrides["Database:Provider"] = provider;
        if (options.TryGetValue("connection", out var connection)) overrides["ConnectionStrings:Default"] = connection;
        var config = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();

        var services = new ServiceCollection();
        // Logs (EF Core's model warnings among them) go to the error stream, so stdout holds only what the command prints
        // (the JSON of --json alone).
        services.AddLogging(b => b.AddProvider(new ErrorStreamLoggerProvider(error)).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton<ICurrentActor>(new FixedActor($"komaki-cli ({Environment.UserName})"));
        services.AddKomakiDatabase(config, DefaultSqlitePath());
        services.AddIdentityCore<AppUser>(o => AccountPolicy.Apply(o))
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordRules>();
        services.AddScoped<DemoSeeder>();
        return services.BuildServiceProvider();
    }

    /// The same file the web app uses when run from the repository root.
    private static string DefaultSqlitePath()
    {
        var web = Path.Combine(Directory.GetCurrentDirectory(), "src", "Komaki.Management.Web");
        var root = Directory.Exists(web) ? web : Directory.GetCurrentDirectory();
        return Path.Combine(root, "App_Data", "komaki.db");
    }

    internal static async Task<int> MigrateAsync(ServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        await DemoSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        output.WriteLine(pending.Count == 0 ? "データベースは最新です。" : $"{pending.Count} 件のマイグレーションを適用しました: {string.Join(", ", pending)}");
        return 0;
    }

    internal static async Task<int> SeedDemoAsync(ServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        output.WriteLine(seeded ? "デモデータを登録しました。" : "ユーザーまたは組織が既に登録されているため、デモデータは登録しませんでした。");
        return 0;
    }

    internal static async Task<int> SeedLargeAsync(ServiceProvider services, CliOptions options, TextWriter output, TextWriter error)
    {
        if (!int.TryParse(options.GetValueOrDefault("projects", "3000"), out var projects) || projects is < 1 or > 100_000
            || !int.TryParse(options.GetValueOrDefault("years", "10"), out var years) || years is < 1 or > 30)
        {
            error.WriteLine("--projects は 1〜100000、--years は 1〜30 の整数で指定してください。");
            return 2;
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await SeedDemoAsync(services, output);
        using var scope = services.CreateScope();
        // A progress line per stage: the whole run takes tens of seconds on a large city.
        var result = await new LargeSeeder(scope.ServiceProvider.GetRequiredService<AppDbContext>())
            .SeedAsync(projects, years, new ProgressLine(line => output.WriteLine($"[{watch.Elapsed.TotalSeconds,5:0.0} 秒] {line}")));
        output.WriteLine($"大規模データを登録しました: 課 {result.Divisions}、施策 {result.Measures}（追加）、事務事業 {result.Projects}、{result.Years} 年分、{result.Rows:N0} 行（{watch.Elapsed.TotalSeconds:0.0} 秒）。");
        return 0;
    }

    internal static async Task<int> CreateUserAsync(ServiceProvider services, CliOptions options, TextWriter output, TextWriter error, TextReader input)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("role", out var role))
        {
            error.WriteLine("--email と --role を指定してください。");
            return 2;
        }
        if (!Roles.All.Contains(role))
        {
            error.WriteLine($"役割「{role}」はありません。使える役割: {string.Join(", ", Roles.All)}");
            return 2;
        }
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        await DemoSeeder.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());

        int? unitId = null;
        if (options.TryGetValue("unit", out var unitText))
        {
            var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Code == unitText) ?? await db.OrgUnits.FirstOrDefaultAsync(u => u.Name == unitText);
            if (unit is null)
            {
                error.WriteLine($"組織「{unitText}」が見つかりません。組織コードか組織名を指定してください。");
                return 2;
            }
            unitId = unit.Id;
        }
        if (role is Roles.DepartmentHead or Roles.DepartmentStaff && unitId is null)
        {
            error.WriteLine("所属長・担当職員には --unit を指定してください。");
            return 2;
        }
        var password = options.GetValueOrDefault("password") ?? Environment.GetEnvironmentVariable("KOMAKI_PASSWORD") ?? input.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("パスワードを --password、環境変数 KOMAKI_PASSWORD、または標準入力で指定してください。");
            return 2;
        }
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        // The operator chose the password: the person changes it at first sign-in.
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = options.GetValueOrDefault("name") ?? email, OrgUnitId = unitId, MustChangePassword = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) error.WriteLine(e.Description);
            return 1;
        }
        await users.AddToRoleAsync(user, role);
        output.WriteLine($"ユーザー {email}（{Roles.Label(role)}）を作成しました。最初のサインインでパスワードの変更を求めます。");
        return 0;
    }
}

/// Reports progress on the caller's thread (Progress<T> would post to the thread pool and interleave the lines).
internal sealed class ProgressLine(Action<string> write) : IProgress<string>
{
    public void Report(string value) => write(value);
}

/// Writes log entries to the command's error stream, one line each.
internal sealed class ErrorStreamLoggerProvider(TextWriter error) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(error, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter error, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            lock (error) error.WriteLine($"{logLevel}: {category}: {formatter(state, exception)}");
        }
    }
}
