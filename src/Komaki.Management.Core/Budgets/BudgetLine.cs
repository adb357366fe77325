using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Budgets;

/// 予算: one project in one fiscal year, from the department's request to the settled accounts.
/// Amounts are yen; blank (null) means the stage has not been reached, which is not zero.
[DataArea(DataArea.Do)]
public sealed class BudgetLine : ProjectYearRecord, IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "要求額")]
    public long? Requested { get; set; }
    [Display(Name = "査定額")]
    public long? Assessed { get; set; }
    [Display(Name = "当初予算額")]
    public long? Initial { get; set; }
    [Display(Name = "補正予算額")]
    public long? Supplementary { get; set; }
    [Display(Name = "決算額")]
    public long? Settled { get; set; }
    /// 決算の財源内訳 where known (imported history): 国庫支出金, 県支出金, 地方債, その他特定財源, 一般財源.
    [Display(Name = "決算 国庫支出金")]
    public long? SettledNational { get; set; }
    [Display(Name = "決算 県支出金")]
    public long? SettledPrefectural { get; set; }
    [Display(Name = "決算 地方債")]
    public long? SettledBonds { get; set; }
    [Display(Name = "決算 その他特定財源")]
    public long? SettledOtherSpecific { get; set; }
    [Display(Name = "決算 一般財源")]
    public long? SettledGeneral { get; set; }
    public int Version { get; set; }

    public bool HasSettledFunding => SettledNational is not null || SettledPrefectural is not null || SettledBonds is not null || SettledOtherSpecific is not null || SettledGeneral is not null;

    /// 予算現額: the adopted budget with its amendments.
    public long? Current => Initial is null && Supplementary is null ? null : (Initial ?? 0) + (Supplementary ?? 0);

    public AuditTarget AuditTarget => new(nameof(BudgetLine), Id);
}
