using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Evaluation;

/// One year's cost on a 事務事業評価シート: 事業費（決算）, 人件費 (from that year's evaluation), and the output that
/// year of the indicator the sheet measures cost per unit by (its first activity indicator with an actual).
public sealed record CostYear(int Year, long? Settled, long? StaffCost, decimal? Output = null)
{
    /// 総コスト; unknown while either part is.
    public long? FullCost => Settled is long s && StaffCost is long c ? s + c : null;

    /// 単位当たりコスト (yen per unit of output).
    public decimal? PerUnit => FullCost is long c && Output is decimal o && o > 0 ? Math.Round(c / o, MidpointRounding.AwayFromZero) : null;

    /// Nothing recorded for the year at all: the project had no settled budget and no evaluation (it did not run yet).
    public bool IsEmpty => Settled is null && StaffCost is null;
}

/// How the cost moved from the year before: per unit of output where both years measured it, else 総コスト.
public sealed record CostChange(decimal Percent, bool PerUnit, decimal From, decimal To)
{
    public string Basis => PerUnit ? "単位当たりコスト" : "総コスト";

    public string Describe() => $"{Basis}が前年度より{Math.Abs(Percent):0.0}%{(Percent >= 0 ? "上がって" : "下がって")}います";
}

public static class CostTrend
{
    /// 効率性 A with the cost up by at least this much, or C with it down by at least this much, needs the reviewer's
    /// reason (glossary: コストの傾向).
    public const decimal ThresholdPercent = 10m;

    public static CostChange? Change(IReadOnlyList<CostYear> costs, int year)
    {
        var now = costs.FirstOrDefault(c => c.Year == year);
        var before = costs.FirstOrDefault(c => c.Year == year - 1);
        if (now is null || before is null) return null;
        if (now.PerUnit is decimal u1 && before.PerUnit is decimal u0 && u0 > 0) return new(Math.Round((u1 - u0) * 100 / u0, 1), true, u0, u1);
        if (now.FullCost is long c1 && before.FullCost is long c0 && c0 > 0) return new(Math.Round((c1 - c0) * 100m / c0, 1), false, c0, c1);
        return null;
    }
}

/// A sheet is complete before it is approved: 目的（対象・意図）, 手段 and each shown year's 人件費 and 総コスト. What is
/// missing does not forbid the review — an older year may have no record to be had — but it is a 確認事項: the
/// reviewer writes why they confirm without it, and the sheet shows both.
public static class SheetCompleteness
{
    public static IReadOnlyList<EvaluationFinding> Check(ProjectEvaluation e, IReadOnlyList<CostYear> costs, string? projectDescription = null)
    {
        var findings = new List<EvaluationFinding>();
        if (string.IsNullOrWhiteSpace(e.PurposeTarget)) findings.Add(new(nameof(e.PurposeTarget), "目的の「対象（誰・何を）」が未記入です。"));
        if (string.IsNullOrWhiteSpace(e.PurposeIntent)) findings.Add(new(nameof(e.PurposeIntent), "目的の「意図（どのような状態にしたいか）」が未記入です。"));
        if (string.IsNullOrWhiteSpace(e.Means) && string.IsNullOrWhiteSpace(projectDescription)) findings.Add(new(nameof(e.Means), "手段（事業の内容）が未記入です。"));
        foreach (var c in costs.OrderBy(c => c.Year))
        {
            // An earlier year with nothing recorded is a year the project did not run; the sheet's own year always counts.
            if (c.Year != e.FiscalYear && c.IsEmpty) continue;
            var year = Wareki.FiscalYear(c.Year);
            if (c.StaffCost is not > 0) findings.Add(new(nameof(e.StaffPersonYears), $"{year}の人件費がありません（人工が未入力か0です）。"));
            if (c.Settled is null) findings.Add(new("Costs", $"{year}の事業費（決算額）がなく、総コストが出せません。"));
        }
        return findings;
    }
}
