using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Web.Features.Budgets;

public sealed class BudgetFilter
{
    public string? Q { get; set; }
    public int? UnitId { get; set; }
    public int? MeasureId { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record BudgetListModel(int Year, string? EditionTitle, BudgetFilter Filter, Paged<BudgetRow> Rows, BudgetFigures Total,
    IReadOnlyList<SelectListItem> Units, IReadOnlyList<SelectListItem> Measures, Core.Organization.OrgTree Org, Func<BudgetRow, bool> CanEdit)
{
    /// Projects whose 要求額・査定額 this reader may not read yet (UndecidedBudgets): left out of the total.
    public int Withheld { get; init; }
}

public sealed record BudgetEditModel(int Year, int ProjectId, string Code, string Name, string Unit, long? PlanCost, bool CanEditStages, bool StagesFromFormulation, BudgetForm Form, int? LineId);

public enum BudgetGrouping
{
    Measure,
    Policy,
    Department,
}

public sealed record ComparisonModel(int Year, string? EditionTitle, BudgetGrouping By, List<BudgetRollUp.Group> Groups, BudgetFigures Total, int ProjectCount)
{
    /// Projects whose 要求額・査定額 this reader may not read yet (UndecidedBudgets): left out of the sums.
    public int Withheld { get; init; }
}
