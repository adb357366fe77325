using Komaki.Management.Core.Goals;

namespace Komaki.Management.Web.Features.IndividualGoals;

public sealed record PersonGoals(AppUser Person, string Unit, IReadOnlyList<IndividualGoal> Goals, bool IsMe);

public sealed record IndividualIndexModel(int Year, PersonGoals Mine, IReadOnlyList<(AppUser User, string Unit, int Count)> Team);

public sealed class IndividualGoalForm
{
    public int Version { get; set; }
    public int FiscalYear { get; set; }
    public int? OrganizationalGoalId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Target { get; set; }
    public string? Result { get; set; }
}

public sealed record IndividualFormModel(int? Id, IndividualGoalForm Form, IReadOnlyList<SelectListItem> UnitGoals);
