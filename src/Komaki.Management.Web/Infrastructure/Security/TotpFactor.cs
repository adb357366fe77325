using Komaki.Management.Core.Identity;
using OtpNet;

namespace Komaki.Management.Web.Infrastructure.Security;

/// TOTP (RFC 6238, Otp.NET) as the second factor of local accounts — break-glass administrators, 外部評価委員, 監査委員.
/// The secret is kept in the account's tokens; a code is accepted once (its time step is remembered), one step of
/// clock difference either way.
public sealed class TotpFactor(UserManager<AppUser> users, TimeProvider time)
{
    private const string Provider = "KomakiTotp";
    private const string Secret = "Secret";
    private const string Pending = "PendingSecret";
    private const string LastStep = "LastStep";

    public async Task<bool> IsOnAsync(AppUser user) => user.TwoFactorEnabled && await users.GetAuthenticationTokenAsync(user, Provider, Secret) is not null;

    /// A new secret waiting to be confirmed with a code from the person's authenticator app.
    public async Task<string> StartAsync(AppUser user)
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        await users.SetAuthenticationTokenAsync(user, Provider, Pending, secret);
        return secret;
    }

    /// An administrator turns the factor off (a lost phone): the secret and its last used step are removed.
    public async Task ResetAsync(AppUser user)
    {
        foreach (var name in new[] { Secret, Pending, LastStep }) await users.RemoveAuthenticationTokenAsync(user, Provider, name);
        await users.SetTwoFactorEnabledAsync(user, false);
    }

    public Task<string?> PendingAsync(AppUser user) => users.GetAuthenticationTokenAsync(user, Provider, Pending);

    public async Task<bool> ConfirmAsync(AppUser user, string? code)
    {
        if (await users.GetAuthenticationTokenAsync(user, Provider, Pending) is not string secret || !Matches(secret, code, out _)) return false;
        await users.SetAuthenticationTokenAsync(user, Provider, Secret, secret);
        await users.RemoveAuthenticationTokenAsync(user, Provider, Pending);
        await users.SetTwoFactorEnabledAsync(user, true);
        return true;
    }

    public async Task<bool> VerifyAsync(AppUser user, string? code)
    {
        if (await users.GetAuthenticationTokenAsync(user, Provider, Secret) is not string secret || !Matches(secret, code, out var step)) return false;
        var last = await users.GetAuthenticationTokenAsync(user, Provider, LastStep);
        if (long.TryParse(last, NumberStyles.Integer, CultureInfo.InvariantCulture, out var used) && step <= used) return false;
        await users.SetAuthenticationTokenAsync(user, Provider, LastStep, step.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    private bool Matches(string secret, string? code, out long step)
    {
        step = 0;
        var typed = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (typed.Length != 6 || !typed.All(char.IsAsciiDigit)) return false;
        return new Totp(Base32Encoding.ToBytes(secret)).VerifyTotp(time.GetUtcNow().UtcDateTime, typed, out step, VerificationWindow.RfcSpecifiedNetworkDelay);
    }

    public static string Uri(string secret, string account) =>
        $"otpauth://totp/{System.Uri.EscapeDataString("小牧市 自治体経営システム:" + account)}?secret={secret}&issuer={System.Uri.EscapeDataString("小牧市 自治体経営システム")}";
}
