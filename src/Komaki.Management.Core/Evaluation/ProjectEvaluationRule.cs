using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Evaluation;

/// A draft evaluation belongs to its unit and planning until the first review (EvaluationAccess); the unit edits it
/// while its state allows (EvaluationWorkflow).
public sealed class ProjectEvaluationRule : IRecordRule<ProjectEvaluation>
{
    public Task<string?> RefusalAsync(RuleAsker asker, ProjectEvaluation record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => EvaluationAccess.CanRead(asker.Actor, record, asker.Org) ? null : "公表前の評価は、その事業の所属と企画課だけが見られます。",
        RecordOperation.Edit => EvaluationWorkflow.CanEdit(asker.Actor, record, asker.Org) ? null
            : EvaluationWorkflow.IsUnit(asker.Actor, record.OwnerUnitId, asker.Org) || asker.Actor.IsPlanMasterEditor
                ? $"この評価は「{record.State.Label()}」のため編集できません。"
                : "評価を編集できるのは、その事業の所属と企画課です。",
        _ => RecordOperation.Unknown(operation),
    });
}
