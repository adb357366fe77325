using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

/// Reads of the mapping page.
public sealed class DirectoryMappingPages(AppDbContext db) : IUseCase
{
    public Task<List<DirectoryRoleMapping>> ListAsync(CancellationToken ct = default) =>
        db.DirectoryRoleMappings.AsNoTracking().OrderBy(m => m.Key).ThenBy(m => m.Role).ToListAsync(ct);
}

/// The administrator's mapping of directory groups to roles. Every change is in the history (DirectoryRoleMapping),
/// and takes effect at each person's next sign-in.
public sealed class DirectoryMappingCommands(AppDbContext db) : IUseCase
{
    public async Task<CommandResult> AddAsync(DirectoryMappingForm form, CancellationToken ct = default)
    {
        var checks = await new DirectoryMappingFormValidator().ValidateAsync(form, ct);
        if (!checks.IsValid) return CommandResult.Refused(checks.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)));
        var group = form.Group!.Trim();
        var key = DirectoryRoles.KeyOf(group);
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
