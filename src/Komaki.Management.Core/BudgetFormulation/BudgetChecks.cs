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

    /// 財源内訳 adds up to the 歳出: the message beside the field when it does not.
    public static string? FundingMismatch(long expenditure, Funding funding)
    {
        var sum = funding.Sum;
        return funding.AddsUpTo(expenditure) ? null
            : $"財源内訳の合計 {Amounts.Thousands(sum)}千円 が歳出 {Amounts.Thousands(expenditure)}千円 と合いません（差 {Amounts.Thousands(expenditure - sum)}千円）。国庫・県・地方債・その他特定・一般財源の合計を歳出に合わせてください。";
    }
}
