using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Web.Features.ExecutionPlans;

public sealed record ExecutionListModel(int Year, int? UnitId, bool MissingOnly, IReadOnlyList<ExecutionRow> Rows, IReadOnlyList<SelectListItem> Units, OrgTree Org, SheetOffer Sheet);

public sealed record ExecutionDetailsModel(int Year, Project Project, ExecutionPlan? Plan, string Unit, IReadOnlyList<IndicatorTarget> Indicators, bool CanEdit, bool CanReport)
{
    /// 随時の進捗報告, newest first.
    public IReadOnlyList<ExecutionProgressReport> Reports { get; init; } = [];
    public DateOnly Today { get; init; }
    /// What a refused report sent, shown again beside its messages.
    public ProgressReportForm ReportForm { get; init; } = new();
}

public sealed record ExecutionEditModel(int Year, Project Project, ExecutionPlanForm Form, IReadOnlyList<SelectListItem> Units);

public sealed record ProgressModel(int Year, Project Project, ProgressForm Form);
