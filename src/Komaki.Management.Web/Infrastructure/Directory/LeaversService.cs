using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Web.Infrastructure.Directory;

/// Every server looks, every Directory:CheckSeconds, for people who left — 退職 in the staff register, or disabled in
/// the directory (with the service account) — and ends their account and sessions. Sessions are rows in the database:
/// whichever server ends them, they are gone for all.
public sealed class LeaversService(IServiceScopeFactory scopes, IOptions<DirectoryOptions> options, LdapDirectory directory, CityClock clock,
    ILogger<LeaversService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.CheckSeconds));
        // Wall time, as the reminders' timer: the day comes from CityClock, and a test clock moved on by years must not
        // replay a check for every period in between.
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a directory down for a while must not stop the staff register's check.
                log.LogError(e, "The check for people who left failed");
            }
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        DirectoryAccounts? accounts = null;
        if (options.Value.Enabled && directory.HasServiceAccount)
        {
            try
            {
                accounts = await directory.AccountsAsync();
            }
            catch (System.DirectoryServices.Protocols.LdapException e)
            {
                log.LogError(SignInEvents.DirectoryUnavailable, e, "The directory did not answer the check for disabled and deleted accounts ({Code})", e.ErrorCode);
            }
        }
        using var scope = scopes.CreateScope();
        var run = await scope.ServiceProvider.GetRequiredService<Leavers>().EndAccessAsync(clock.Today, DirectoryOptions.Provider, accounts, ct);
        if (run.Unrecognised)
            log.LogError(SignInEvents.DirectoryUnavailable, "The directory under {BaseDn} holds none of the linked accounts: nobody was ended as deleted (check Directory:BaseDn)", options.Value.BaseDn);
        var record = scope.ServiceProvider.GetRequiredService<SignInHistory>();
        foreach (var e in run.Ended)
        {
            log.LogWarning(SignInEvents.AccessEnded, "Access ended ({Reason}): account deactivated and every session ended, user {UserId} {UserName}", e.Reason, e.UserId, e.UserName);
            await record.RecordAsync(SignInKinds.AccessEnded, e.UserName, e.UserId, true, $"{e.Reason}のため利用を終了し、すべてのサインインを終了しました", null, ct);
        }
    }
}

/// Event ids a log server filters sign-in events by (docs/deploy.md, "Sign-in records").
public static class SignInEvents
{
    public static readonly EventId SignedIn = new(3201, "SignedIn");
    public static readonly EventId Refused = new(3202, "SignInRefused");
    public static readonly EventId RolesChanged = new(3203, "RolesChangedByDirectory");
    public static readonly EventId AccessEnded = new(3204, "AccessEnded");
    public static readonly EventId MappingChanged = new(3205, "RoleMappingChanged");
    public static readonly EventId DirectoryUnavailable = new(3206, "DirectoryUnavailable");
    /// An administrator's (or 人事担当's) change to who may sign in and as what: accounts, roles, passwords, second
    /// factors, sessions, 退職日.
    public static readonly EventId PrivilegedAction = new(3207, "PrivilegedAction");
    /// The directory's 所属 (department) differs from the staff register's; the register's is used.
    public static readonly EventId UnitDiffers = new(3208, "DirectoryUnitDiffers");
}

public static class DirectorySetup
{
    /// Directory sign-in (off unless Directory:Enabled) and the leavers' check (always: 退職 ends access with or without a directory).
    public static IServiceCollection AddKomakiDirectory(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        services.Configure<OidcSettings>(config.GetSection("Oidc"));
        var oidc = config.GetSection("Oidc").Get<OidcSettings>() ?? new OidcSettings();
        if (oidc.Enabled)
        {
            var requireHttps = config.GetValue<bool?>("Security:RequireHttps") ?? !env.IsDevelopment();
            services.AddAuthentication().AddOpenIdConnect(OidcSettings.Scheme, oidc.DisplayName, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.MapInboundClaims = false;
                o.SaveTokens = false;
                o.Scope.Clear();
                foreach (var scope in oidc.Scopes) o.Scope.Add(scope);
                if (!requireHttps)
                {
                    o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }
            });
        }
        services.Configure<DirectoryOptions>(config.GetSection("Directory"));
        services.AddSingleton<LdapDirectory>();
        services.AddScoped<Security.TotpFactor>();
        services.AddScoped<PrivilegedLog>();
        // Under IIS the Windows identity is read only by Windows sign-on (ExternalSignInController.Windows), never set as the
        // request's user: the app's own session (and its roles from the mapping) is what every page checks.
        services.Configure<Microsoft.AspNetCore.Builder.IISServerOptions>(o => o.AutomaticAuthentication = false);
        services.AddHostedService<LeaversService>();
        services.AddSingleton<SignInLogCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<SignInLogCleanup>());
        return services;
    }
}
