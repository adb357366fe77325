using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

public static class HistoryReaders
{
    /// The reader of a history as the access rules see them.
    public static Actor Actor(this HistoryReader reader) => new(reader.UserName, reader.Roles, reader.UnitId);
}

/// User accounts and their roles: administrators only.
public sealed class AppUserHistory(AppDbContext db) : HistoryKind<AppUser>(typeof(RoleGrant))
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        !reader.IsIn(Roles.Administrator) ? HistoryOpening.Refused
            : HistoryOpening.Read(await db.Users.Where(u => u.Id == recordId).Select(u => "利用者 " + u.DisplayName).FirstOrDefaultAsync() ?? recordId, new("Users", "Index"));
}

/// The directory's group-to-role mapping, like user accounts, is for administrators only.
public sealed class DirectoryRoleMappingHistory(AppDbContext db) : HistoryKind<DirectoryRoleMapping>
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        !reader.IsIn(Roles.Administrator) ? HistoryOpening.Refused
            : HistoryOpening.Read($"ディレクトリのグループ「{(HistoryOpening.IdOf(recordId) is int n ? await db.DirectoryRoleMappings.Where(m => m.Id == n).Select(m => m.Group).FirstOrDefaultAsync() : null) ?? "（外した対応）"}」と役割の対応",
                new("DirectoryMappings", "Index"));
}
