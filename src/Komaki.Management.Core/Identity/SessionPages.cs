using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

/// The person's choice of their other sessions to end, confirmed with their password.
public sealed class EndSessionsForm
{
    /// Handles of the sessions to end; empty with AllOthers.
    public List<string> Sessions { get; set; } = [];
    [Display(Name = "ほかのすべてのセッション")]
    public bool AllOthers { get; set; }
    public string Password { get; set; } = "";
}

/// The password is asked before anything ends; a form posted without it is not counted as a failed attempt.
public sealed class EndSessionsFormValidator : AbstractValidator<EndSessionsForm>
{
    public EndSessionsFormValidator()
    {
        RuleFor(f => f.Password).NotEmpty().WithMessage("終了するには、ご自分のパスワードを入力してください。");
        RuleForEach(f => f.Sessions).MaximumLength(UserSession.HandleLength).WithMessage("選んだサインインが正しくありません。画面を開き直してください。");
    }
}

/// One of the person's sessions still valid, newest first.
public sealed record SessionLine(string Handle, DateTime CreatedAt, DateTime ExpiresAt, string? Device, string? Address);

public sealed class SessionPages(AppDbContext db) : IUseCase
{
    public async Task<List<SessionLine>> OfAsync(string userId, DateTime now) =>
        (await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt).Select(s => new { s.Id, s.CreatedAt, s.ExpiresAt, s.Device, s.Address }).ToListAsync())
        .Select(s => new SessionLine(UserSession.HandleOf(s.Id), s.CreatedAt, s.ExpiresAt, s.Device, s.Address)).ToList();
}

public sealed class SessionCommands(AppDbContext db) : IUseCase
{
    /// Ends the person's sessions whose handles are given, never another user's; how many ended.
    public Task<int> EndAsync(string userId, IReadOnlyCollection<string> handles) => db.EndAsync(userId, handles);
}
