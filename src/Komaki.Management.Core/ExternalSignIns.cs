using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Personnel;

namespace Komaki.Management.Core;

/// A person as the directory or the OpenID provider vouches for them at sign-in.
/// Key is the directory's immutable id (objectGUID, the provider's subject); never a display name or a mail address.
/// Mail is only where the app writes to the person (the register's address first); it never identifies them.
/// Department is the directory's 所属 (AD's department attribute): compared with the staff register's, never used.
public sealed record ExternalPerson(string Provider, string Key, string LoginName, string? StaffNumber, IReadOnlyList<string> Groups, string? Mail = null,
    string? Department = null);

/// The directory says one 所属 and the staff register (発令日) another: the register's is used, the administrator is told.
public sealed record UnitDifference(string Directory, string Register)
{
    /// 道路課, 都市建設部道路課, 都市建設部 道路課 and ＤＸ推進課 / DX推進課 are one unit: the register's unit name within the
    /// directory's words (or those within the unit's full name) is no difference.
    public static UnitDifference? Of(string? directory, string? registerName, string? registerPath)
    {
        var d = Normal(directory);
        var name = Normal(registerName);
        if (d.Length == 0 || name.Length == 0) return null;
        if (d.Contains(name, StringComparison.Ordinal) || Normal(registerPath).Contains(d, StringComparison.Ordinal)) return null;
        return new UnitDifference(directory!.Trim(), registerPath ?? registerName!);
    }

    private static string Normal(string? s) =>
        new string((s ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c != '・' && c != '/' && c != '／').ToArray()).ToUpperInvariant();
}

/// Why an external sign-in is refused. Each reason has its own page or message (AccountController).
public enum ExternalRefusal
{
    None = 0,
    /// The directory account carries no 職員番号.
    NoStaffNumber,
    /// The 職員番号 is not in the staff register.
    NotInRegister,
    /// 退職: the staff register says the person has left.
    Left,
    /// The account was deactivated in the app.
    Deactivated,
    /// Another directory account is already linked to this person.
    LinkedElsewhere,
    /// None of the person's groups is mapped to a role.
    NoMappedGroup,
    /// An account not linked to the register already uses the person's mail address.
    MailTaken,
}

public sealed record ExternalSignInResult(AppUser? User, ExternalRefusal Refusal, IReadOnlySet<string> Roles, bool RolesChanged, bool UnitChanged, UnitDifference? UnitDiffers = null)
{
    public bool Succeeded => Refusal == ExternalRefusal.None;
}

