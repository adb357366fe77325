using Komaki.Management.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Komaki.Management.Web.Features.Sessions;

public sealed class EndSessionsForm
{
    /// Handles of the sessions to end; empty with AllOthers.
    public List<string> Sessions { get; set; } = [];
    public bool AllOthers { get; set; }
    public string Password { get; set; } = "";
}

public sealed record SessionRow(string Handle, DateTime CreatedAt, DateTime ExpiresAt, string Device, string? UserAgent, string? Address, bool IsCurrent);

public sealed record SessionsModel(IReadOnlyList<SessionRow> Sessions);
