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
