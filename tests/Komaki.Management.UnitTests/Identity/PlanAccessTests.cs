using Komaki.Management.UnitTests.Builders;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.UnitTests.Identity;

public class PlanAccessTests
{
    private static readonly OrgTree Tree = TestCity.Org;

    private static Actor As(string role, int? unit) => TestCity.As(role, unit);

    [Fact]
    public void A_department_head_edits_own_unit_and_units_below_it()
    {
        Assert.True(PlanAccess.CanEditUnitRecord(As(Roles.DepartmentHead, 2), 2, Tree));
        Assert.True(PlanAccess.CanEditUnitRecord(As(Roles.DepartmentHead, 2), 3, Tree));
        Assert.True(PlanAccess.CanEditUnitRecord(As(Roles.DepartmentHead, 1), 4, Tree));
    }

    [Fact]
    public void A_department_head_does_not_edit_a_sibling_or_parent_unit()
    {
        Assert.False(PlanAccess.CanEditUnitRecord(As(Roles.DepartmentHead, 2), 4, Tree));
        Assert.False(PlanAccess.CanEditUnitRecord(As(Roles.DepartmentHead, 2), 1, Tree));
        Assert.False(PlanAccess.CanEditUnitRecord(As(Roles.DepartmentHead, 2), null, Tree));
    }

    [Fact]
    public void Planning_staff_edit_every_unit_and_the_structure()
    {
        Assert.True(PlanAccess.CanEditUnitRecord(As(Roles.Planning, null), 5, Tree));
        Assert.True(PlanAccess.CanEditStructure(As(Roles.Planning, null)));
        Assert.False(PlanAccess.CanEditStructure(As(Roles.DepartmentHead, 2)));
    }

    [Fact]
    public void Staff_enter_values_for_their_unit_but_do_not_edit_its_projects()
    {
        Assert.True(PlanAccess.CanEnterIndicatorValues(As(Roles.DepartmentStaff, 2), 2, Tree));
        Assert.False(PlanAccess.CanEnterIndicatorValues(As(Roles.DepartmentStaff, 2), 4, Tree));
        Assert.False(PlanAccess.CanEditUnitRecord(As(Roles.DepartmentStaff, 2), 2, Tree));
    }

    [Fact]
    public void Executives_and_reviewers_only_read()
    {
        Assert.False(PlanAccess.CanEnterIndicatorValues(As(Roles.Executive, 5), 5, Tree));
        Assert.False(PlanAccess.CanEditUnitRecord(As(Roles.ExternalReviewer, null), 2, Tree));
    }

    [Fact]
    public void Unit_names_read_with_their_department() => Assert.Equal("都市建設部 道路課 道路維持係", Tree.PathName(3));
}
