namespace Komaki.Management.Web.Features.Goals;

/// A work item as 対応待ち shows it: the unit's name and the one form where the work is done.
public sealed record WorkRow(WorkItem Item, string Unit, string Url);

public sealed record WorkListModel(IReadOnlyList<WorkRow> Rows, DateOnly Today, int? Limit = null);

public static class WorkRows
{
    public static IReadOnlyList<WorkRow> Of(IEnumerable<WorkItem> items, OrgTree org, IUrlHelper url) =>
        items.Select(i => new WorkRow(i, org.PathName(i.UnitId), FormFor(i, url))).ToList();

    /// The exact form: the indicator's values with the missing year focused, the 主要事業's progress form, the
    /// evaluation sheet, the plan line, the budget line, the goal.
    public static string FormFor(WorkItem i, IUrlHelper url) => i.Kind switch
    {
        WorkKind.PlanLine => url.Action("Edit", "ImplementationPlans", new { year = i.Year, projectId = i.RecordId })!,
        WorkKind.BudgetRequest => url.Action("Edit", "Budgets", new { year = i.Year, projectId = i.RecordId })!,
        WorkKind.IndicatorActual => url.Action("Values", "Indicators", new { id = i.RecordId, focus = i.Year })! + $"#actual-{i.Year}",
        WorkKind.Evaluation => url.Action("Details", "Evaluations", new { year = i.Year, projectId = i.RecordId })!,
        WorkKind.EvaluationReview => url.Action("Step", "Evaluations", new { year = i.Year, projectId = i.RecordId, step = EvaluationStep.FirstReview })!,
        WorkKind.UnenteredActuals => url.Action("Index", "UnenteredActuals", new { year = i.Year, unitId = i.RecordId })!,
        WorkKind.ExecutionProgress => url.Action("Progress", "ExecutionPlans", new { year = i.Year, projectId = i.RecordId })!,
        _ => url.Action("Details", "Goals", new { id = i.RecordId })!,
    };

    /// Internal control and staffing: the risk with its correction, the division's register, the 評価部局's list, the staffing form.
    public static string FormFor(OtherWorkItem o, IUrlHelper url) => o.Kind switch
    {
        OtherWorkKind.DeficiencyCorrection or OtherWorkKind.CorrectionConfirmation => url.Action("Details", "Control", new { id = o.RecordId })!,
        OtherWorkKind.RiskEntry => url.Action("Index", "Control", new { year = o.Year, unitId = o.UnitId })!,
        OtherWorkKind.RiskEvaluation => url.Action("Index", "Control", new { year = o.Year, unitId = 0 })!,
        OtherWorkKind.BudgetSubmission or OtherWorkKind.BudgetRestoration => url.Action("Index", "BudgetFormulation", new { year = o.Year })!,
        OtherWorkKind.BudgetStage => url.Action("Department", "BudgetFormulation", new { year = o.Year, departmentId = o.UnitId })!,
        OtherWorkKind.BudgetEffectPublication => url.Action("Publish", "BudgetEffectPublications", new { year = o.Year })!,
        _ => url.Action("Edit", "Staffing", new { year = o.Year, unitId = o.UnitId })!,
    };

    public static string FormFor(PersonnelWorkItem p, IUrlHelper url) => url.Action("Details", "Personnel", new { id = p.EvaluationId })!;

    public static string FormFor(DueItem d, IUrlHelper url) => url.Action("Index", "Board", new { year = d.Year })!;
}
