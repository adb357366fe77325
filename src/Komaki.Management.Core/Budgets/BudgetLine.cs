namespace Komaki.Management.Core.Budgets;

/// 予算: one project in one fiscal year, from the department's request to the settled accounts.
/// Amounts are yen; blank (null) means the stage has not been reached, which is not zero.
public sealed class BudgetLine : IVersioned, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int FiscalYear { get; set; }
    public long? Requested { get; set; }
    public long? Assessed { get; set; }
    public long? Initial { get; set; }
    public long? Supplementary { get; set; }
    public long? Settled { get; set; }
    /// 決算の財源内訳 where known (imported history): 国庫支出金, 県支出金, 地方債, その他特定財源, 一般財源.
    public long? SettledNational { get; set; }
    public long? SettledPrefectural { get; set; }
    public long? SettledBonds { get; set; }
    public long? SettledOtherSpecific { get; set; }
    public long? SettledGeneral { get; set; }
    public int Version { get; set; }

    public bool HasSettledFunding => SettledNational is not null || SettledPrefectural is not null || SettledBonds is not null || SettledOtherSpecific is not null || SettledGeneral is not null;

    /// 予算現額: the adopted budget with its amendments.
    public long? Current => Initial is null && Supplementary is null ? null : (Initial ?? 0) + (Supplementary ?? 0);

    public AuditTarget AuditTarget => new(nameof(BudgetLine), Id);
}
