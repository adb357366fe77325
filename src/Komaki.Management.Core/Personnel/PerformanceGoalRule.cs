namespace Komaki.Management.Core.Personnel;

/// A 業績目標: once its evaluation is open, asked about as that evaluation (PersonnelEvaluationRule — the person,
/// the evaluators named on it and the personnel division read it; it is edited as PersonnelWorkflow.CheckGoalEdit
/// says); before, it is its writer's own draft, which only they read and edit.
public sealed class PerformanceGoalRule(PersonnelPages pages) : IRecordRule<PerformanceGoal>
{
    public async Task<string?> RefusalAsync(RuleAsker asker, PerformanceGoal record, string operation)
    {
        if (operation is not (RecordOperation.Read or RecordOperation.Edit)) return RecordOperation.Unknown(operation);
        if (record.PersonnelEvaluationId is not int id)
            return record.OwnerUserId is not null && record.OwnerUserId == asker.UserId ? null : "評価が始まる前の業績目標は、書いた本人だけが見られます。";
        if (await pages.HeadOfAsync(id) is not { } evaluation) return PersonnelEvaluationRule.Unreadable;
        return PersonnelEvaluationRule.Refusal(PersonnelAccess.RelationOf(asker.Actor, await pages.StaffIdsOfAsync(asker.UserId), evaluation), evaluation, operation);
    }
}
