using Komaki.Management.Core.Identity;

namespace Komaki.Management.Web.Infrastructure.Directory;

/// `Oidc:*` — sign-in through the city's OpenID Connect provider (AD FS, Entra ID, Keycloak): code flow with PKCE.
/// Off unless Enabled. docs/deploy.md registers the app with each provider.
public sealed class OidcSettings
{
    public const string Scheme = "oidc";
    public const string Provider = "OpenIdConnect";

    public bool Enabled { get; set; }
    /// The issuer (https://adfs.city.local/adfs, https://login.microsoftonline.com/{tenant}/v2.0, https://kc.city.local/realms/city).
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }
    /// What the sign-in page's button says.
    public string DisplayName { get; set; } = "庁内アカウント";
    public string[] Scopes { get; set; } = ["openid", "profile", "email"];
    /// Claims whose values are matched against the mapping (groups, or the app roles Entra ID sends as "roles").
    public string[] GroupClaims { get; set; } = ["groups", "roles"];
    /// The claim that carries the 職員番号 (issued from the directory's employeeID).
    public string StaffNumberClaim { get; set; } = "employee_id";
    /// The claim with the directory's 所属, compared with the staff register's (never used); empty: not compared.
    public string? DepartmentClaim { get; set; } = "department";
    /// Roles refused unless the provider says a second factor was used.
    public string[] MfaRoles { get; set; } = [Roles.Administrator, Roles.Personnel];
    /// `amr` values that count as MFA (Entra ID and Keycloak: mfa; AD FS: http://schemas.microsoft.com/claims/multipleauthn).
    public string[] MfaAmr { get; set; } = ["mfa", "http://schemas.microsoft.com/claims/multipleauthn"];
    /// `acr` values that count as MFA (a Keycloak level of authentication, for example).
    public string[] MfaAcr { get; set; } = [];
    public bool RequireHttpsMetadata { get; set; } = true;
}
