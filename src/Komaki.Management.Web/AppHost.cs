using Komaki.Management.Core;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Data.Seeding;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Manifesto;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;
using Komaki.Management.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Komaki.Management.Web;

/// Builds the web application. Program.cs and the browser tests both start the app through here,
/// so the tests run exactly the pipeline a city runs.
public static class AppHost
{
    private static readonly IReadOnlyList<string> PublicAreas = DataArea.All.Except([DataArea.Goals, DataArea.Cycle]).ToList();

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Controllers and views are found through the application name; when a test host starts the app,
            // the entry assembly is the test runner, not this one.
            ApplicationName = typeof(AppHost).Assembly.GetName().Name,
            ContentRootPath = ExplicitContentRoot(args) ? null : ResolveContentRoot(),
        });
        configure?.Invoke(builder);
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddKomakiDatabase(config, Path.Combine(builder.Environment.ContentRootPath, "App_Data", "komaki.db"));
        services.AddHttpContextAccessor();
        // Japanese text goes out as text, not as &#x...; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Komaki.Management.Web.Infrastructure.Authorization.MenuAccess>();
        services.AddAuthorization(Infrastructure.Authorization.Policies.Add);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CityClock>();
        services.AddSingleton<SchemaState>();
        services.AddSingleton<PublicPublisher>();
        services.AddScoped<OrgTreeProvider>();
        services.AddScoped<MeasureOptions>();
        services.AddScoped<CycleSnapshots>();
        services.AddScoped<ICycleSnapshots>(sp => sp.GetRequiredService<CycleSnapshots>());
        services.AddScoped<JudgmentBands>();
        services.AddCityVocabulary();
        services.AddScoped<Core.Importing.LabelTable>();
        services.AddScoped<Core.Evaluation.DirectionSettings>();
        services.AddMemoryCache();
        services.AddScoped<DataVersions>();
        services.AddScoped<ReadCache>();
        services.AddSingleton<ReadCacheBuilds>();
        services.AddSingleton(_ => new KeptFiles());
        // Public pages are the same for every citizen: whole responses are kept until the data they show changes
        // (organisational goals and the cycle's deadlines are never shown there).
        services.AddOutputCache(o => o.AddPolicy(PublicSiteController.CachePolicy, b => b
            .SetVaryByQuery("*")
            .VaryByValue(ctx => new KeyValuePair<string, string>("data", ctx.RequestServices.GetRequiredService<DataVersions>().Stamp(PublicAreas)))
            .Expire(TimeSpan.FromMinutes(10))));
        services.AddScoped<Features.Public.PublicData>();
        services.AddScoped<Features.Public.PublishedLists>();
        services.AddScoped<Features.Evaluations.EvaluationSheets>();
        services.AddScoped<DemoSeeder>();
        services.AddSingleton(ExcelLimits.Default with
        {
            MaxFileBytes = builder.Configuration.GetValue<long?>("Import:MaxUploadBytes") ?? ExcelLimits.Default.MaxFileBytes,
        });
        services.AddSingleton(new Core.Importing.ImportSettings
        {
            HoursPerPersonYear = builder.Configuration.GetValue<decimal?>("Evaluation:HoursPerPersonYear") ?? Core.Importing.ImportSettings.Default.HoursPerPersonYear,
        });
        services.Configure<Features.Cycle.SmtpOptions>(config.GetSection("Smtp"));
        services.AddSingleton<Features.Cycle.IReminderMailer, Features.Cycle.MailKitReminderMailer>();
        services.AddScoped<Features.Cycle.ReminderSender>();
        services.AddHostedService<Features.Cycle.DailyReminderService>();

        services.AddKomakiSecurity(config, builder.Environment);
        Infrastructure.Directory.DirectorySetup.AddKomakiDirectory(services, config, builder.Environment);

        services.AddControllersWithViews(o =>
            {
                // Every POST carries an antiforgery token, whether or not a controller remembers to ask.
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter());
                o.Filters.Add(new FiscalYearBounds());
                o.Filters.Add(new UnreadableQuery());
                o.Filters.Add<ReadLogFilter>();
                o.Filters.Add(new SentFields());
                o.ModelMetadataDetailsProviders.Add(new KeepEmptyStrings());
                BindingMessages.Apply(o.ModelBindingMessageProvider);
            })
            // Open data is read by people too: Japanese stays readable in the JSON.
            .AddJsonOptions(o =>
            {
                o.JsonSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
                o.JsonSerializerOptions.Converters.Add(new UtcInstantJsonConverter());
            })
            .AddRazorOptions(o =>
            {
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationExpanders.Add(new FeatureViewLocations());
            });
        services.AddValidatorsFromAssembly(typeof(AppHost).Assembly);
        services.AddValidatorsFromAssembly(typeof(IUseCase).Assembly);
        services.AddUseCases(typeof(IUseCase).Assembly, typeof(AppHost).Assembly);
        services.AddContributions<IHistoryKind>(typeof(IUseCase).Assembly);
        services.AddContributions<IWaitingContribution>(typeof(IUseCase).Assembly);
        services.AddContributions<IBoardContribution>(typeof(IUseCase).Assembly);
        services.AddContributions<IPublicPageContribution>(typeof(AppHost).Assembly);
        services.AddContributions<IOpenDataDataset>(typeof(AppHost).Assembly);
        services.AddRecordRules(typeof(IUseCase).Assembly);
        services.AddScoped<IEditionFollower, ManifestoLinksFollowEdition>();
        ValidatorOptions.Global.LanguageManager.Culture = new CultureInfo("ja");

        var app = builder.Build();

        var ja = new CultureInfo("ja-JP");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(ja),
            SupportedCultures = [ja],
            SupportedUICultures = [ja],
        });
        app.UseKomakiTransport();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Home/Error");
        app.UseStatusCodePagesWithReExecute("/Home/Status/{0}");
        // The open-data API answers its errors in JSON, a failure on the server too and in every environment (a program
        // reading the API cannot read an HTML page, nor should it read a stack trace); the HTML pages above are for people.
        app.UseWhen(c => ApiProblems.IsApi(c.Request.Path), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiProblems.WriteErrorAsync });
            api.UseStatusCodePages(ApiProblems.WriteStatusAsync);
        });
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseMiddleware<NoStore>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<MustChangePassword>();
        app.UseAuthorization();
        app.UseOutputCache();
        app.MapHealthEndpoint();
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        return app;
    }

    /// Applies migrations (the embedded SQLite database is created on first start) and, only when asked for
    /// (`Database:SeedDemo=true`, set by the Development launch profile) and the database has no user and no
    /// organisation, fills it with the demo city and its published demo accounts. A published app never does.
    public static async Task InitializeDatabaseAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var config = sp.GetRequiredService<IConfiguration>();
        var provider = Database.ProviderFrom(config);
        if (provider == DatabaseProvider.Sqlite || config.GetValue("Database:MigrateOnStartup", false))
        {
            await db.Database.MigrateAsync();
        }
        // /healthz reads the schema state checked here instead of the migrations history on every request.
        await sp.GetRequiredService<SchemaState>().CheckAsync(db, sp.GetRequiredService<CityClock>().UtcNow);
        await DemoSeeder.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        if (config.GetValue("Database:SeedDemo", false))
        {
            await sp.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }

    private static bool ExplicitContentRoot(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"));

    // `dotnet run --project src/Komaki.Management.Web` from the repository root must still find wwwroot.
    private static string ResolveContentRoot()
    {
        var cwd = Directory.GetCurrentDirectory();
        if (Directory.Exists(Path.Combine(cwd, "Features"))) return cwd;
        var fromRepoRoot = Path.Combine(cwd, "src", "Komaki.Management.Web");
        if (Directory.Exists(Path.Combine(fromRepoRoot, "Features"))) return fromRepoRoot;
        return AppContext.BaseDirectory;
    }
}
