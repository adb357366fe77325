using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Implementation;

/// 実施計画: one edition per fiscal year, covering that year and the next two (3-year rolling plan).
[DataArea(DataArea.Do)]
public sealed class ImplementationPlan : IVersioned, IAudited
{
    public const int YearsCovered = 3;

    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "名称")]
    public string Title { get; set; } = "";
    /// The edition this one started as a copy of; compared line by line on screen.
    [Display(Name = "写し元の版")]
    public int? CopiedFromId { get; set; }
    public ImplementationPlan? CopiedFrom { get; set; }
    [Display(Name = "作成日時")]
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
    public List<ImplementationPlanLine> Lines { get; set; } = [];

    public int LastYear => FiscalYear + YearsCovered - 1;
    public IEnumerable<int> Years => Enumerable.Range(FiscalYear, YearsCovered);
    public bool Covers(int fiscalYear) => fiscalYear >= FiscalYear && fiscalYear <= LastYear;

    public AuditTarget AuditTarget => new(nameof(ImplementationPlan), Id);

    public static string DefaultTitle(int fiscalYear) =>
        $"{Wareki.FiscalYear(fiscalYear)} 実施計画（{Wareki.FiscalYear(fiscalYear)}〜{Wareki.FiscalYear(fiscalYear + YearsCovered - 1)}）";
}

/// One project in one year of an edition: what will be done, what it costs, and who pays.
/// Amounts are yen; screens and sheets show 千円.
[DataArea(DataArea.Do)]
public sealed class ImplementationPlanLine : ProjectYearRecord, IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "実施計画の版")]
    public int ImplementationPlanId { get; set; }
    public ImplementationPlan? ImplementationPlan { get; set; }
    [Display(Name = "区分")]
    public ImplementationStatus Status { get; set; }
    [Display(Name = "事業内容")]
    public string Content { get; set; } = "";
    /// 事業費 and its 財源内訳 (国庫支出金, 県支出金, 地方債, その他特定財源, 一般財源), which must sum to it.
    [Display(Name = "事業費")]
    public long Cost { get; set; }
    [Display(Name = "財源内訳")]
    public Funding Funding { get; set; } = Funding.None;
    public int Version { get; set; }

    public bool IsBalanced => Funding.AddsUpTo(Cost);

    /// The rule every line holds, wherever it is typed: the 財源内訳 add up to the 事業費. Null when they do; else
    /// the refusal staff read (note: what else they should know about the sum, e.g. which sources were kept).
    public static string? FundingMismatch(long cost, long sumOfSources, string note = "") => sumOfSources == cost ? null :
        $"財源内訳の合計 {Amounts.Thousands(sumOfSources)}千円{note} が事業費 {Amounts.Thousands(cost)}千円 と一致しません（差 {Amounts.Thousands(sumOfSources - cost)}千円）。";

    public AuditTarget AuditTarget => new(nameof(ImplementationPlan), ImplementationPlanId, $"{ProjectId}:{FiscalYear}");
}

public enum ImplementationStatus
{
    [Display(Name = "新規")]
    New = 1,
    [Display(Name = "継続")]
    Continuing = 2,
    [Display(Name = "拡充")]
    Expanded = 3,
    [Display(Name = "縮小")]
    Reduced = 4,
    [Display(Name = "終了")]
    Ended = 5,
}

public static class ImplementationStatusLabels
{
    public static readonly IReadOnlyList<ImplementationStatus> All = Enum.GetValues<ImplementationStatus>();

    /// Reads the label as staff write it: 新規, "１　新規", ○新規, or the code name.
    public static bool TryParse(string? text, out ImplementationStatus status)
    {
        status = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = TextNormal.ForMatch(text);
        foreach (var candidate in All)
        {
            if (s.EndsWith(candidate.Label(), StringComparison.Ordinal) || s.Equals(candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        return false;
    }
}
