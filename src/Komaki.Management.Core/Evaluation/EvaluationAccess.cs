using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Evaluation;

/// Who may read an evaluation, wherever it shows (its sheet, next year's sheet, lists, measure pages, the mayor's
/// view, improvements, exports, history). Published evaluations are everyone's. Before publication an evaluation is
/// its unit's (and the units' above it), planning's and administrators' — not other units', not the executives',
/// not reviewers'. An improvement opened by an evaluation not yet published is as private as the evaluation.
public static class EvaluationAccess
{
    public static bool CanRead(Actor actor, EvaluationState state, int ownerUnitId, OrgTree tree) =>
        state == EvaluationState.Published || actor.IsPlanMasterEditor || EvaluationWorkflow.IsUnit(actor, ownerUnitId, tree);

    public static bool CanRead(Actor actor, ProjectEvaluation evaluation, OrgTree tree) =>
        CanRead(actor, evaluation.State, evaluation.OwnerUnitId, tree);

    /// sourceState: the state of the evaluation that opened the action, or null for one opened by the forum.
    public static bool CanRead(Actor actor, ImprovementAction action, EvaluationState? sourceState, OrgTree tree) =>
        sourceState is null || CanRead(actor, sourceState.Value, action.OwnerUnitId, tree);
}
