using Komaki.Management.Core.Organization;

namespace Komaki.Management.Web.Features.OrgUnits;

public sealed record OrgIndexModel(OrgTree Tree, int? Year, Dictionary<int, int> UserCounts, bool CanEdit);

public sealed record OrgFormModel(OrgUnitForm Form, OrgTree Tree);
