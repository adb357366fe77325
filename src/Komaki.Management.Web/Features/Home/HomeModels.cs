namespace Komaki.Management.Web.Features.Home;

public sealed record HomeModel(
    string? PlanName, int Year, int Policies, int Measures, int Projects, int MajorProjects,
    int IndicatorsMissingActual, IReadOnlyList<MyProjectRow> MyProjects, string? MyUnitName, Goals.WaitingModel Work);

public sealed record MyProjectRow(int Id, string Code, string Name, bool IsMajor);

/// The city-wide counts on the home page, the same for everyone.
public sealed record CityCounts(string? Plan, int Policies, int Measures, int Projects, int MajorProjects, int MissingActuals);
