namespace Komaki.Management.Core.BudgetFormulation;

/// 予算編成 of a year: every member of staff reads its policy and stages; the 財政課 sets the policy and frames (Edit);
/// the 財政課, the executives and planning read the whole city's lines and totals (ReadCity). A year without a policy
/// yet is asked about as its defaults (BudgetRound.Defaults).
public sealed class BudgetRoundRule : IRecordRule<BudgetRound>
{
    /// The whole city's lines and totals (the others read their own 部's).
    public const string ReadCity = nameof(ReadCity);

    public Task<string?> RefusalAsync(RuleAsker asker, BudgetRound record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => null,
        RecordOperation.Edit => BudgetAccess.IsFinance(asker.Actor) ? null : "予算編成方針と枠を定めるのは財政担当です。",
        ReadCity => BudgetAccess.ReadsAll(asker.Actor) ? null : "全庁の予算要求を見られるのは、財政課・企画課・市長・副市長です（部の職員は自分の部を見られます）。",
        _ => RecordOperation.Unknown(operation),
    });

    /// The stage named in an operation such as "Assess:FinanceAssessment", or null.
    internal static BudgetStage? StageOf(string operation, string prefix) =>
        operation.StartsWith(prefix, StringComparison.Ordinal) && Enum.TryParse<BudgetStage>(operation[prefix.Length..], out var stage) && Enum.IsDefined(stage) ? stage : null;
}
