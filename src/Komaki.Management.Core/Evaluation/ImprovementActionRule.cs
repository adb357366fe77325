using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Evaluation;

/// An improvement is as private as the evaluation that opened it (EvaluationAccess); its unit's head or planning
/// propose its answer (Edit); planning outside the improvement's unit, and not the proposer, confirms it or sends it back
/// (Confirm); only planning reopens a closed one.
public sealed class ImprovementActionRule(AppDbContext db) : IRecordRule<ImprovementAction>
{
    /// Putting a closed improvement back to 対応中.
    public const string Reopen = nameof(Reopen);

    /// Confirming the division's proposed answer (or closing), or sending it back.
    public const string Confirm = nameof(Confirm);

    public async Task<string?> RefusalAsync(RuleAsker asker, ImprovementAction record, string operation)
    {
        var actor = asker.Actor;
        switch (operation)
        {
            case RecordOperation.Read:
                var source = record.ProjectEvaluation?.State ?? (record.ProjectEvaluationId is int id
                    ? await db.ProjectEvaluations.AsNoTracking().Where(e => e.Id == id).Select(e => (EvaluationState?)e.State).FirstOrDefaultAsync()
                    : null);
                return ReadRefusal(actor, record, source, asker.Org);
            case RecordOperation.Edit:
                return actor.IsPlanMasterEditor || EvaluationWorkflow.IsUnitHead(actor, record.OwnerUnitId, asker.Org)
                    ? null : "改善の反映先を記録できるのは、その事業の所属長と企画課です。";
            case Confirm:
                return ConfirmRefusal(actor, record, asker.Org);
            case Reopen:
                return actor.IsPlanMasterEditor ? null : "改善を対応中に戻せるのは企画課です。";
            default:
                return RecordOperation.Unknown(operation);
        }
    }

    public static string? ConfirmRefusal(Actor actor, ImprovementAction record, OrgTree org) =>
        !actor.IsPlanMasterEditor ? "改善の反映案を確認するのは企画課（評価部局）です。"
        : SeparationOfDuties.IsAboutOwnUnit(actor, record.OwnerUnitId, org) ? "自分の所属の改善は確認できません。所属の外の企画課の職員が確認します。"
        : string.Equals(record.ProposedByUser, actor.UserName, StringComparison.OrdinalIgnoreCase) ? "自分が出した反映案は確認できません。別の職員が確認します。"
        : null;

    /// Read for a list that decides every row at once; sourceState is the state of the evaluation that opened the
    /// improvement (null for one opened by the forum).
    public static string? ReadRefusal(Actor actor, ImprovementAction record, EvaluationState? sourceState, OrgTree org) =>
        EvaluationAccess.CanRead(actor, record, sourceState, org) ? null : "公表前の評価から出た改善は、その事業の所属と企画課だけが見られます。";
}
