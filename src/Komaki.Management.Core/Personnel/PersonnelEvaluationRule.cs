namespace Komaki.Management.Core.Personnel;

/// 人事評価: the person, the evaluators named on it and the personnel division read it — nobody else
/// (PersonnelAccess); its goals are edited as PersonnelWorkflow.CheckGoalEdit says. Who the reader is to the
/// evaluation comes from the staff register (the reader's staff records), read per request.
public sealed class PersonnelEvaluationRule(PersonnelPages pages) : IRecordRule<PersonnelEvaluation>
{
    public async Task<string?> RefusalAsync(RuleAsker asker, PersonnelEvaluation record, string operation)
    {
        if (operation is not (RecordOperation.Read or RecordOperation.Edit)) return RecordOperation.Unknown(operation);
        var relation = PersonnelAccess.RelationOf(asker.Actor, await pages.StaffIdsOfAsync(asker.UserId), record);
        if (!PersonnelAccess.CanRead(relation)) return "人事評価は、本人と評価者、人事担当だけが見られます。";
        return operation == RecordOperation.Edit ? PersonnelWorkflow.CheckGoalEdit(relation, record) : null;
    }
}
