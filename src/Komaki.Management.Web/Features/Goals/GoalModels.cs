using Komaki.Management.Core.Goals;

namespace Komaki.Management.Web.Features.Goals;

public sealed record GoalRow(OrganizationalGoal Goal, string Unit, IReadOnlyList<GoalAction> MyActions);

public sealed record GoalListModel(int Year, int? UnitId, GoalState? State, IReadOnlyList<GoalRow> Rows, IReadOnlyList<SelectListItem> Units, IReadOnlyList<SelectListItem> MyUnits);

public sealed record BoardRow(int UnitId, string Department, string Unit, IReadOnlyDictionary<GoalState, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

public sealed record BoardModel(int Year, IReadOnlyList<BoardRow> Rows, IReadOnlyDictionary<GoalState, int> Totals);

public sealed record LinkLabel(string Kind, string Code, string Name, string? Url);

public sealed record GoalDetailsModel(
    OrganizationalGoal Goal, string Unit, IReadOnlyList<LinkLabel> Links, IReadOnlyList<GoalAction> Actions,
    bool CanEdit, bool CanComment, ActForm Act);

public sealed class IndicatorRow
{
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? Target { get; set; }
    public string? Baseline { get; set; }
    public Core.Plans.IndicatorDirection Direction { get; set; } = Core.Plans.IndicatorDirection.HigherIsBetter;
}

public sealed class StepRow
{
    public string? Action { get; set; }
    public string? Schedule { get; set; }
}

public sealed class GoalForm
{
    public int Version { get; set; }
    public int OrgUnitId { get; set; }
    public int FiscalYear { get; set; }
    public string? Title { get; set; }
    public string? Reason { get; set; }
    public string? MeasureCodes { get; set; }
    public string? ProjectCodes { get; set; }
    public string? ManifestoNumbers { get; set; }
    public List<IndicatorRow> Indicators { get; set; } = [];
    /// "indicator" or "step": the form came back to add an empty row, nothing is saved.
    public string? AddRow { get; set; }
    /// 探す: the field whose code is looked up by code or name (MeasureCodes, ProjectCodes, ManifestoNumbers) and the words.
    public string? LookupField { get; set; }
    public Dictionary<string, string?> Lookup { get; set; } = [];
    /// 選ぶ: "field:code" — the code picked from the lookup, added to the field.
    public string? Pick { get; set; }
    public List<StepRow> Steps { get; set; } = [];
}

public sealed record GoalFormModel(int? Id, GoalForm Form, IReadOnlyList<SelectListItem> Units, string? TermTitle)
{
    /// What 探す found for one field: (code, name), at most 20.
    public (string Field, IReadOnlyList<(string Code, string Name)> Found)? Lookup { get; init; }
}

public sealed class ActForm
{
    public int Version { get; set; }
    public GoalAction Action { get; set; }
    public string? Comment { get; set; }
    public string? MidYearReview { get; set; }
    public GoalGrade? Grade { get; set; }
    public string? GradeEvidence { get; set; }
    public List<string?> Actuals { get; set; } = [];
}

/// Work: the person's own items, one per record; Due: the city-wide stages planning and the executives answer for.
public sealed record WaitingModel(WorkListModel Work, IReadOnlyList<Komaki.Management.Core.Cycle.DueItem> Due, DateOnly Today);

public sealed record SheetModel(int Year, string Unit, IReadOnlyList<GoalDetailsModel> Goals);
