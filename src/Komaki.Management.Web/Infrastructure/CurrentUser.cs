using System.Security.Claims;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Web.Infrastructure;

public static class KomakiClaims
{
    public const string UnitId = "komaki:unit";
    public const string DisplayName = "komaki:name";
}

/// The signed-in person, as the access rules need them.
public sealed class CurrentUser(IHttpContextAccessor http)
{
    private Actor? _actor;

    public Actor Actor => _actor ??= Build(http.HttpContext?.User);

    public string UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public string DisplayName => http.HttpContext?.User.FindFirstValue(KomakiClaims.DisplayName) ?? Actor.UserName;

    public static Actor Build(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return new Actor("", new HashSet<string>(), null);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        var unit = int.TryParse(user.FindFirstValue(KomakiClaims.UnitId), out var u) ? u : (int?)null;
        return new Actor(user.Identity.Name ?? "", roles, unit);
    }
}

public sealed class HttpCurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    public string Name => http.HttpContext?.User.Identity?.Name ?? "system";
}
