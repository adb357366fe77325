using Komaki.Management.Core.Data;
using Komaki.Management.Core.Personnel;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Komaki.Management.Web.Infrastructure;

/// What the read log calls a read by this action (「画面」 when not named).
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadLogAsAttribute(string what) : Attribute
{
    public string What { get; } = what;
}

/// Writes the read log of 人事評価 for whatever the request read (PersonnelReads gathers it where the sheet's data is
/// read), once the action has chosen its result: a page, a refused step shown again, a file — or a refusal, logged as
/// 「拒否（…）」. A refused read of a personnel or risk record leaves a log line too, even when no record was found.
/// One place for every controller, so a new page that reads an evaluation cannot forget the log.
public sealed partial class ReadLogFilter(PersonnelReads reads, CurrentUser me, IServiceScopeFactory scopes, TimeProvider time, ILogger<ReadLogFilter> log) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var status = context.Result is IStatusCodeActionResult { StatusCode: int s } ? s : StatusCodes.Status200OK;
        var refused = status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound;
        var path = context.HttpContext.Request.Path;
        if (refused && (path.StartsWithSegments("/Personnel") || path.StartsWithSegments("/Control")))
            RefusedRead(log, path.Value ?? "", status, me.Actor.UserName, me.UserId);
        if (reads.Read.Count > 0)
        {
            var what = (context.ActionDescriptor.EndpointMetadata.OfType<ReadLogAsAttribute>().FirstOrDefault()?.What ?? "画面");
            // A context of its own: the request's may hold changes a refused step did not save.
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            PersonnelReads.Write(db, me.Actor.UserName, me.UserId.Length == 0 ? null : me.UserId, reads.Read, refused ? $"拒否（{what}）" : what, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            reads.Logged();
        }
        await next();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused read of {Path} ({Status}) by {UserName} ({UserId})")]
    private static partial void RefusedRead(ILogger logger, string path, int status, string userName, string userId);
}
