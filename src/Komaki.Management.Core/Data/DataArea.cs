namespace Komaki.Management.Core.Data;

/// The parts of the data that read models depend on. Each has a version in the database (DataVersions) that every
/// write to it raises, in the write's own transaction, so a read model cached under the versions it read is never
/// served after a change — on whichever app server the change was made.
public static class DataArea
{
    public const string Plan = "plan";
    /// Indicators and their yearly values, apart from the plan's structure: values are saved all through the busy
    /// season, and the pages that show no achievement (budgets, the implementation plan) should not be rebuilt for them.
    public const string Indicators = "indicators";
    public const string Do = "do";
    public const string Check = "check";
    public const string Goals = "goals";
    public const string Voice = "voice";
    public const string Organization = "org";
    public const string Cycle = "cycle";
    public const string Publishing = "publishing";
    public const string Settings = "settings";

    public static readonly IReadOnlyList<string> All = [Plan, Indicators, Do, Check, Goals, Voice, Organization, Cycle, Publishing, Settings];

    private static readonly Dictionary<Type, string> ByType = new()
    {
        [typeof(ComprehensivePlan)] = Plan, [typeof(BasicPlan)] = Plan, [typeof(Policy)] = Plan, [typeof(Measure)] = Plan,
        [typeof(BasicProject)] = Plan, [typeof(Project)] = Plan, [typeof(Indicator)] = Indicators, [typeof(IndicatorValue)] = Indicators,
        [typeof(ImplementationPlan)] = Do, [typeof(ImplementationPlanLine)] = Do, [typeof(BudgetLine)] = Do,
        [typeof(ExecutionPlan)] = Do, [typeof(ExecutionPlanMonth)] = Do, [typeof(ExecutionProgressReport)] = Do,
        [typeof(ProjectEvaluation)] = Check, [typeof(ImprovementAction)] = Check, [typeof(MeasureEvaluation)] = Check,
        [typeof(ForumSession)] = Check, [typeof(ForumProject)] = Check, [typeof(ForumReviewer)] = Check, [typeof(ReviewerVerdict)] = Check,
        [typeof(OrganizationalGoal)] = Goals, [typeof(GoalLink)] = Goals, [typeof(GoalIndicator)] = Goals, [typeof(GoalStep)] = Goals,
        [typeof(GoalEvent)] = Goals,
        [typeof(MayorTerm)] = Voice, [typeof(ManifestoItem)] = Voice, [typeof(ManifestoLink)] = Voice, [typeof(ManifestoProgress)] = Voice,
        [typeof(CitizenInput)] = Voice, [typeof(CitizenInputLink)] = Voice, [typeof(SurveyResult)] = Voice,
        [typeof(OrgUnit)] = Organization, [typeof(AppUser)] = Organization,
        // 定員: the staff each division has and asks for, beside the organisation they staff (the reconciliation reads both).
        [typeof(Staffing.StaffingYear)] = Organization, [typeof(Staffing.StaffingUnitCost)] = Organization, [typeof(Staffing.StaffingLine)] = Organization,
        // 予算編成: the requests and stages carry their amounts into the budget table (Do) as they are submitted and committed.
        [typeof(BudgetFormulation.BudgetRound)] = Do, [typeof(BudgetFormulation.BudgetRoundStage)] = Do, [typeof(BudgetFormulation.BudgetFrame)] = Do,
        [typeof(BudgetFormulation.BudgetRequest)] = Do, [typeof(BudgetFormulation.BudgetStageEntry)] = Do, [typeof(BudgetFormulation.BudgetStageCommit)] = Do,
        [typeof(BudgetFormulation.BudgetRestoration)] = Do,
        [typeof(CycleDeadline)] = Cycle, [typeof(Reminder)] = Cycle,
        [typeof(Publication)] = Publishing, [typeof(Reports.ResultsSubmission)] = Check,
        // What the public 内部統制 page shows once published: the report's figures and the published processing errors.
        [typeof(ControlYear)] = Publishing, [typeof(ControlRisk)] = Publishing, [typeof(ControlDeficiency)] = Publishing, [typeof(ProcessingError)] = Publishing,
        // The city-wide register (CityRegister) is kept under the same area: its links and the 督促 of its coverage table.
        [typeof(ControlRiskLink)] = Publishing, [typeof(ControlChase)] = Publishing,
        [typeof(JudgmentBand)] = Settings, [typeof(DirectionChoice)] = Settings, [typeof(LabelMapping)] = Settings, [typeof(UnitNameMapping)] = Settings, [typeof(ImportLog)] = Settings,
    };

    /// The area a record belongs to, or null for what no read model shows (history, sessions, keys).
    public static string? Of(Type type) => ByType.GetValueOrDefault(type);
}

/// One area's version.
public sealed class DataVersionRow
{
    public string Area { get; set; } = "";
    public long Version { get; set; }
}
