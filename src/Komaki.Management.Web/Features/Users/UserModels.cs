using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Web.Features.Users;

public sealed record UserIndexModel(string? Q, Paged<UserRow> Users, Core.Organization.OrgTree Org, IReadOnlyList<PendingGrant> Pending);

/// TwoFactorOn: the account's 2段階認証 is set (an administrator may turn it off for a lost phone).
public sealed record UserFormModel(UserForm Form, Core.Organization.OrgTree Org, bool TwoFactorOn = false, StaffLink? Staff = null);
