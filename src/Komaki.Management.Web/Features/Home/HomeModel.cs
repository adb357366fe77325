using Komaki.Management.Core.Plans;

namespace Komaki.Management.Web.Features.Home;

public sealed record HomeModel(
    string? PlanName, int Year, int Policies, int Measures, int Projects, int MajorProjects,
    int IndicatorsMissingActual, IReadOnlyList<MyProjectRow> MyProjects, string? MyUnitName, Goals.WaitingModel Work);
