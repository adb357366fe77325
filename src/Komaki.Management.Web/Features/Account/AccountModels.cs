using Komaki.Management.Core;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Web.Features.Account;

public sealed record LoginModel(LoginForm Form, bool NoAccountsYet, bool Directory = false, bool WindowsSignOn = false, string? OpenIdProvider = null);

public sealed record NoRoleModel(ExternalPerson Person, IReadOnlyList<DirectoryRoleMapping> Mappings);

public sealed record NotLinkedModel(ExternalPerson Person, ExternalRefusal Refusal);

public sealed record TwoFactorModel(string? Secret, string? Uri, bool On = false, bool Directory = false);
