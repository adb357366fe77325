namespace Komaki.Management.Web.Infrastructure;

/// `/healthz`: can the app reach its database, and is the schema up to date. 200 when healthy, 503 otherwise.
public static class HealthEndpoint
{
    public static void MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (AppDbContext db, CancellationToken ct) =>
        {
            try
            {
                var canConnect = await db.Database.CanConnectAsync(ct);
                var pending = canConnect ? (await db.Database.GetPendingMigrationsAsync(ct)).ToList() : [];
                var healthy = canConnect && pending.Count == 0;
                return Results.Json(new
                {
                    status = healthy ? "healthy" : "unhealthy",
                    database = new
                    {
                        provider = db.Database.ProviderName,
                        canConnect,
                        pendingMigrations = pending,
                        appliedMigrations = canConnect ? (await db.Database.GetAppliedMigrationsAsync(ct)).Count() : 0,
                    },
                }, statusCode: healthy ? 200 : 503);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
            {
                return Results.Json(new { status = "unhealthy", database = new { canConnect = false, error = ex.Message } }, statusCode: 503);
            }
        }).AllowAnonymous();
}
