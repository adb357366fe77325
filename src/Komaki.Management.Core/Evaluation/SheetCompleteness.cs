using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Evaluation;

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
