using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Staffing;

namespace Komaki.Management.Web.Features.Staffing;

public sealed record StaffingIndexModel(int Year, StaffingYear? Settings, IReadOnlyList<StaffingLine> Lines, OrgTree Org, int? UnitId, IReadOnlyList<SelectListItem> Units,
    bool IsPersonnel, IReadOnlySet<int> EditableUnits, DateOnly Today);

public sealed record StaffingEditModel(int Year, int UnitId, string Unit, StaffingForm Form, IReadOnlyList<StaffingLine> Lines, bool IsPersonnel, bool IsHead);

public sealed record ReconcileModel(int Year, StaffingYear? Settings, IReadOnlyList<Reconciliation> Rows, OrgTree Org, DirectionCatalog Directions);

public sealed record StaffingTableModel(int Year, IReadOnlyList<(int DepartmentId, decimal Previous, decimal Current, IReadOnlyList<string> Reasons)> Rows, StaffingYear? Settings, OrgTree Org);

public sealed record StaffingYearModel(int Year, StaffingYearForm Form);
