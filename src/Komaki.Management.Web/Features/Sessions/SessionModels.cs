namespace Komaki.Management.Web.Features.Sessions;

public sealed record SessionRow(string Handle, DateTime CreatedAt, DateTime ExpiresAt, string Device, string? UserAgent, string? Address, bool IsCurrent);

public sealed record SessionsModel(IReadOnlyList<SessionRow> Sessions);
