using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Plans;

/// How far a user may edit an element: planning the whole of it; a department head the content of the unit's
/// project, never its place in the plan or its owner.
public enum ElementEditAccess
{
    Full,
    RecordOnly,
}

/// Creating, editing, retiring and reinstating elements of the policy tree.
public sealed class PlanElementCommands(AppDbContext db, PlanElementPages pages, RecordSaver saver) : IUseCase
{
    public static ElementEditAccess? EditAccess(Actor actor, PlanElement element, OrgTree org)
    {
        if (PlanAccess.CanEditStructure(actor)) return ElementEditAccess.Full;
        if (element is Project p && PlanAccess.CanEditUnitRecord(actor, p.OwnerUnitId, org)) return ElementEditAccess.RecordOnly;
        return null;
    }

    /// A validated form becomes a new element under its parent; the result names the new element's id.
    public async Task<CommandResult> CreateAsync(PlanElementForm form)
    {
        var refused = await CheckReferencesAsync(form);
        if (!refused.Succeeded) return refused;
        var element = New(form.Level, form.ParentId);
        Apply(element, form, structure: true);
        db.Add(element);
        var saved = await saver.SaveAsync();
        return saved.Succeeded ? saved.WithRecord(element.Id) : saved;
    }

    /// A new element of the level under its parent, before its form is applied.
    public static PlanElement New(PlanLevel level, int parentId) => level switch
    {
        PlanLevel.Policy => new Policy { BasicPlanId = parentId },
        PlanLevel.Measure => new Measure { PolicyId = parentId },
        PlanLevel.BasicProject => new BasicProject { MeasureId = parentId },
        _ => new Project { MeasureId = parentId },
    };

    /// Saves an edit; with record-only access the structure fields are kept as they were, whatever was posted.
    public async Task<CommandResult> EditAsync(PlanElement element, PlanElementForm form, ElementEditAccess access)
    {
        var structure = access == ElementEditAccess.Full;
        if (!structure) KeepStructure(form, element);
        var refused = await CheckReferencesAsync(form);
        if (!refused.Succeeded) return refused;
        Apply(element, form, structure);
        return await saver.SaveEditAsync(element, form.Version, element.AuditTarget);
    }

    public async Task<CommandResult> RetireAsync(PlanElement element, RetireForm form, DateTime now)
    {
        var result = new CommandResult();
        if (element.IsRetired) result.Add(string.Empty, "この項目は既に廃止されています。");
        var activeChildren = await pages.ActiveChildCountAsync(element);
        if (activeChildren > 0) result.Add(string.Empty, $"配下に有効な項目が {activeChildren} 件あります。先にそれらを廃止するか、別の項目へ移してください。");
        if (!result.Succeeded) return result;
        element.Retire(now, form.Reason.Trim());
        return await saver.SaveEditAsync(element, form.Version, element.AuditTarget);
    }

    public Task<CommandResult> ReinstateAsync(PlanElement element, int version)
    {
        element.Reinstate();
        return saver.SaveEditAsync(element, version, element.AuditTarget);
    }

    /// A department head's form keeps the element's place in the plan and its owner.
    public static void KeepStructure(PlanElementForm form, PlanElement element)
    {
        var original = PlanElementForm.From(element);
        form.Code = original.Code;
        form.ParentId = original.ParentId;
        form.BasicProjectId = original.BasicProjectId;
        form.OwnerUnitId = original.OwnerUnitId;
        form.IsMajor = original.IsMajor;
        form.SortOrder = original.SortOrder;
    }

    private static void Apply(PlanElement element, PlanElementForm form, bool structure)
    {
        element.Name = form.Name.Trim();
        element.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        if (element is Project project)
        {
            project.StartYear = form.StartYear ?? project.StartYear;
            project.EndYear = form.EndYear;
        }
        if (!structure) return;
        element.Code = form.Code.Trim();
        element.SortOrder = form.SortOrder;
        switch (element)
        {
            case Policy p: p.BasicPlanId = form.ParentId; break;
            case Measure m:
                m.PolicyId = form.ParentId;
                m.OwnerUnitId = form.OwnerUnitId;
                m.Weight = NumberText.TryParse(form.Weight, out var w) && w is decimal weight ? weight : 1m;
                break;
            case BasicProject b: b.MeasureId = form.ParentId; break;
            case Project p:
                p.MeasureId = form.ParentId;
                p.BasicProjectId = form.BasicProjectId;
                p.OwnerUnitId = form.OwnerUnitId!.Value;
                p.IsMajor = form.IsMajor;
                break;
        }
    }

    /// What needs the database: the parent exists, the code is unique within the plan period, the owner unit
    /// exists, and a basic project belongs to the chosen measure.
    public async Task<CommandResult> CheckReferencesAsync(PlanElementForm form)
    {
        var basicPlanId = form.Level switch
        {
            PlanLevel.Policy => await db.BasicPlans.Where(b => b.Id == form.ParentId).Select(b => (int?)b.Id).FirstOrDefaultAsync(),
            PlanLevel.Measure => await db.Policies.Where(p => p.Id == form.ParentId).Select(p => (int?)p.BasicPlanId).FirstOrDefaultAsync(),
            _ => await db.Measures.Where(m => m.Id == form.ParentId).Select(m => (int?)m.Policy!.BasicPlanId).FirstOrDefaultAsync(),
        };
        if (basicPlanId is null) return CommandResult.Refused(nameof(form.ParentId), "上位の項目が見つかりません。");
        var result = new CommandResult();
        var code = form.Code.Trim();
        var id = form.Id ?? 0;
        var clash = form.Level switch
        {
            PlanLevel.Policy => await db.Policies.Where(p => p.BasicPlanId == basicPlanId && p.Code == code && p.Id != id).Select(p => p.Name).FirstOrDefaultAsync(),
            PlanLevel.Measure => await db.Measures.Where(m => m.Policy!.BasicPlanId == basicPlanId && m.Code == code && m.Id != id).Select(m => m.Name).FirstOrDefaultAsync(),
            PlanLevel.BasicProject => await db.BasicProjects.Where(b => b.Measure!.Policy!.BasicPlanId == basicPlanId && b.Code == code && b.Id != id).Select(b => b.Name).FirstOrDefaultAsync(),
            _ => await db.Projects.Where(p => p.Measure!.Policy!.BasicPlanId == basicPlanId && p.Code == code && p.Id != id).Select(p => p.Name).FirstOrDefaultAsync(),
        };
        if (clash is not null) result.Add(nameof(form.Code), $"コード「{code}」は、この計画期間の「{clash}」で既に使われています。");
        if (form.OwnerUnitId is int unit && !await db.OrgUnits.AnyAsync(u => u.Id == unit))
            result.Add(nameof(form.OwnerUnitId), "担当課が見つかりません。");
        if (form.Level == PlanLevel.Project && form.BasicProjectId is int bp
            && !await db.BasicProjects.AnyAsync(b => b.Id == bp && b.MeasureId == form.ParentId))
            result.Add(nameof(form.BasicProjectId), "基本事業は、選んだ施策に属するものを選んでください。");
        return result;
    }
}
