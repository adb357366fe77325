using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Data.Seeding;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Komaki.Management.Cli;

/// `komaki`: the operator's commands. Database selection is the web app's: `Database:Provider` and
/// `ConnectionStrings:Default` from environment variables (Database__Provider, ConnectionStrings__Default)
/// or --provider / --connection.
public static class KomakiCli
{
    private const string Usage = """
        使い方: komaki <コマンド> [オプション]

          migrate                                データベースを最新の構造に更新します
          create-user --email E --role R [--unit 組織コードまたは組織名] [--name 氏名] [--password P]
                                                 ユーザーを作成します（パスワード省略時は標準入力から読みます）
          seed-demo                              空のデータベース（ユーザーも組織もない）にデモデータを入れます
          backup --out FILE                      内蔵データベースのバックアップを作ります（アプリの稼働中でも一貫した内容）
          restore FILE --yes                     バックアップから復元します（アプリを止めてから。現在の内容は置き換わります）
          seed-large [--projects 3000] [--years 10]
                                                 デモの市を大都市の規模に増やします（負荷試験用の架空データ）
          import implementation-plan|execution-plan --fiscal-year 2024 FILE [--dry-run] [--json]
                                                 Excel を取り込みます。取り込めない行が1行でもあれば何も書き込みません
                                                 （終了コード 1）。--dry-run は確認だけ、--json は結果を1行の JSON で出力
          import survey --fiscal-year 2024 FILE / import manifesto --term ID FILE   [--dry-run] [--json]
          import evaluations --latest-year 2025 FILE [--dry-run] [--json] [--unit "部課名=組織コード"]... [--create-units]
                                                 前の評価システムの事務事業評価（1事業1行、年度の列の組が複数）を取り込みます
            取り込みの読み方の指定（確認画面で選ぶのと同じ。繰り返し指定できるものは ...）:
              --sheet シート名                    当てはまるシートが複数あるとき、読むシート
              --column 項目=列記号 ...            1つの項目に当てはまる列が複数あるとき、読む列（例: code=C）
              --amount-unit 千円|円|万円|百万円    シートに金額の単位が書かれていないときの単位
              --label "表記=意味" ...             対応表にない表記の意味（例: "２　改革改善（縮小・統合含む）=改善"）
              --unit "部課名=組織コード" ...       登録されている組織に当たらない部課名の組織（new で新しく登録）
              --create-units                      当たる組織のない部課名をすべて新しく登録する
          export implementation-plan|execution-plan|evaluations --fiscal-year 2024 --out FILE
                                                 Excel に書き出します（取り込みと同じ形式）

        共通オプション: --provider Sqlite|SqlServer  --connection "接続文字列"
        役割 R: Administrator, Planning, DepartmentHead, DepartmentStaff, Executive, ExternalReviewer
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? 1 : 0;
        }
        CliOptions options;
        var sheetCommand = args[0] is "import" or "export";
        try
        {
            options = ParseOptions(args.Skip(sheetCommand ? 2 : 1).ToArray());
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }
        try
        {
            await using var services = BuildServices(options);
            return args[0] switch
            {
                "migrate" => await MigrateAsync(services, output),
                "create-user" => await CreateUserAsync(services, options, output, error, input),
                "seed-demo" => await SeedDemoAsync(services, output),
                "seed-large" => await SeedLargeAsync(services, options, output, error),
                "backup" => await BackupCommands.BackupAsync(services, options, output, error),
                "restore" => await BackupCommands.RestoreAsync(services, options, output, error),
                "import" => await SheetCommands.ImportAsync(services, args.ElementAtOrDefault(1), options, output, error),
                "export" => await SheetCommands.ExportAsync(services, args.ElementAtOrDefault(1), options, output, error),
                _ => Unknown(args[0], error),
            };
        }
        catch (InvalidOperationException ex)
        {
            error.WriteLine($"エラー: {ex.Message}");
            return 1;
        }
    }

    private static int Unknown(string command, TextWriter error)
    {
        error.WriteLine($"コマンド「{command}」はありません。komaki --help で使い方を表示します。");
        return 2;
    }

    // Options that are switches, not followed by a value.
    private static readonly HashSet<string> Flags = ["dry-run", "json", "create-units", "yes"];

    /// --key value pairs, the switches above as "true", and at most one plain argument as "file".
    private static CliOptions ParseOptions(string[] args)
    {
        var result = new CliOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (result.ContainsKey("file")) throw new ArgumentException($"引数「{args[i]}」を解釈できません。");
                result.Add("file", args[i]);
                continue;
            }
            var key = args[i][2..];
            if (Flags.Contains(key))
            {
                result.Add(key, "true");
                continue;
            }
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"--{key} に値を指定してください。");
            result.Add(key, args[++i]);
        }
        return result;
    }

    private static ServiceProvider BuildServices(CliOptions options)
    {
        var overrides = new Dictionary<string, string?>();
        if (options.TryGetValue("provider", out var provider)) overrides["Database:Provider"] = provider;
        if (options.TryGetValue("connection", out var connection)) overrides["ConnectionStrings:Default"] = connection;
        var config = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
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

    private static async Task<int> MigrateAsync(ServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        await DemoSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        output.WriteLine(pending.Count == 0 ? "データベースは最新です。" : $"{pending.Count} 件のマイグレーションを適用しました: {string.Join(", ", pending)}");
        return 0;
    }

    private static async Task<int> SeedDemoAsync(ServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        output.WriteLine(seeded ? "デモデータを登録しました。" : "ユーザーまたは組織が既に登録されているため、デモデータは登録しませんでした。");
        return 0;
    }

    private static async Task<int> SeedLargeAsync(ServiceProvider services, CliOptions options, TextWriter output, TextWriter error)
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
        var result = await new LargeSeeder(scope.ServiceProvider.GetRequiredService<AppDbContext>()).SeedAsync(projects, years);
        output.WriteLine($"大規模データを登録しました: 課 {result.Divisions}、施策 {result.Measures}（追加）、事務事業 {result.Projects}、{result.Years} 年分、{result.Rows:N0} 行（{watch.Elapsed.TotalSeconds:0.0} 秒）。");
        return 0;
    }

    private static async Task<int> CreateUserAsync(ServiceProvider services, CliOptions options, TextWriter output, TextWriter error, TextReader input)
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
