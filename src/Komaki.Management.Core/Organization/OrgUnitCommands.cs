using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Organization;

/// Reads of the unit form.
public sealed class OrgUnitPages(AppDbContext db) : IUseCase
{
    public Task<OrgUnit?> FindAsync(int id, bool tracking = false) =>
        (tracking ? db.OrgUnits : db.OrgUnits.AsNoTracking()).FirstOrDefaultAsync(u => u.Id == id);

    public static OrgUnitForm FormOf(OrgUnit unit) => new()
    {
        Id = unit.Id, Code = unit.Code, Name = unit.Name, Level = unit.Level, ParentId = unit.ParentId,
        ValidFromYear = unit.ValidFromYear, ValidToYear = unit.ValidToYear, SortOrder = unit.SortOrder, Version = unit.Version,
    };
}

/// Registering and editing 部/課/係. Units are never deleted: a reorganisation ends a unit's validity and starts a new one.
public sealed class OrgUnitCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    /// The parent must exist, be one level up, and not be the unit itself or under it.
    public static CommandResult CheckParent(OrgUnitForm form, OrgTree tree)
    {
        if (form.ParentId is not int parentId) return CommandResult.Ok();
        var parent = tree.Find(parentId);
        if (parent is null) return CommandResult.Refused(nameof(form.ParentId), "上位の組織が見つかりません。");
        if (!OrgUnit.IsValidChildLevel(parent.Level, form.Level))
            return CommandResult.Refused(nameof(form.ParentId), $"{form.Level.Label()}の上位には{(form.Level - 1).Label()}を選んでください。");
        if (form.Id is int id && tree.IsSameOrUnder(parentId, id)) return CommandResult.Refused(nameof(form.ParentId), "自分自身や配下の組織を上位にはできません。");
        return CommandResult.Ok();
    }

    public async Task<CommandResult> CreateAsync(OrgUnitForm form, OrgTree tree)
    {
        var refused = CheckParent(form, tree);
        if (!refused.Succeeded) return refused;
        var unit = new OrgUnit();
        Apply(unit, form);
        db.OrgUnits.Add(unit);
        var saved = await saver.SaveAsync();
        return saved.Succeeded ? saved.WithRecord(unit.Id) : saved;
    }

    /// Saves an edit of a tracked unit (OrgUnitPages.FindAsync with tracking).
    public async Task<CommandResult> EditAsync(OrgUnit unit, OrgUnitForm form, OrgTree tree)
    {
        form.Id = unit.Id;
        var refused = CheckParent(form, tree);
        if (!refused.Succeeded) return refused;
        Apply(unit, form);
        return await saver.SaveEditAsync(unit, form.Version, unit.AuditTarget);
    }

    private static void Apply(OrgUnit unit, OrgUnitForm form)
    {
        unit.Code = form.Code.Trim();
        unit.Name = form.Name.Trim();
        unit.Level = form.Level;
        unit.ParentId = form.ParentId;
        unit.ValidFromYear = form.ValidFromYear;
        unit.ValidToYear = form.ValidToYear;
        unit.SortOrder = form.SortOrder;
    }
}
