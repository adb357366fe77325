using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure.Authorization;
using Komaki.Management.Web.Infrastructure.Directory;

namespace Komaki.Management.Web.Features.SignInLog;

/// サインイン記録: the sign-in history the city keeps in the app (beside the log server's events 3201–3206).
/// Administrators only.
[Authorize(Policy = Policies.Administrator)]
[Route("SignInLog")]
public sealed class SignInLogController(SignInHistory log, SignInLogCleanup cleanup) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? kind, int page = 1) =>
        View(new SignInLogModel(await log.PageAsync(q, kind, page), cleanup.RetentionDays));
}

public sealed record SignInLogModel(SignInLogPage Page, int RetentionDays);
