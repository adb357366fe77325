namespace Komaki.Management.Core.Identity;

/// The password and lockout rules, shared by the web app and the `komaki` CLI so both enforce the same policy.
public static class AccountPolicy
{
    public static void Apply(IdentityOptions o, int maxFailedSignIns = 5)
    {
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = maxFailedSignIns;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
    }
}
