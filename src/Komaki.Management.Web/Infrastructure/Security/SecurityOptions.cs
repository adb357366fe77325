namespace Komaki.Management.Web.Infrastructure.Security;

/// `Security:*` settings. Defaults are what a city's production server needs; docs/deploy.md says when to change them.
public sealed class SecurityOptions
{
    /// Cookies only over HTTPS, HSTS, and HTTP redirected to HTTPS. Off only in Development (the README's run command).
    public bool? RequireHttps { get; set; }

    /// A session ends after this many minutes without a request.
    public int IdleMinutes { get; set; } = 120;

    /// A session ends this many hours after sign-in, however much it is used.
    public int AbsoluteHours { get; set; } = 8;

    /// Sign-in and password-change attempts per minute from one address, and per account.
    public int SignInsPerAddressPerMinute { get; set; } = 20;
    public int SignInsPerAccountPerMinute { get; set; } = 5;

    public int MaxFailedSignIns { get; set; } = 5;
}
