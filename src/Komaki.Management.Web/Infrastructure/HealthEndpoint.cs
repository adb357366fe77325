using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Web.Infrastructure;

/// The schema as last checked: at start, after migrating, and again when /healthz is asked to (`?schema=check`) or
/// while it was found behind. A healthy /healthz then costs one connection, not a read of the migrations history.
public sealed class SchemaState
{
    private volatile Snapshot? _last;

    public sealed record Snapshot(IReadOnlyList<string> Pending, int Applied, DateTime CheckedAt);

    public Snapshot? Last => _last;

    public async Task<Snapshot> CheckAsync(AppDbContext db, DateTime now, CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).Count();
        return _last = new Snapshot(pending, applied, now);
    }
}

/// `/healthz`: can the app reach its database, and is the schema up to date. 200 when healthy, 503 otherwise.
public static class HealthEndpoint
{
    public static void MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (AppDbContext db, SchemaState schema, CityClock clock, string? check, CancellationToken ct) =>
        {
            try
            {
                var canConnect = await db.Database.CanConnectAsync(ct);
                var state = schema.Last;
                if (canConnect && (check == "schema" || state is null || state.Pending.Count > 0)) state = await schema.CheckAsync(db, clock.UtcNow, ct);
                var healthy = canConnect && state is { Pending.Count: 0 };
                return Results.Json(new
                {
                    status = healthy ? "healthy" : "unhealthy",
                    database = new
                    {
                        provider = db.Database.ProviderName,
                        canConnect,
                        pendingMigrations = state?.Pending ?? [],
                        appliedMigrations = state?.Applied ?? 0,
                        schemaCheckedAt = state?.CheckedAt,
                    },
                }, statusCode: healthy ? 200 : 503);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
            {
                return Results.Json(new { status = "unhealthy", database = new { canConnect = false, error = ex.Message } }, statusCode: 503);
            }
        }).AllowAnonymous();
}
