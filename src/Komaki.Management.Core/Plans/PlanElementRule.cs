namespace Komaki.Management.Core.Plans;

/// Every staff member reads the plan; planning edits all of it, a department head the content of the unit's
/// projects (PlanElementCommands.EditAccess).
public sealed class PlanElementRule : IRecordRule<PlanElement>
{
    public Task<string?> RefusalAsync(RuleAsker asker, PlanElement record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => null,
        RecordOperation.Edit => PlanElementCommands.EditAccess(asker.Actor, record, asker.Org) is null
            ? record is Project ? "事務事業を変更できるのは、その事業の担当部課の長と企画課です。" : "政策・施策の体系を変更できるのは企画課です。"
            : null,
        _ => RecordOperation.Unknown(operation),
    });
}
