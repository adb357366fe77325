using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core;

/// An account and its role on the list of accounts.
public sealed record UserRow(AppUser User, string Role);

/// A sensitive role waiting for a second administrator, and why the reader may not confirm it (null when they may).
public sealed record PendingGrant(RoleGrant Grant, string Person, string? Refusal);

/// The staff register's person behind the account, for the link to 退職日.
public sealed record StaffLink(int Id, string StaffNumber, DateOnly? LeftOn);

/// What the administrators' account pages read. It sits above the features: an account joins the staff register.
public sealed class UserPages(AppDbContext db) : IUseCase
{
    /// Accounts by mail address (the words looked for in the address and the name), and every grant still waiting.
    public async Task<(Paged<UserRow> Users, List<PendingGrant> Pending)> IndexAsync(string? q, int page, int pageSize, string adminId)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(u => u.Email!.Contains(q) || u.DisplayName.Contains(q));
        var paged = await query.OrderBy(u => u.Email).ToPagedAsync(page, pageSize);
        var ids = paged.Items.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync();
        var rows = paged.Items.Select(u => new UserRow(u, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "")).ToList();
        var pending = await (from g in db.RoleGrants.AsNoTracking() join u in db.Users on g.UserId equals u.Id where g.ConfirmedAt == null orderby g.RequestedAt select new { g, u.DisplayName, u.Email })
            .ToListAsync();
        return (new Paged<UserRow>(rows, paged.Page, paged.PageSize, paged.Total),
            pending.Select(p => new PendingGrant(p.g, $"{p.DisplayName}（{p.Email}）", p.g.RefusalToConfirm(adminId))).ToList());
    }

    public Task<StaffLink?> StaffOfAsync(string userId) =>
        db.StaffMembers.AsNoTracking().Where(s => s.UserId == userId).Select(s => new StaffLink(s.Id, s.StaffNumber, s.LeftOn)).FirstOrDefaultAsync();
}
