using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Web.Infrastructure.Security;

public enum RecheckResult { Confirmed, Wrong, TooManyAttempts, LockedOut }

/// The current password asked again before something only its owner should do (changing it, ending sessions).
/// A wrong one counts towards the lockout like a failed sign-in, so these forms cannot be used to guess; when the
/// account locks, every session of it ends.
public sealed class PasswordRecheck(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInThrottle throttle, AppDbContext db, ILogger<PasswordRecheck> log)
{
    public async Task<RecheckResult> CheckAsync(AppUser user, string? password)
    {
        if (!throttle.TryAttempt(user.Email)) return RecheckResult.TooManyAttempts;
        if (await users.CheckPasswordAsync(user, password ?? "")) return RecheckResult.Confirmed;
        await users.AccessFailedAsync(user);
        log.LogWarning("Password re-entry failed for user {UserId}", user.Id);
        if (!await users.IsLockedOutAsync(user)) return RecheckResult.Wrong;
        log.LogWarning("User {UserId} locked out after wrong password re-entries; all sessions ended", user.Id);
        await db.EndAllAsync(user.Id);
        return RecheckResult.LockedOut;
    }

    /// Checks the password and, unless it is confirmed, returns what the controller answers: 429, the sign-in page
    /// after a lockout, or the form again with the message beside the password field.
    public async Task<IActionResult?> RefusalAsync(Controller controller, AppUser user, string? password, string field, Func<IActionResult> formAgain)
    {
        switch (await CheckAsync(user, password))
        {
            case RecheckResult.TooManyAttempts:
                return controller.StatusCode(StatusCodes.Status429TooManyRequests);
            case RecheckResult.LockedOut:
                await signIn.SignOutAsync();
                controller.TempData["Message"] = LockedOutMessage;
                return controller.RedirectToAction("Login", "Account");
            case RecheckResult.Wrong:
                controller.ModelState.AddModelError(field, WrongMessage);
                return formAgain();
            default:
                return null;
        }
    }

    public const string LockedOutMessage = "現在のパスワードを続けて間違えたため、このアカウントは15分間サインインできません。";
    public const string WrongMessage = "現在のパスワードが正しくありません。";
}
