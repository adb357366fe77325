namespace Komaki.Management.Core.Personnel;

/// 人事評価: the person, the evaluators named on it and the personnel division read it — nobody else
/// (PersonnelAccess); its goals are edited as PersonnelWorkflow.CheckGoalEdit says; the personnel division changes its
/// evaluators, never on an evaluation about themselves. Who the reader is to the evaluation comes from the staff
/// register (the reader's staff records), read per request.
public sealed class PersonnelEvaluationRule(PersonnelPages pages) : IRecordRule<PersonnelEvaluation>
{
    /// 評価者の変更 by the personnel division.
    public const string Reassign = nameof(Reassign);

    public const string Unreadable = "人事評価は、本人と評価者、人事担当だけが見られます。";

    public async Task<string?> RefusalAsync(RuleAsker asker, PersonnelEvaluation record, string operation)
    {
        if (operation is not (RecordOperation.Read or RecordOperation.Edit or Reassign)) return RecordOperation.Unknown(operation);
        return Refusal(PersonnelAccess.RelationOf(asker.Actor, await pages.StaffIdsOfAsync(asker.UserId), record), record, operation);
    }

    /// The answer for a reader who stands to the evaluation as the relation says (the goals' rule asks it too).
    public static string? Refusal(PersonnelRelation relation, PersonnelEvaluation record, string operation)
    {
        if (!PersonnelAccess.CanRead(relation)) return Unreadable;
        return operation switch
        {
            RecordOperation.Read => null,
            RecordOperation.Edit => PersonnelWorkflow.CheckGoalEdit(relation, record),
            Reassign => relation.HasFlag(PersonnelRelation.Self) ? "自分の評価の評価者は、別の人事担当が変えます。"
                : !relation.HasFlag(PersonnelRelation.Division) ? "評価者を変えられるのは人事担当です。"
                : null,
            _ => RecordOperation.Unknown(operation),
        };
    }
}
