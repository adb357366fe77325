using Komaki.Management.Core.Identity;

namespace Komaki.Management.UnitTests.Identity;

public sealed class DirectoryRolesTests
{
    private static readonly DirectoryRoleMapping[] Mapping =
    [
        new() { Group = "KM-Staff", Key = DirectoryRoles.KeyOf("KM-Staff"), Role = Roles.DepartmentStaff },
        new() { Group = "KOMAKI\\KM-DivisionHeads", Key = DirectoryRoles.KeyOf("KOMAKI\\KM-DivisionHeads"), Role = Roles.DepartmentHead },
        // Written into the table by hand, a local-only role still gives nothing.
        new() { Group = "KM-Audit", Key = DirectoryRoles.KeyOf("KM-Audit"), Role = Roles.Auditor },
    ];

    [Theory]
    [InlineData("KM-Staff")]
    [InlineData("km-staff")]
    [InlineData(" KOMAKI\\KM-Staff ")]
    [InlineData("KM-Staff@komaki.test")]
    [InlineData("CN=KM-Staff,OU=Groups,DC=komaki,DC=test")]
    public void Every_way_a_directory_writes_a_group_is_the_same_group(string written) =>
        Assert.Equal("KM-STAFF", DirectoryRoles.KeyOf(written));

    [Fact]
    public void Groups_as_a_windows_principal_or_a_token_names_them_give_the_mapped_roles_and_never_a_local_only_one()
    {
        Assert.Equal(new HashSet<string> { Roles.DepartmentStaff, Roles.DepartmentHead },
            DirectoryRoles.Of(["KOMAKI\\KM-Staff", "KOMAKI\\KM-DivisionHeads", "KOMAKI\\Domain Users"], Mapping));
        Assert.Empty(DirectoryRoles.Of(["KM-Audit", "Domain Users"], Mapping));
        Assert.Empty(DirectoryRoles.Of([], Mapping));
    }

    [Fact]
    public void A_sign_in_replaces_roles_from_groups_and_keeps_local_grants()
    {
        var after = DirectoryRoles.After([Roles.DepartmentHead, Roles.ExternalReviewer, Roles.Auditor], new HashSet<string> { Roles.DepartmentStaff });
        Assert.Equal(new HashSet<string> { Roles.DepartmentStaff, Roles.ExternalReviewer, Roles.Auditor }, after);
        Assert.DoesNotContain(Roles.ExternalReviewer, DirectoryRoles.Mappable);
        Assert.DoesNotContain(Roles.Auditor, DirectoryRoles.Mappable);
    }
}
