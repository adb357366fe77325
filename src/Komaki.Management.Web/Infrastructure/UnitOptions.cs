using Komaki.Management.Core.Common;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Web.Infrastructure;

/// The organisation as the options of a 担当課 select: indented by depth, units that ended marked with their last year.
/// Shared by every list and form that filters or picks a unit.
public static class UnitOptions
{
    public static List<SelectListItem> For(OrgTree org) =>
        org.Flatten().Select(x => new SelectListItem(new string('　', x.Depth) + x.Unit.Name + (x.Unit.ValidToYear is int to ? $"（{Wareki.FiscalYear(to)}まで）" : ""), x.Unit.Id.ToString(CultureInfo.InvariantCulture))).ToList();
}
