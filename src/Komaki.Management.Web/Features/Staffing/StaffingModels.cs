using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Staffing;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.Staffing;

public sealed record StaffingIndexModel(int Year, StaffingYear? Settings, IReadOnlyList<StaffingLine> Lines, OrgTree Org, int? UnitId, IReadOnlyList<SelectListItem> Units,
    bool IsPersonnel, IReadOnlySet<int> EditableUnits, DateOnly Today);

public sealed record StaffingEditModel(int Year, int UnitId, string Unit, StaffingForm Form, IReadOnlyList<StaffingLine> Lines, bool IsPersonnel, bool IsHead);

public sealed record ReconcileModel(int Year, StaffingYear? Settings, IReadOnlyList<Reconciliation> Rows, OrgTree Org, DirectionCatalog Directions);

/// 部門別職員数: the working table (Now), the confirmed editions (latest first) and whether the reader may confirm.
public sealed record StaffingTableModel(int Year, IReadOnlyList<StaffingTableRow> Now, IReadOnlyList<StaffingTableEdition> Editions, StaffingYear? Settings, bool CanConfirm)
{
    public StaffingTableEdition? Latest => Editions.Count > 0 ? Editions[0] : null;

    /// What the page and the Excel show: the latest edition as confirmed, or the working table before any.
    public IReadOnlyList<StaffingTableRow> Rows => Latest?.Table ?? Now;

    /// Whether the lines have moved since the latest 確定 (they show only in a next edition).
    public bool ChangedSince => Latest is { } l && StaffingTableEdition.Write(l.Table) != StaffingTableEdition.Write(Now);

    public static string Confirmed(StaffingTableEdition e) => $"第{e.Edition}版 {Display.Date(e.ConfirmedAt)}確定";
}

public sealed record StaffingYearModel(int Year, StaffingYearForm Form);
