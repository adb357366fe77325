using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Plans;

/// Every staff member reads the plan; planning edits all of it, a department head the content of the unit's
/// projects (PlanElementCommands.EditAccess). Creating, retiring and reinstating change the tree itself: planning's
/// alone (PlanAccess.CanEditStructure); a new element is asked about as one of its level under its parent.
public sealed class PlanElementRule : IRecordRule<PlanElement>
{
    public const string EditStructure = nameof(EditStructure);

    public Task<string?> RefusalAsync(RuleAsker asker, PlanElement record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => null,
        RecordOperation.Edit => PlanElementCommands.EditAccess(asker.Actor, record, asker.Org) is null
            ? record is Project ? "事務事業を変更できるのは、その事業の担当部課の長と企画課です。" : "政策・施策の体系を変更できるのは企画課です。"
            : null,
        EditStructure => PlanAccess.CanEditStructure(asker.Actor) ? null : "政策・施策の体系を変更できるのは企画課です。",
        _ => RecordOperation.Unknown(operation),
    });
}
