using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;
using Komaki.Management.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Komaki.Management.Web.Features.Sessions;

/// The person's own signed-in sessions (this browser and others), and ending any or all of the others after the
/// password is entered again — for a PC left signed in at another desk, or a cookie that may have been copied.
[Route("Account/Sessions")]
[Authorize(Policy = Policies.SignedIn)]
public sealed class SessionsController(SessionPages pages, SessionCommands commands, UserManager<AppUser> users, PasswordRecheck recheck, TimeProvider time, ILogger<SessionsController> log)
    : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await ModelAsync());

    [HttpPost("End")]
    [EnableRateLimiting(SecuritySetup.SignInPolicy)]
    public async Task<IActionResult> End(EndSessionsForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var current = User.FindFirst(DatabaseTicketStore.SessionClaim)?.Value;
        var model = await ModelAsync();
        var chosen = form.AllOthers
            ? model.Sessions.Where(s => !s.IsCurrent).Select(s => s.Handle).ToList()
            : form.Sessions.Where(h => h != current).Distinct().ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Sessions), "終了するサインインを選んでください（この端末のサインインは、右上のお名前のメニューの「サインアウト」で終了します）。");
            return View(nameof(Index), model);
        }
        if (!await ValidateAsync(form)) return View(nameof(Index), model);
        if (await recheck.RefusalAsync(this, user, form.Password, nameof(form.Password), () => View(nameof(Index), model)) is { } refused)
            return refused;
        var ended = await commands.EndAsync(user.Id, chosen);
        log.LogInformation("User {UserId} ended {Count} of their other sessions", user.Id, ended);
        TempData["Message"] = ended == 0 ? "選んだサインインは、すでに終了していました。" : $"ほかの端末のサインインを {ended} 件終了しました。";
        return RedirectToAction(nameof(Index));
    }

    private async Task<SessionsModel> ModelAsync()
    {
        var userId = users.GetUserId(User) ?? "";
        var current = User.FindFirst(DatabaseTicketStore.SessionClaim)?.Value;
        var rows = await pages.OfAsync(userId, time.GetUtcNow().UtcDateTime);
        return new SessionsModel(rows.Select(s => new SessionRow(s.Handle, s.CreatedAt, s.ExpiresAt, DeviceName.Of(s.Device), s.Device, s.Address, s.Handle == current))
            .OrderByDescending(s => s.IsCurrent).ToList());
    }
}

/// A browser and system named the way staff would say them, from the User-Agent; the full text is shown beside it.
public static class DeviceName
{
    public static string Of(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent)) return "不明な端末";
        var ua = userAgent;
        var browser = ua.Contains("Edg/", StringComparison.Ordinal) ? "Edge"
            : ua.Contains("Firefox/", StringComparison.Ordinal) ? "Firefox"
            : ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("CriOS/", StringComparison.Ordinal) ? "Chrome"
            : ua.Contains("Safari/", StringComparison.Ordinal) ? "Safari"
            : "ブラウザー";
        var system = ua.Contains("iPhone", StringComparison.Ordinal) ? "iPhone"
            : ua.Contains("iPad", StringComparison.Ordinal) ? "iPad"
            : ua.Contains("Android", StringComparison.Ordinal) ? "Android"
            : ua.Contains("Windows", StringComparison.Ordinal) ? "Windows"
            : ua.Contains("Mac OS X", StringComparison.Ordinal) ? "Mac"
            : ua.Contains("Linux", StringComparison.Ordinal) ? "Linux"
            : null;
        return system is null ? browser : $"{browser}（{system}）";
    }
}
