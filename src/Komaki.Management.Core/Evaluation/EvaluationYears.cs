using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Evaluation;

/// The years around the verdicts given in one year — the one place that says which verdict informs which budget, read
/// by the request page, the consistency checks and the 評価の効き目 report, so that they cannot part.
/// ProjectEvaluation.FiscalYear is the year evaluated (対象年度); its verdict is given the year after (評価実施年度),
/// while that year's 当初予算 is in force, and the requests made that autumn are the next year's. So the evaluations
/// carried out in year N (対象 N−1) are weighed against N's 当初予算 and first inform N+1's budget — 「令和7年度の評価」
/// in a city's words is the one carried out in 令和7.
public readonly record struct EvaluationYears(int EvaluationYear)
{
    /// The ProjectEvaluation.FiscalYear of the verdicts given in EvaluationYear (the year they evaluated).
    public int Evaluated => EvaluationYear - 1;

    /// The budget in force when the verdicts were given: the base the change is measured from.
    public int BaseBudget => EvaluationYear;

    /// The budget the verdicts first inform: its requests are made after the verdicts are published.
    public int InformedBudget => EvaluationYear + 1;

    /// The years of the verdict of a ProjectEvaluation.FiscalYear.
    public static EvaluationYears OfEvaluated(int fiscalYear) => new(fiscalYear + 1);

    /// The years of the verdicts a budget year's requests are checked against.
    public static EvaluationYears Informing(int budgetYear) => new(budgetYear - 1);

    /// 「令和7年度に行った評価（令和6年度の事業が対象）」.
    public string Words => Describe(EvaluationYear, Evaluated);

    /// 「令和7年度に行った評価（令和6年度の事業が対象）→ 令和7年度当初予算から令和8年度へ」.
    public string Traced => Trace(Evaluated, BaseBudget);

    public static string Describe(int evaluationYear, int evaluated) =>
        $"{Wareki.FiscalYear(evaluationYear)}に行った評価（{Wareki.FiscalYear(evaluated)}の事業が対象）";

    /// Words for verdicts of one evaluated year traced from one base budget into the next year's: what a published
    /// edition compared, whichever mapping it was published under.
    public static string Trace(int evaluated, int baseBudget) =>
        $"{Describe(evaluated + 1, evaluated)}→ {Wareki.FiscalYear(baseBudget)}当初予算から{Wareki.FiscalYear(baseBudget + 1)}へ";
}
