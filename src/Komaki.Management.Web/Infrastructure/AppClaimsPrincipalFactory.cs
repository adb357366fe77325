using System.Security.Claims;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Web.Infrastructure;

/// Puts the user's unit and name in the sign-in cookie so per-record checks need no extra query.
/// The security stamp is renewed when an administrator moves a user, which refreshes these claims.
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(KomakiClaims.DisplayName, user.DisplayName));
        if (user.OrgUnitId is int unit) identity.AddClaim(new Claim(KomakiClaims.UnitId, unit.ToString(CultureInfo.InvariantCulture)));
        if (user.MustChangePassword) identity.AddClaim(new Claim(Security.MustChangePassword.Claim, "1"));
        return identity;
    }
}
