using Komaki.Management.Core.BudgetFormulation;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// Which page's Excel links to show (_BudgetSheetLinks): the year's 予算要求書 (Index), a 部's 査定調書, the comparison shown, 評価の効き目.
public enum BudgetSheetPage
{
    Requests,
    Chousho,
    Compare,
    Effect,
}

public sealed record BudgetSheetLinks(BudgetSheetPage Page, int Year, int? DepartmentId = null, BudgetStage? From = null, BudgetStage? To = null, BudgetStage? Assessment = null)
{
    /// The person imports their own 課's 予算要求書 (the import's SheetAccess), and so exports their own.
    public bool ImportsRequests { get; init; }

    /// The person exports the 予算要求書: their own 課's, or the city's when they read it all.
    public bool ExportsRequests { get; init; }

    /// The person exports the 部's 査定調書 (BudgetDepartmentRule.ExportChousho).
    public bool ExportsChousho { get; init; }
}
