using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.UnitTests.Builders;

/// The small city unit tests act on, and the people and records they create in it:
/// 都市建設部 (1) > 道路課 (2) > 道路維持係 (3); 都市建設部 > 公園緑地課 (4); 市民生活部 (5).
public static class TestCity
{
    public const int Department = 1, Roads = 2, RoadMaintenance = 3, Parks = 4, OtherDepartment = 5;

    public static readonly OrgTree Org = new(
    [
        new OrgUnit { Id = Department, Name = "都市建設部", Level = OrgUnitLevel.Department, ValidFromYear = 2015 },
        new OrgUnit { Id = Roads, Name = "道路課", Level = OrgUnitLevel.Division, ParentId = Department, ValidFromYear = 2015 },
        new OrgUnit { Id = RoadMaintenance, Name = "道路維持係", Level = OrgUnitLevel.Section, ParentId = Roads, ValidFromYear = 2015 },
        new OrgUnit { Id = Parks, Name = "公園緑地課", Level = OrgUnitLevel.Division, ParentId = Department, ValidFromYear = 2015 },
        new OrgUnit { Id = OtherDepartment, Name = "市民生活部", Level = OrgUnitLevel.Department, ValidFromYear = 2015 },
    ]);

    /// A person in one role, of a unit or of none.
    public static Actor As(string role, int? unit = null, string userName = "u") => new(userName, new HashSet<string> { role }, unit);

    /// A goal of 道路課 (unless told) with one indicator.
    public static OrganizationalGoal Goal(GoalState state, int unit = Roads) =>
        new() { OrgUnitId = unit, State = state, Indicators = [new GoalIndicator { Name = "n", Unit = "件", Target = 1 }] };
}
