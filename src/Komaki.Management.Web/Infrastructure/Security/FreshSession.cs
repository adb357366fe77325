using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Komaki.Management.Web.Infrastructure.Security;

/// Every sign-in starts a new server-side session under a new key. The cookie handler of a request renews the session
/// the request came with (the same key) when asked to sign in over it; so the session the request carried is ended
/// first (its row removed, its cookie deleted, no sliding renewal of it afterwards), its cookie is hidden from the
/// request, and a handler of its own signs in — StoreAsync, a new key. A copy of the old cookie opens nothing.
public static class FreshSession
{
    public static async Task SignInAsync(HttpContext http, ClaimsPrincipal principal, AuthenticationProperties? properties = null)
    {
        var scheme = IdentityConstants.ApplicationScheme;
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme);
        var name = options.Cookie.Name!;
        if (http.Request.Cookies.ContainsKey(name))
        {
            await http.SignOutAsync(scheme);
            // The handler that signs in reads the request's cookies again: without this one it has no session to renew.
            var kept = http.Request.Cookies.Where(c => c.Key != name && !c.Key.StartsWith(name + "C", StringComparison.Ordinal))
                .Select(c => $"{c.Key}={Uri.EscapeDataString(c.Value)}");
            http.Request.Headers.Cookie = string.Join("; ", kept);
        }
        var handler = ActivatorUtilities.CreateInstance<CookieAuthenticationHandler>(http.RequestServices);
        await handler.InitializeAsync((await http.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(scheme))!, http);
        await handler.SignInAsync(principal, properties ?? new AuthenticationProperties());
    }
}
