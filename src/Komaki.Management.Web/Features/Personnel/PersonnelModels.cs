using Komaki.Management.Core.Common;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Personnel;

namespace Komaki.Management.Web.Features.Personnel;

public sealed record PersonnelIndexModel(int Year, IReadOnlyList<EvaluationLine> Mine, IReadOnlyList<EvaluationLine> ToEvaluate, PersonnelDesign? Design,
    IReadOnlyList<PerformanceGoal> Unattached, OrgTree Org, DateOnly Today, IReadOnlySet<int> MyStaffIds, bool HeadsDepartment = false);

/// The sheet of one evaluation as the reader may see it, with the step the reader can take now and its form.
public sealed record PersonnelDetailsModel(PersonnelView View, IReadOnlyList<PersonnelStep> Actions, PersonnelStepForm Form, bool CanEditGoals,
    IReadOnlyList<(int Id, string Text)> EvaluatorChoices, DateOnly Today)
{
    public static PersonnelDetailsModel Of(PersonnelSheetPage s) => new(s.View, s.Actions, s.Form, s.CanEditGoals, s.EvaluatorChoices, s.Today);

    public PersonnelEvaluation Evaluation => View.Evaluation;
    public PersonnelDesign Design => View.Design;
    public IEnumerable<SelectListItem> GradeOptions(string? selected) =>
        Design.Grades.OrderBy(g => g.SortOrder).Select(g => new SelectListItem($"{g.Code}（{g.Label}）", g.Code, g.Code == selected)).Prepend(new SelectListItem("—", ""));
}

public sealed record PersonnelGoalsModel(PersonnelEvaluation Evaluation, PerformanceGoalsForm Form, IReadOnlyList<ServesOption> Options, bool IsChange);

public sealed record DivisionIndexModel(int Year, PersonnelDesign? Design, Paged<EvaluationLine> Lines, IReadOnlyList<(PersonnelState State, int Count)> Counts,
    int? UnitId, PersonnelState? State, string? Words, IReadOnlyList<SelectListItem> Units, OrgTree Org, DateOnly Today, IReadOnlyList<string> NewOfficers);

public sealed record DesignModel(PersonnelDesignForm Form, bool Opened, bool CanCopyPrevious = false, int Settled = 0);

/// One department's grades before 調整, for the personnel division (every sheet) or its 部長 (the sheets they evaluate).
public sealed record DistributionModel(int Year, int DepartmentId, string Department, IReadOnlyList<SelectListItem> Departments, AppraisalPart Part,
    IReadOnlyList<DistributionRow> Rows, IReadOnlyList<DistributionPerson> People, int Total, bool ForDivision = true);

/// The marks of a stage about to be confirmed: each item's grade, the overall grades beside the weighted average of
/// the items, and what confirming fixes.
public sealed record ConfirmMarksModel(PersonnelView View, MarkStage Stage, PersonnelStepForm Form, int Version, IReadOnlyList<string> Consequences);

public sealed record SpecialModel(int Year, IReadOnlyList<StaffMember> Special, SpecialEvaluatorForm Form, int ChiefsWithout);

public sealed record ReadsModel(Paged<(PersonnelRead Read, string Person)> Reads, int? EvaluationId);

public sealed record StaffModel(Paged<StaffMember> Staff, string? Words, int Year, OrgTree Org);
