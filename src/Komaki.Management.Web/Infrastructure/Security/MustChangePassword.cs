namespace Komaki.Management.Web.Infrastructure.Security;

/// A person whose password an administrator set sees only the password form until they choose their own.
public sealed class MustChangePassword(RequestDelegate next)
{
    public const string Claim = "komaki:must_change_password";

    private static readonly string[] Allowed = ["/Account/ChangePassword", "/Account/Logout", "/lib/", "/css/", "/js/", "/img/", "/healthz", "/Home/Status"];

    public Task Invoke(HttpContext context)
    {
        if (context.User.HasClaim(Claim, "1") && !Allowed.Any(a => context.Request.Path.StartsWithSegments(a.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect("/Account/ChangePassword");
            return Task.CompletedTask;
        }
        return next(context);
    }
}
