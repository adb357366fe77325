using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Goals;

/// A goal in draft is its unit's and the top's (GoalWorkflow.CanRead); its content is edited by the unit head while
/// the workflow allows (GoalWorkflow.CanEditContent).
public sealed class OrganizationalGoalRule : IRecordRule<OrganizationalGoal>
{
    public Task<string?> RefusalAsync(RuleAsker asker, OrganizationalGoal record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => GoalWorkflow.CanRead(asker.Actor, record, asker.Org) ? null : "この組織目標は、その所属と市長・副市長・企画課だけが見られます（提出前）。",
        RecordOperation.Edit => GoalWorkflow.CanEditContent(asker.Actor, record, asker.Org) ? null
            : GoalWorkflow.IsUnitHead(asker.Actor, record.OrgUnitId, asker.Org) || asker.Actor.IsPlanMasterEditor
                ? $"この目標は「{record.State.Label()}」のため内容を変更できません。"
                : "組織目標の内容を変更できるのは、その所属の長と企画課です。",
        _ => RecordOperation.Unknown(operation),
    });
}
