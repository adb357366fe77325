using Komaki.Management.Core.Execution;

namespace Komaki.Management.Web.Features.ExecutionPlans;

public sealed record ExecutionRow(int ProjectId, string Code, string Name, int OwnerUnitId, ExecutionPlan? Plan);

public sealed record ExecutionListModel(int Year, int? UnitId, bool MissingOnly, IReadOnlyList<ExecutionRow> Rows, IReadOnlyList<SelectListItem> Units, OrgTree Org, bool CanImport);

public sealed record IndicatorTarget(int Id, string Name, string Unit, decimal? Target, decimal? Actual);

public sealed record ExecutionDetailsModel(int Year, Project Project, ExecutionPlan? Plan, string Unit, IReadOnlyList<IndicatorTarget> Indicators, bool CanEdit, bool CanReport);

public sealed class ExecutionPlanForm
{
    public int Version { get; set; }
    public int OwnerUnitId { get; set; }
    public string? Goal { get; set; }
    public string? Content { get; set; }
    public Dictionary<int, string?> Months { get; set; } = [];
}

public sealed record ExecutionEditModel(int Year, Project Project, ExecutionPlanForm Form, IReadOnlyList<SelectListItem> Units);

public sealed class ProgressForm
{
    public int Version { get; set; }
    public ProgressStatus? MidYearStatus { get; set; }
    public string? MidYearProgress { get; set; }
    public ProgressStatus? YearEndStatus { get; set; }
    public string? YearEndProgress { get; set; }
}

public sealed record ProgressModel(int Year, Project Project, ProgressForm Form);
