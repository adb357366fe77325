using Komaki.Management.Core;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Web.Features.PlanElements;

/// What the element page shows the same to every reader: cached as one.
public sealed record ElementView(ElementDetails Details, Connections? Connections);

/// The element page as one reader sees it: the shared details, the goals they may read and their buttons.
public sealed record ElementPage(ElementDetails Details, OrgTree Org, Connections? Connections,
    bool CanEditStructure, bool CanEditRecord, bool CanEnterValues)
{
    public PlanElement Element => Details.Element;
    public ComprehensivePlan Plan => Details.Context.Plan;
    public BasicPlan BasicPlan => Details.Context.BasicPlan;
    public IReadOnlyList<Crumb> Crumbs => Details.Context.Crumbs;
    public IReadOnlyList<ChildRow> Children => Details.Children;
    public IReadOnlyList<Indicator> Indicators => Details.Indicators;
    public int? OwnerUnitId => Details.OwnerUnitId;
    public ProjectMoney? Money => Connections?.Money;
}

public sealed record ElementFormModel(PlanElementForm Form, ComprehensivePlan Plan,
    IReadOnlyList<SelectListItem> Parents, IReadOnlyList<SelectListItem> BasicProjects, IReadOnlyList<SelectListItem> Units, bool StructureLocked);

public sealed record RetireModel(RetireForm Form, PlanElement Element, ComprehensivePlan Plan, int ActiveChildren);
