using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;

namespace Komaki.Management.Core.BudgetFormulation;

/// What a line's amount is checked against: the year before's budget (当初, else 査定), the 実施計画's amount for the
/// year, the verdict (方向性) of the project's evaluation given as the year's requests are made (Years: the evaluations
/// that inform the line's budget year) and how many of its indicators were worsening in the year evaluated.
public sealed record LineContext(int ProjectId, long? PreviousBudget, long? PlanAmount, Direction? Verdict, EvaluationYears Years, int WorseningIndicators)
{
    public static readonly LineContext None = new(0, null, null, null, default, 0);
}

/// A project of the 部 active in the year without a request for it (BudgetChecks.Active).
public sealed record UnrequestedProject(int ProjectId, string Code, string Name, int OwnerUnitId, bool InPlan, long? PreviousBudget);

/// Consistency checks like the evaluation's: an amount that goes against the evaluation or the 実施計画 does not forbid
/// the step, but the step needs a recorded reason, and the 査定調書 prints it.
public static class BudgetChecks
{
    public static bool IsReduce(Direction d) => d == Direction.Reduce;

    public static bool IsAbolish(Direction d) => d is Direction.SuspendOrAbolish or Direction.Complete or Direction.AbolishAndReplace;

    public static IReadOnlyList<string> Check(long expenditure, LineContext c, DirectionCatalog directions)
    {
        var findings = new List<string>();
        var verdict = c.Verdict is Direction v ? $"{c.Years.Words}の方向性「{directions.Label(v)}」" : null;
        var more = c.PreviousBudget is long before && expenditure > before;
        if (c.Verdict is Direction a && IsAbolish(a) && expenditure > 0)
            findings.Add($"{verdict}の事業に予算 {Amounts.Thousands(expenditure)}千円 を計上しています。");
        else if (c.Verdict is Direction r && IsReduce(r) && more)
            findings.Add($"{verdict}なのに、前年度の予算 {Amounts.Thousands(c.PreviousBudget)}千円 より {Amounts.Thousands(expenditure - c.PreviousBudget!.Value)}千円 増えています。");
        if (c.WorseningIndicators > 0 && more)
            findings.Add($"指標 {c.WorseningIndicators}件 が悪化傾向なのに、前年度の予算より {Amounts.Thousands(expenditure - c.PreviousBudget!.Value)}千円 増えています。");
        if (c.PlanAmount is long plan && expenditure > plan)
            findings.Add($"実施計画の額 {Amounts.Thousands(plan)}千円 を {Amounts.Thousands(expenditure - plan)}千円 超えています（実施計画の版は変わっていません）。");
        return findings;
    }

    /// Whether committing the stage needs a reason for the 部's active projects without a request: 予算案 is the budget
    /// the council receives, so leaving them out is a decision, not a gap (other stages list them only).
    public static bool AsksUnrequested(BudgetStage stage) => stage == BudgetStage.Proposal;

    /// A project the 部 has not requested for the year although it goes on: retired no, and either in the year's
    /// 実施計画 or not ended (started, no 終了年度 before the year).
    public static bool Active(int year, bool retired, int startYear, int? endYear, bool inPlan) =>
        !retired && (inPlan || (startYear <= year && (endYear is null || endYear >= year)));

    /// The finding beside such a project on the confirmation page.
    public static string Unrequested(UnrequestedProject p) =>
        $"{p.Code} {p.Name}: 続く事業（{(p.InPlan ? "実施計画にある" : "終了年度の前")}）ですが、この年度の要求がありません{(p.PreviousBudget is long b ? $"（前年度の予算 {Amounts.Thousands(b)}千円）" : "")}。";

    public const string UnrequestedReasonMissing = "要求のない続く事業があります。予算に計上しない理由を書いてください（査定調書に載ります）。";

    /// 財源内訳 adds up to the 歳出: the message beside the field when it does not.
    public static string? FundingMismatch(long expenditure, Funding funding)
    {
        var sum = funding.Sum;
        return funding.AddsUpTo(expenditure) ? null
            : $"財源内訳の合計 {Amounts.Thousands(sum)}千円 が歳出 {Amounts.Thousands(expenditure)}千円 と合いません（差 {Amounts.Thousands(expenditure - sum)}千円）。国庫・県・地方債・その他特定・一般財源の合計を歳出に合わせてください。";
    }
}
