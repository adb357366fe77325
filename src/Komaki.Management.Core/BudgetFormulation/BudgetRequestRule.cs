namespace Komaki.Management.Core.BudgetFormulation;

/// 予算要求: its 課 and 部 read it, as do the 財政課, the executives and planning (BudgetAccess.CanRead); the 課 enters it
/// until it is submitted (CheckEnter), its head submits it — never one they entered (CheckSubmit) — and asks for
/// 復活要求 (CheckRestore); an assessor drafts a stage's amounts for it, never for their own 課 (CheckAssessLine). A
/// request not yet entered is asked about as a new request of the 課.
public sealed class BudgetRequestRule : IRecordRule<BudgetRequest>
{
    public const string Submit = nameof(Submit);

    /// 復活要求.
    public const string Restore = nameof(Restore);

    private const string AssessPrefix = "Assess:";

    /// An assessor's draft of the stage for this line (財政課査定, 市長査定, 復活査定 — answering a 復活要求 — and 予算案).
    public static string Assess(BudgetStage stage) => AssessPrefix + stage;

    public Task<string?> RefusalAsync(RuleAsker asker, BudgetRequest record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => BudgetAccess.CanRead(asker.Actor, record.OrgUnitId, asker.Org) ? null : "予算要求は、その課と部、財政課・企画課・市長・副市長が見られます。",
        RecordOperation.Edit => BudgetAccess.CheckEnter(asker.Actor, record.OrgUnitId, record, asker.Org),
        Submit => BudgetAccess.CheckSubmit(asker.Actor, record, asker.Org),
        Restore => BudgetAccess.CheckRestore(asker.Actor, record, asker.Org),
        _ when BudgetRoundRule.StageOf(operation, AssessPrefix) is BudgetStage stage => BudgetAccess.CheckAssessLine(asker.Actor, stage, record, asker.Org),
        _ => RecordOperation.Unknown(operation),
    });
}
