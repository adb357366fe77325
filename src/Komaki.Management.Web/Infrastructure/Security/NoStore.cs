namespace Komaki.Management.Web.Infrastructure.Security;

/// Pages and files for signed-in staff are never kept by browsers or proxies (a shared PC, a proxy's disk); the public
/// site and open data may be.
public sealed class NoStore(RequestDelegate next)
{
    public Task Invoke(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/public") && !path.StartsWithSegments("/api"))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