/// Signs a person in through the directory: linked once by 職員番号 to the staff register, then by the directory's
/// immutable id; roles recomputed from the city's mapping at every sign-in (a change ends the person's other sessions,
/// as any role change does); 所属 from the staff register's 発令日, never from the directory.
public sealed class ExternalSignIns(AppDbContext db, UserManager<AppUser> users) : IUseCase
{
    public async Task<ExternalSignInResult> SignInAsync(ExternalPerson person, DateOnly today, CancellationToken ct = default)
    {
        var none = (IReadOnlySet<string>)new HashSet<string>();
        StaffMember? staff;
        var user = await users.FindByLoginAsync(person.Provider, person.Key);
        if (user is null)
        {
            var number = person.StaffNumber?.Trim();
            if (string.IsNullOrEmpty(number)) return new(null, ExternalRefusal.NoStaffNumber, none, false, false);
            staff = await db.StaffMembers.Include(s => s.Assignments).FirstOrDefaultAsync(s => s.StaffNumber == number, ct);
            if (staff is null) return new(null, ExternalRefusal.NotInRegister, none, false, false);
            if (staff.LeftOn is DateOnly left && left <= today) return new(null, ExternalRefusal.Left, none, false, false);
            user = staff.UserId is null ? null : await users.FindByIdAsync(staff.UserId);
            if (user is not null && (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == person.Provider))
                return new(null, ExternalRefusal.LinkedElsewhere, none, false, false);
            if (user is null)
            {
                var mail = staff.Email ?? person.Mail;
                if (string.IsNullOrWhiteSpace(mail) || await users.FindByEmailAsync(mail) is not null) return new(null, ExternalRefusal.MailTaken, none, false, false);
                user = new AppUser { UserName = await FreeUserNameAsync(person.LoginName, number), Email = mail, EmailConfirmed = true, DisplayName = staff.Name };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
                staff.UserId = user.Id;
                await db.SaveChangesAsync(ct);
            }
            var linked = await users.AddLoginAsync(user, new UserLoginInfo(person.Provider, person.Key, person.Provider));
            if (!linked.Succeeded) throw new InvalidOperationException(string.Join(" ", linked.Errors.Select(e => e.Description)));
        }
        else
        {
            staff = await db.StaffMembers.Include(s => s.Assignments).FirstOrDefaultAsync(s => s.UserId == user.Id, ct);
            if (staff?.LeftOn is DateOnly left && left <= today) return new(user, ExternalRefusal.Left, none, false, false);
        }
        if (!user.IsActive) return new(user, ExternalRefusal.Deactivated, none, false, false);

        var mappings = await db.DirectoryRoleMappings.AsNoTracking().ToListAsync(ct);
        var fromGroups = DirectoryRoles.Of(person.Groups, mappings);
        var current = await users.GetRolesAsync(user);
        var after = DirectoryRoles.After(current, fromGroups);
        var rolesChanged = !after.SetEquals(current);
        if (rolesChanged)
        {
            var removed = current.Where(r => !after.Contains(r)).ToList();
            if (removed.Count > 0) await users.RemoveFromRolesAsync(user, removed);
            var added = after.Where(r => !current.Contains(r)).ToList();
            if (added.Count > 0) await users.AddToRolesAsync(user, added);
        }
        var unit = staff is null ? user.OrgUnitId : UnitOn(staff, today) ?? user.OrgUnitId;
        var unitChanged = unit != user.OrgUnitId;
        if (unitChanged)
        {
            user.OrgUnitId = unit;
            await users.UpdateAsync(user);
        }
        if (rolesChanged || unitChanged)
        {
            // Sessions carry roles and 所属: every older one ends, on every server.
            await users.UpdateSecurityStampAsync(user);
            await db.EndAllAsync(user.Id, ct);
        }
        UnitDifference? differs = null;
        if (staff is not null && UnitOn(staff, today) is int registered && !string.IsNullOrWhiteSpace(person.Department))
        {
            var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.Name, u.ParentId }).ToDictionaryAsync(u => u.Id, ct);
            var path = new List<string>();
            for (int? id = registered; id is int i && units.TryGetValue(i, out var u) && path.Count < 10; id = u.ParentId) path.Insert(0, u.Name);
            differs = UnitDifference.Of(person.Department, units.GetValueOrDefault(registered)?.Name, string.Join(" ", path));
        }
        if (fromGroups.Count == 0) return new(user, ExternalRefusal.NoMappedGroup, after, rolesChanged, unitChanged, differs);
        return new(user, ExternalRefusal.None, after, rolesChanged, unitChanged, differs);
    }

    /// 所属 on the day: the assignment of the latest 発令日 not after it.
    public static int? UnitOn(StaffMember staff, DateOnly today) =>
        staff.Assignments.Where(a => a.StartsOn <= today).OrderByDescending(a => a.StartsOn).ThenByDescending(a => a.Id).FirstOrDefault()?.OrgUnitId;

    private async Task<string> FreeUserNameAsync(string login, string number)
    {
        var name = string.IsNullOrWhiteSpace(login) ? number : login.Trim();
        return await users.FindByNameAsync(name) is null ? name : $"{name}-{number}";
    }

    /// The groups whose mapping would let the person in, for the page that says which group is missing.
    public async Task<IReadOnlyList<DirectoryRoleMapping>> MappingsAsync(CancellationToken ct = default) =>
        await db.DirectoryRoleMappings.AsNoTracking().OrderBy(m => m.Role).ThenBy(m => m.Group).ToListAsync(ct);
}
