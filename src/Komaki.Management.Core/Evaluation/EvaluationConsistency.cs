using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Evaluation;

/// Something in an evaluation that does not agree with the evidence on its own sheet. Field names the form field it
/// concerns, so the message can stand beside it.
public sealed record EvaluationFinding(string Field, string Message);

/// Evaluations that hold together: at the first and second review the ratings and the direction are compared with
/// the sheet's own indicators, and 効率性 with the sheet's cost trend (CostTrend). A finding does not forbid the review — the evidence can be incomplete or misleading —
/// but the reviewer must write why they confirm anyway, and the sheet shows both.
public static class EvaluationConsistency
{
    /// indicators: the project's indicators rolled up for the evaluation's year (ADR 0004); direction: the one the
    /// review confirms (the first review's, or the second review's choice).
    public static IReadOnlyList<EvaluationFinding> Check(ProjectEvaluation e, RolledUp indicators, IReadOnlyList<JudgmentBand> bands, DirectionCatalog directions,
        Direction? direction, IReadOnlyList<CostYear>? costs = null)
    {
        var findings = new List<EvaluationFinding>();
        if (costs is not null && CostTrend.Change(costs, e.FiscalYear) is { } change)
        {
            if (e.Efficiency == Rating.A && change.Percent >= CostTrend.ThresholdPercent)
                findings.Add(new(nameof(e.Efficiency), $"効率性を「A（高い）」としていますが、{change.Describe()}（{Amounts(change)}）。コストが上がっても効率が高いと判断した理由が必要です。"));
            if (e.Efficiency == Rating.C && change.Percent <= -CostTrend.ThresholdPercent)
                findings.Add(new(nameof(e.Efficiency), $"効率性を「C（低い）」としていますが、{change.Describe()}（{Amounts(change)}）。"));
        }
        var band = RollUp.Judge(bands, indicators);
        if (e.Effectiveness == Rating.A)
        {
            if (indicators.Counted == 0)
                findings.Add(new(nameof(e.Effectiveness), "有効性を「A（高い）」としていますが、この年度の指標の実績がありません。実績のないまま高いと判断した理由が必要です。"));
            else if (band is { OffTarget: true })
                findings.Add(new(nameof(e.Effectiveness),
                    $"有効性を「A（高い）」としていますが、指標は目標に届いていません（{indicators.Explanation}、判定「{band.Grade} {band.Label}」）。"));
        }
        if (e.Effectiveness == Rating.C && indicators.Counted > 0 && indicators.Count(IndicatorOutcome.Achieved) == indicators.Counted)
            findings.Add(new(nameof(e.Effectiveness), $"有効性を「C（低い）」としていますが、判定できる指標はすべて目標を達成しています（{indicators.Explanation}）。"));
        if (direction is Direction d && NeedsImprovement(d) && string.IsNullOrWhiteSpace(e.Improvement))
            findings.Add(new(nameof(e.Improvement), $"今後の方向性が「{directions.Label(d)}」ですが、改善内容が書かれていません。何をどう変えるのかが必要です。"));
        return findings;
    }

    private static string Amounts(CostChange c) => c.PerUnit
        ? $"{c.From:#,##0}円 → {c.To:#,##0}円"
        : $"{Math.Round(c.From / 1000m, MidpointRounding.AwayFromZero):#,##0}千円 → {Math.Round(c.To / 1000m, MidpointRounding.AwayFromZero):#,##0}千円";

    /// Every direction but carrying on as is asks what will change.
    public static bool NeedsImprovement(Direction direction) => direction != Direction.Continue;

    public static string Join(IEnumerable<EvaluationFinding> findings) => string.Join("\n", findings.Select(f => f.Message));
}
