namespace Komaki.Management.Core.Identity;

public sealed class DirectoryMappingForm
{
    public string? Group { get; set; }
    public string? Role { get; set; }
}

/// The administrator's mapping of directory groups to roles. Every change is in the history (DirectoryRoleMapping),
/// and takes effect at each person's next sign-in.
public sealed class DirectoryMappingCommands(AppDbContext db) : IUseCase
{
    public Task<List<DirectoryRoleMapping>> ListAsync(CancellationToken ct = default) =>
        db.DirectoryRoleMappings.AsNoTracking().OrderBy(m => m.Key).ThenBy(m => m.Role).ToListAsync(ct);

    public async Task<CommandResult> AddAsync(DirectoryMappingForm form, CancellationToken ct = default)
    {
        var result = new CommandResult();
        var group = form.Group?.Trim() ?? "";
        var key = DirectoryRoles.KeyOf(group);
        if (key.Length == 0) result.Add(nameof(form.Group), "ディレクトリのグループ名を入力してください。");
        else if (group.Length > DirectoryRoleMapping.GroupMaxLength) result.Add(nameof(form.Group), $"グループ名は{DirectoryRoleMapping.GroupMaxLength}文字以内で入力してください。");
        if (form.Role is null || !Roles.All.Contains(form.Role)) result.Add(nameof(form.Role), "役割を選んでください。");
        else if (DirectoryRoles.LocalOnly.Contains(form.Role))
            result.Add(nameof(form.Role), $"{Roles.Label(form.Role)}はディレクトリのグループでは与えません。アプリのアカウント（職員の管理）で個別に付与してください。");
        if (!result.Succeeded) return result;
        if (await db.DirectoryRoleMappings.AnyAsync(m => m.Key == key && m.Role == form.Role, ct))
            return CommandResult.Refused(nameof(form.Group), $"「{group}」はすでに{Roles.Label(form.Role!)}に対応付けられています。");
        var mapping = new DirectoryRoleMapping { Group = group, Key = key, Role = form.Role! };
        db.DirectoryRoleMappings.Add(mapping);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(mapping.Id);
    }

    public async Task<DirectoryRoleMapping?> RemoveAsync(int id, CancellationToken ct = default)
    {
        var mapping = await db.DirectoryRoleMappings.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mapping is null) return null;
        db.DirectoryRoleMappings.Remove(mapping);
        await db.SaveChangesAsync(ct);
        return mapping;
    }
}
