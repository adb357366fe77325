namespace Komaki.Management.Core.BudgetFormulation;

/// One 部 in one year's 予算編成: what its totals, its frame and its stages are decided on. Not stored — the 部 is an
/// OrgUnit and its stages are BudgetStageCommit rows — but asked about as a record (BudgetDepartmentRule).
public sealed record BudgetDepartment(int FiscalYear, int DepartmentId);

/// A 部's 予算編成: its staff, the 財政課, the executives and planning read its totals and lines (CanReadDepartment); the
/// 財政課 commits its stages (市長査定 also the mayor) and exports its 査定調書.
public sealed class BudgetDepartmentRule : IRecordRule<BudgetDepartment>
{
    private const string CommitPrefix = "Commit:";

    /// Committing the stage for the 部 (財政課査定 … 予算案; 要求 is submitted line by line).
    public static string Commit(BudgetStage stage) => CommitPrefix + stage;

    /// The 査定調書 in Excel: the 財政課's working paper.
    public const string ExportChousho = nameof(ExportChousho);

    public Task<string?> RefusalAsync(RuleAsker asker, BudgetDepartment record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => BudgetAccess.CanReadDepartment(asker.Actor, record.DepartmentId, asker.Org)
            ? null : "この部の予算要求を見られるのは、その部の職員・財政課・市長・副市長・企画です。",
        ExportChousho => BudgetAccess.IsFinance(asker.Actor) ? null : "査定調書を Excel に出力できるのは財政担当です。",
        _ when BudgetRoundRule.StageOf(operation, CommitPrefix) is BudgetStage stage => BudgetAccess.CheckAssess(asker.Actor, stage, record.DepartmentId, asker.Org),
        _ => RecordOperation.Unknown(operation),
    });
}
