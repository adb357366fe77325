using Komaki.Management.Core.Common;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Web.Features.ImplementationPlans;

public sealed record EditionsModel(IReadOnlyList<EditionSummary> Editions, int NextYear, bool CanCreate);

public sealed class EditionFilter
{
    public string? Q { get; set; }
    public int? UnitId { get; set; }
    public int? MeasureId { get; set; }
    public ImplementationStatus? Status { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record EditionProjectRow(int ProjectId, string Code, string Name, int OwnerUnitId, bool CanEdit, IReadOnlyDictionary<int, ImplementationPlanLine> Lines);

public sealed record Totals(long Cost, Funding Funding);

public sealed record EditionModel(
    ImplementationPlan Edition, EditionFilter Filter, Paged<EditionProjectRow> Rows, IReadOnlyDictionary<int, Totals> TotalsByYear,
    IReadOnlyList<SelectListItem> Units, IReadOnlyList<SelectListItem> Measures, OrgTree Org, SheetOffer Sheet, int? NewerYear);

public sealed record ProjectPlanModel(ImplementationPlan Edition, int ProjectId, string Code, string Name, string Unit, ProjectPlanForm Form);

public sealed record CompareModel(ImplementationPlan Older, ImplementationPlan Newer, Paged<CompareRow> Rows, LineChange? Change, bool ChangesOnly,
    IReadOnlyDictionary<LineChange, int> Counts);
