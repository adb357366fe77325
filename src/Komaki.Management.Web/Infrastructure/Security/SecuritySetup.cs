using System.Threading.RateLimiting;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Komaki.Management.Web.Infrastructure.Security;

/// Sign-in, sessions, cookies, keys and HTTPS as a city's network needs them (docs/security.md, docs/deploy.md).
public static class SecuritySetup
{
    public const string SignInPolicy = "sign-in";

    public static void AddKomakiSecurity(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        services.Configure<SecurityOptions>(config.GetSection("Security"));
        var security = config.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        var requireHttps = security.RequireHttps ?? !env.IsDevelopment();
        services.TryAddSingleton(TimeProvider.System);

        // Keys in the database: every app server reads the same ring, and a restart signs nobody out.
        services.AddDataProtection().SetApplicationName("Komaki.Management").PersistKeysToDbContext<AppDbContext>();

        services.AddIdentity<AppUser, IdentityRole>(o => AccountPolicy.Apply(o, security.MaxFailedSignIns))
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, TicketStoreSetup>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "komaki.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleMinutes);
            o.SlidingExpiration = true;
            // A relative Location: the Host header a client sent is never written back into a redirect.
            o.Events.OnRedirectToLogin = ctx =>
            {
                var back = ctx.Request.PathBase + ctx.Request.Path + ctx.Request.QueryString;
                ctx.Response.Redirect(ctx.Request.PathBase + o.LoginPath + QueryString.Create(o.ReturnUrlParameter, back));
                return Task.CompletedTask;
            };
            // A signed-in user without the right gets a real 403 page, not a redirect that hides the refusal.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "komaki.csrf";
            o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordRecheck>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "", _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = security.SignInsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        // Behind the city's proxy: the client's address and scheme come from X-Forwarded-* sent by the proxies
        // configured in ForwardedHeaders:KnownProxies / KnownNetworks, and from no one else — not even loopback by
        // default (the sign-in limits count per address: nothing on the server may pose as many clients or another one).
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                if (IPAddress.TryParse(proxy, out var ip)) o.KnownProxies.Add(ip);
            foreach (var network in config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
                if (System.Net.IPNetwork.TryParse(network, out var net)) o.KnownIPNetworks.Add(net);
        });
        if (requireHttps)
        {
            services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
            services.AddHttpsRedirection(o => o.HttpsPort = config.GetValue("Security:HttpsPort", 443));
        }
    }

    /// Runs first: forwarded headers, HSTS and the HTTPS redirect (when required).
    public static void UseKomakiTransport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (security.RequireHttps ?? !app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
    }
}
