using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Evaluation;

/// A draft evaluation belongs to its unit and planning until the first review (EvaluationAccess); the unit edits it
/// while its state allows (EvaluationWorkflow). The unit and planning start a project's sheet (asked about as a new
/// evaluation with the project's unit as owner) and take its steps; which step the state allows is the workflow's.
public sealed class ProjectEvaluationRule : IRecordRule<ProjectEvaluation>
{
    public const string Start = nameof(Start);
    public const string TakeStep = nameof(TakeStep);

    public Task<string?> RefusalAsync(RuleAsker asker, ProjectEvaluation record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => ReadRefusal(asker.Actor, record, asker.Org),
        RecordOperation.Edit => EvaluationWorkflow.CanEdit(asker.Actor, record, asker.Org) ? null
            : IsUnitOrPlanning(asker.Actor, record, asker.Org)
                ? $"この評価は「{record.State.Label()}」のため編集できません。"
                : "評価を編集できるのは、その事業の所属と企画課です。",
        Start => IsUnitOrPlanning(asker.Actor, record, asker.Org) ? null : "評価シートを作成できるのは、その事業の所属と企画課です。",
        TakeStep => IsUnitOrPlanning(asker.Actor, record, asker.Org) ? null : "評価の手続きを進められるのは、その事業の所属と企画課です。",
        _ => RecordOperation.Unknown(operation),
    });

    /// Read for one evaluation, for a list that decides every row at once (the year's printout, the sheets).
    public static string? ReadRefusal(Actor actor, ProjectEvaluation evaluation, OrgTree org) =>
        EvaluationAccess.CanRead(actor, evaluation, org) ? null : "公表前の評価は、その事業の所属と企画課だけが見られます。";

    private static bool IsUnitOrPlanning(Actor actor, ProjectEvaluation e, OrgTree org) =>
        EvaluationWorkflow.IsUnit(actor, e.OwnerUnitId, org) || actor.IsPlanMasterEditor;
}
