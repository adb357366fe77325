using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Komaki.Management.Core;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;
using Komaki.Management.TestSheets;
using Komaki.Management.Web;
using Komaki.Management.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Komaki.Management.IntegrationTests.SqlServer;

/// No SQL Server runs here, so the app runs against the SQL Server provider with every connection, command and
/// transaction answered by an interceptor: each SQL command is recorded and answered with no rows. Every page of the
/// staff menu, the public site, open data and every import then has each of its queries translated by the SQL Server
/// provider — a LINQ query SQL Server cannot run fails here — and the recorded T-SQL is checked for SQLite-only syntax.
public sealed class SqlServerTranslationTests(ITestOutputHelper output)
{
    public sealed class App : WebApplicationFactory<Program>
    {
        public ConcurrentQueue<string> Commands { get; } = new();
        public ConcurrentQueue<Exception> Errors { get; } = new();
        public const string Connection = "Server=127.0.0.1,1;Database=Komaki;User Id=komaki;Password=unused;TrustServerCertificate=True;Connect Timeout=1";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("ConnectionStrings:Default", Connection);
            builder.UseSetting("Security:RequireHttps", "false");
            builder.UseSetting("Reminders:Automatic", "false");
            builder.ConfigureLogging(l => l.AddProvider(new ErrorCollector(Errors)));
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<DbContextOptions<AppDbContext>>();
                services.AddDbContext<AppDbContext>(o => Database.Configure(o.AddInterceptors(new NoServer(Commands)), DatabaseProvider.SqlServer, Connection));
                // Keys cannot be stored in a database that answers nothing; the rest of the pipeline is the real one.
                services.AddDataProtection().UseEphemeralDataProtectionProvider();
                services.AddAuthentication(o =>
                {
                    o.DefaultAuthenticateScheme = TestUser.Name;
                    o.DefaultChallengeScheme = TestUser.Name;
                }).AddScheme<AuthenticationSchemeOptions, TestUser>(TestUser.Name, _ => { });
            });
        }
    }

    /// Signs every request in as the role named in the X-Test-Role header, in unit 1.
    private sealed class TestUser(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "Test";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-Test-Role", out var role)) return Task.FromResult(AuthenticateResult.NoResult());
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "test-user"), new Claim(ClaimTypes.Name, "test@city.example"), new Claim(ClaimTypes.Role, role.ToString()),
                new Claim(KomakiClaims.UnitId, "1"), new Claim(KomakiClaims.DisplayName, "試験 利用者"),
            ], Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }

    /// Answers for a server that is not there: connections open without connecting, commands return no rows.
    private sealed class NoServer(ConcurrentQueue<string> commands) : DbCommandInterceptor, IDbConnectionInterceptor
    {
        // A lone aggregate gets the one row a server returns for an empty table (0 for COUNT and SUM, NULL for MAX and
        // MIN), so a page goes on to its later queries; everything else gets no rows.
        private static readonly Regex Aggregate = new(@"^SELECT\s+(?:(COUNT|COUNT_BIG)\(|COALESCE\(SUM\(|(MAX|MIN|AVG|SUM)\()", RegexOptions.IgnoreCase);

        private System.Data.DataTableReader Empty(DbCommand command)
        {
            commands.Enqueue(command.CommandText);
            var table = new DataTable();
            for (var c = 0; c < SelectedColumns(command.CommandText); c++) table.Columns.Add($"c{c}", typeof(object));
            var m = Aggregate.Match(command.CommandText.TrimStart());
            if (m.Success && table.Columns.Count == 1 && !command.CommandText.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase))
                table.Rows.Add(m.Groups[2].Success ? DBNull.Value : 0);
            return table.CreateDataReader();
        }

        /// The number of columns of the first SELECT list: commas outside brackets before its FROM (EF checks it even
        /// when no row comes back).
        private static int SelectedColumns(string sql)
        {
            var start = sql.IndexOf("SELECT", StringComparison.OrdinalIgnoreCase);
            if (start < 0) return 0;
            var depth = 0;
            var columns = 1;
            for (var i = start + 6; i < sql.Length; i++)
            {
                var ch = sql[i];
                if (ch == '(') depth++;
                else if (ch == ')') depth--;
                else if (ch == ',' && depth == 0) columns++;
                else if (depth == 0 && string.Compare(sql, i, "FROM", 0, 4, StringComparison.OrdinalIgnoreCase) == 0 && char.IsWhiteSpace(sql[i - 1])) return columns;
                else if (ch == '\'' )
                {
                    var close = sql.IndexOf('\'', i + 1);
                    if (close > 0) i = close;
                }
            }
            return columns;
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            InterceptionResult<DbDataReader>.SuppressWithResult(Empty(command));

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default) =>
            ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(Empty(command)));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            commands.Enqueue(command.CommandText);
            return InterceptionResult<object>.SuppressWithResult(DBNull.Value);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default) =>
            ValueTask.FromResult(ScalarExecuting(command, eventData, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            commands.Enqueue(command.CommandText);
            return InterceptionResult<int>.SuppressWithResult(0);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default) =>
            ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken ct = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }

    private sealed class ErrorCollector(ConcurrentQueue<Exception> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(errors);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<Exception> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (exception is not null) errors.Enqueue(exception);
            }
        }
    }

    // What SQL Server does not understand; EF writes T-SQL for SQL Server, so any of these means SQL written by hand.
    private static readonly Regex SqliteOnly = new(@"\bstrftime\(|\bjulianday\(|\bifnull\(|\binstr\(|\bLIMIT\s+\d|\bLIMIT\s+@|\bef_\w+\(|\bCOLLATE\s+NOCASE\b|\|\||\bAUTOINCREMENT\b|\brandomblob\(|""\w+""\s*\.", RegexOptions.IgnoreCase);

    // What an untranslatable query throws, and what a command that went around the interceptor meets (the absent
    // server). The empty answers themselves may make a page fail later ("no elements"), which is not the point.
    private static bool IsTranslationError(Exception e)
    {
        var text = e.ToString();
        return text.Contains("could not be translated", StringComparison.Ordinal) || text.Contains("The LINQ expression", StringComparison.Ordinal)
            || text.Contains("Microsoft.Data.SqlClient.SqlException", StringComparison.Ordinal);
    }

    private static readonly string[] ExtraPages =
    [
        "/", "/PlanTree?open=1", "/PlanTree/Projects?q=a&page=2", "/Plan/Project/1", "/Plan/Measure/1", "/Plan/Policy/1", "/Indicators/1", "/Indicators/1/Values",
        "/ImplementationPlans/2026", "/ImplementationPlans/2026/Compare", "/ImplementationPlans/2026/Projects/1", "/Budgets?year=2025", "/Budgets/2025/Comparison",
        "/Budgets/2025/1", "/ExecutionPlans?year=2026", "/ExecutionPlans/2026/1", "/Evaluations?year=2025", "/Evaluations/2025/1", "/Evaluations/2025/Print",
        "/MeasureEvaluations?year=2025", "/Improvements", "/Improvements/1", "/Reports/Results?year=2025", "/Goals/Waiting", "/Goals?year=2026", "/Goals/Board?year=2026",
        "/Goals/1", "/Personnel", "/Manifesto", "/Manifesto/Items/1", "/CitizenInputs", "/CitizenInputs/1", "/Survey?year=2025", "/Forum", "/Forum/1",
        "/Board?year=2026", "/Board/Mayor?year=2025", "/Board/Bands", "/Cycle/Calendar?year=2026", "/Publications", "/Reminders", "/History/Project/1",
        "/ImportLabels", "/Directions", "/OrgUnits", "/Users", "/Plans", "/Imports/implementation-plan/2026/Export", "/Imports/execution-plan/2026/Export",
        "/public", "/public/measures/1", "/public/evaluations?year=2024", "/public/evaluations/1", "/public/manifesto", "/public/forum", "/public/voices",
        "/api/v1", "/api/v1/measures", "/api/v1/indicators", "/api/v1/evaluations", "/api/v1/evaluations.csv", "/api/v1/forum", "/api/v1/manifesto", "/api/v1/citizen-inputs",
        "/Personnel/1", "/Personnel/1/Print", "/Personnel/Division", "/Personnel/Division/Distribution?year=2025", "/Personnel/Division/Reads", "/Personnel/Division/Staff",
        "/Personnel/Division/Payroll/2025", "/Control?unitId=0", "/Control/Risks/1", "/Control/Errors", "/Control/Report?year=2025", "/Control/Policy", "/Staffing",
        "/Staffing/Reconcile?year=2025", "/Staffing/Table?year=2026", "/public/control",
    ];

    [Fact]
    public async Task Every_page_and_import_is_translated_for_sql_server_without_sqlite_only_sql()
    {
        var app = new App();
        await using var _ = app;
        var pages = new HashSet<string>(ExtraPages);
        foreach (var role in new[] { "Planning", "Administrator", "DepartmentHead", "Executive", "Personnel" })
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add("X-Test-Role", role);
            string home;
            try
            {
                home = await (await client.GetAsync("/Directions")).Content.ReadAsStringAsync();
            }
            catch (Exception e)
            {
                app.Errors.Enqueue(e);
                home = "";
            }
            foreach (Match m in Regex.Matches(home, "href=\"(/[^\"#]*)\"")) pages.Add(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
            foreach (var page in pages.Where(p => !p.StartsWith("/lib", StringComparison.Ordinal) && !p.StartsWith("/css", StringComparison.Ordinal)))
            {
                try
                {
                    await client.GetAsync(page);
                }
                catch (Exception e)
                {
                    // The test server hands a page's exception to the client; the empty answers cause most of them.
                    app.Errors.Enqueue(e);
                }
                if (app.Errors.Any(IsTranslationError)) Assert.Fail($"{role} {page}: {app.Errors.First(IsTranslationError).Message}");
            }
        }
        Assert.True(pages.Count > 60, $"only {pages.Count} pages");

        // Every import reads its sheet and queries what it compares with (a preview: SQL Server answers nothing, so nothing is written).
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var sheet = RawXlsx.Build(RawXlsx.Rows(["（単位：千円）"],
                ["事業コード", "年度", "事業費", "国庫支出金", "県支出金", "地方債", "その他特定財源", "一般財源", "今年度の目標", "番号", "項目", "施策コード", "満足度", "重要度"],
                ["1-1-01", "R8", 10, 0, 0, 0, 0, 10, "目標", "1", "公約", "1-1", 50, 60]));
            foreach (var kind in SheetKinds.All.Values.Where(k => k.Import is not null && k.Name != SheetKind.Evaluations))
                await kind.Import!(new ImportContext(db, ExcelLimits.Default, ImportSettings.Default)).RunAsync(new ImportRequest(new MemoryStream(sheet), "x.xlsx", 2026, Apply: false));
            var history = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ofunato-jimujigyo-hyoka-R7.xlsx"));
            await SheetKinds.All[SheetKind.Evaluations].Import!(new ImportContext(db, ExcelLimits.Default, ImportSettings.Default))
                .RunAsync(new ImportRequest(new MemoryStream(history), "x.xlsx", 2025, Apply: false) { Choices = new ImportChoices { YenPerUnit = 1000 } });
        }

        var translation = app.Errors.Where(IsTranslationError).ToList();
        foreach (var e in app.Errors.Select(e => e.GetType().Name + ": " + e.Message.Split('\n')[0] + " @ " + e.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Komaki.", StringComparison.Ordinal))?.Trim()).Distinct().Take(40)) output.WriteLine(e);
        Assert.Empty(translation.Select(e => e.Message));
        var commands = app.Commands.ToList();
        output.WriteLine($"{pages.Count} pages, {commands.Count} SQL commands, {commands.Distinct().Count()} distinct");
        Assert.True(commands.Distinct().Count() > 100, $"only {commands.Distinct().Count()} distinct commands");
        Assert.Contains(commands, c => c.Contains("[ProjectEvaluations]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("OFFSET", StringComparison.Ordinal) || c.Contains("TOP(", StringComparison.Ordinal));
        var bad = commands.Where(c => SqliteOnly.IsMatch(c)).Distinct().ToList();
        Assert.True(bad.Count == 0, "SQLite-only SQL sent to SQL Server:\n" + string.Join("\n---\n", bad.Take(3)));
    }
}
