using System.Reflection;
using Komaki.Management.Core;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Core.Staffing;
using Komaki.Management.UnitTests.Builders;

namespace Komaki.Management.UnitTests.Identity;

/// Nobody takes a step that approves, confirms, assesses, agrees to, reviews or closes a record about their own unit
/// (the unit itself, one above it or one under it) or about themselves. Every step the record rules name (their
/// operations) and every step of a workflow enum is listed below: either as a step about a unit or a person, checked
/// with an actor of the record's own unit (refused) and of another unit (allowed, so the refusal is about the unit),
/// or with the reason it decides nothing about the record's subject. A new step fails the first test until listed.
public class SeparationOfDutiesTests
{
    private static readonly Core.Organization.OrgTree Org = TestCity.Org;
    private const int Subject = TestCity.Roads;

    /// A step about a unit: who would take it (role) and the refusal for a person of actorUnit on a record of Subject.
    private sealed record UnitStep(string Role, Func<Actor, string?> Refusal);

    private static Actor Of(string role, int unit) => TestCity.As(role, unit, "taker");

    /// 評価部局 = 都市建設部 (道路課, 道路維持係 and 公園緑地課 are in it); 推進部局 = 市民生活部.
    private static readonly ControlPolicy Policy = new() { EvaluationUnitId = TestCity.Department, PromotionUnitId = TestCity.OtherDepartment };

    private static UnitStep Assess(BudgetStage stage) => new(Roles.Finance,
        a => BudgetAccess.CheckAssessLine(a, stage, new BudgetRequest { OrgUnitId = Subject }, Org));

    private static readonly Dictionary<string, UnitStep> AboutAUnit = new()
    {
        ["ImprovementActionRule.Confirm"] = new(Roles.Planning, a => ImprovementActionRule.ConfirmRefusal(a,
            new ImprovementAction { OwnerUnitId = Subject, State = ImprovementState.Proposed, ProposedByUser = "proposer" }, Org)),
        ["EvaluationStep.SecondReview"] = new(Roles.Planning, a => EvaluationWorkflow.Check(a,
            new ProjectEvaluation { OwnerUnitId = Subject, State = EvaluationState.FirstReviewed }, EvaluationStep.SecondReview, Org)),
        ["EvaluationStep.Return"] = new(Roles.Planning, a => EvaluationWorkflow.Check(a,
            new ProjectEvaluation { OwnerUnitId = Subject, State = EvaluationState.FirstReviewed }, EvaluationStep.Return, Org)),
        ["GoalAction.Agreed"] = new(Roles.Planning, a => GoalWorkflow.Check(a, TestCity.Goal(GoalState.Submitted, Subject), GoalAction.Agreed, Org)),
        ["GoalAction.ChangesRequested"] = new(Roles.Planning, a => GoalWorkflow.Check(a, TestCity.Goal(GoalState.Submitted, Subject), GoalAction.ChangesRequested, Org)),
        ["GoalAction.Confirmed"] = new(Roles.Planning, a => GoalWorkflow.Check(a, TestCity.Goal(GoalState.SelfAssessed, Subject), GoalAction.Confirmed, Org)),
        ["ControlRiskRule.Evaluate"] = new(Roles.DepartmentStaff, a => ControlAccess.CheckEvaluate(a,
            new ControlRisk { OrgUnitId = Subject, State = RiskState.Submitted }, Policy, new ControlYear(), Org)),
        ["ControlAccess.CheckConfirmCorrection"] = new(Roles.DepartmentStaff, a => ControlAccess.CheckConfirmCorrection(a,
            new ControlRisk { OrgUnitId = Subject, State = RiskState.Submitted }, new ControlDeficiency { CorrectedOn = new DateOnly(2026, 6, 1) }, Policy, Org)),
        ["StaffingLineRule.Assess"] = new(Roles.Personnel, a => new StaffingLineRule().RefusalAsync(new RuleAsker(a, "taker", Org),
            new StaffingLine { OrgUnitId = Subject }, StaffingLineRule.Assess).Result),
        ["BudgetStage.FinanceAssessment"] = Assess(BudgetStage.FinanceAssessment),
        ["BudgetStage.MayorAssessment"] = Assess(BudgetStage.MayorAssessment),
        ["BudgetStage.Notice"] = Assess(BudgetStage.Notice),
        ["BudgetStage.Restoration"] = Assess(BudgetStage.Restoration),
        ["BudgetStage.RestorationAssessment"] = Assess(BudgetStage.RestorationAssessment),
        ["BudgetStage.Proposal"] = Assess(BudgetStage.Proposal),
    };

    /// A step about a person (人事評価): the evaluation in the state the step needs, and who would take it.
    private sealed record PersonStep(PersonnelState State, PersonnelRelation Taker, bool WithSecond = false, bool WithComplaint = false);

    private static readonly Dictionary<string, PersonStep> AboutAPerson = new()
    {
        ["PersonnelStep.AgreeGoals"] = new(PersonnelState.GoalsSubmitted, PersonnelRelation.FirstEvaluator),
        ["PersonnelStep.ReturnGoals"] = new(PersonnelState.GoalsSubmitted, PersonnelRelation.FirstEvaluator),
        ["PersonnelStep.MidYearInterview"] = new(PersonnelState.GoalsAgreed, PersonnelRelation.FirstEvaluator),
        ["PersonnelStep.FirstEvaluate"] = new(PersonnelState.SelfAssessed, PersonnelRelation.FirstEvaluator),
        ["PersonnelStep.SecondEvaluate"] = new(PersonnelState.FirstEvaluated, PersonnelRelation.SecondEvaluator, WithSecond: true),
        ["PersonnelStep.Confirm"] = new(PersonnelState.FirstEvaluated, PersonnelRelation.Division),
        ["PersonnelStep.Disclose"] = new(PersonnelState.Confirmed, PersonnelRelation.Division),
        ["PersonnelStep.AnswerComplaint"] = new(PersonnelState.Disclosed, PersonnelRelation.Division, WithComplaint: true),
        ["PersonnelStep.Reassign"] = new(PersonnelState.SelfAssessed, PersonnelRelation.Division),
    };

    /// Steps that approve nothing about the record's subject, and why.
    private static readonly Dictionary<string, string> NotAboutTheSubject = new()
    {
        ["ImprovementActionRule.Reopen"] = "puts a closed improvement back to 対応中; it must be proposed and confirmed again",
        ["ProjectEvaluationRule.Start"] = "the door for making a sheet; the steps are EvaluationStep",
        ["ProjectEvaluationRule.TakeStep"] = "the door for the steps; each is an EvaluationStep",
        ["EvaluationStep.FirstReview"] = "the department's own first review (domain: first review by the department, second by planning)",
        ["EvaluationStep.Publish"] = "releases what the second review decided; it decides nothing",
        ["GoalAction.Created"] = "the unit writes its own goal",
        ["GoalAction.Submitted"] = "the unit hands its own goal in",
        ["GoalAction.MidYearReviewed"] = "the unit's own account of its goal, agreed and confirmed by others",
        ["GoalAction.SelfAssessed"] = "the unit's own account of its goal, confirmed by others",
        ["GoalAction.Commented"] = "a comment decides nothing",
        ["GoalAction.ContentEdited"] = "a record of who wrote the content; it bars the writer from 合意 and 確定 (tested apart)",
        ["PersonnelStep.Opened"] = "personnel opens the year's sheets for everyone",
        ["PersonnelStep.SubmitGoals"] = "the person's own act",
        ["PersonnelStep.ChangeGoals"] = "the person and the first evaluator together at the interview (CheckGoalEdit)",
        ["PersonnelStep.SelfAssess"] = "the person's own act",
        ["PersonnelStep.Acknowledge"] = "the person's own act",
        ["PersonnelStep.FileComplaint"] = "the person's own act",
        ["PersonnelEvaluationRule.Reassign"] = "the door for PersonnelStep.Reassign, listed above",
        ["StaffMemberRule.SetLeaving"] = "refuses the person's own leaving date itself (StaffMemberRule.OwnLeaving)",
        ["StaffingLineRule.Request"] = "the division's own request",
        ["BudgetStage.Request"] = "the division's own request (submitted by a head who did not enter it: BudgetAccess.CheckSubmit)",
        ["BudgetRequestRule.Submit"] = "the division's own request (never by the one who entered it: BudgetAccess.CheckSubmit)",
        ["BudgetRequestRule.Restore"] = "the division's own 復活要求",
        ["BudgetDepartmentRule.ExportChousho"] = "reads",
        ["BudgetRoundRule.ReadCity"] = "reads",
        ["BudgetLineRule.EnterLaterStages"] = "records in the budget table the amounts decided in 予算編成, where no line of the assessor's own 課 is assessed (BudgetStage rows)",
        ["ControlRiskRule.Submit"] = "the division's own register",
        ["ControlRiskRule.SubmitRegister"] = "the division's own register",
        ["ControlYearRule.ReadCity"] = "reads",
        ["ControlYearRule.OpenCity"] = "reads",
        ["ControlYearRule.ReadReport"] = "reads",
        ["ControlYearRule.Promote"] = "the 推進部局 sets the year's schedule and definitions for every division",
        ["ControlYearRule.Evaluate"] = "whether the person is of the 評価部局 at all; each risk is ControlRiskRule.Evaluate",
        ["ControlYearStep.Request"] = "the 推進部局 asks every division",
        ["ControlYearStep.Consolidate"] = "the 推進部局 gathers every division's register",
        ["ControlYearStep.Report"] = "the 推進部局 writes the city's report from the 評価部局's evaluations",
        ["ControlYearStep.AuditReview"] = "the audit committee, which belongs to no unit it reviews, reviews the city's report",
        ["ControlYearStep.Council"] = "records the day the report went to the council",
        ["ControlYearStep.Publish"] = "releases the report",
        ["ProcessingErrorRule.Publish"] = "releases a reported error; it decides nothing about it",
        ["ExecutionPlanRule.ReportProgress"] = "the unit's own report",
        ["IndicatorRule.EnterValues"] = "the unit enters its own figures",
        ["PlanElementRule.EditStructure"] = "planning's master data",
    };

    /// Enums of Core whose names say they are steps, and those that are not workflow steps.
    private static readonly string[] StepEnums = [nameof(EvaluationStep), nameof(GoalAction), nameof(PersonnelStep), nameof(BudgetStage), nameof(ControlYearStep)];
    private static readonly string[] NotStepEnums = ["AuditAction", "CycleStage", "MarkStage"];

    private static IEnumerable<string> EveryStep()
    {
        var core = typeof(IRecordRule<>).Assembly;
        var rules = core.GetTypes().Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRecordRule<>)));
        foreach (var rule in rules)
            foreach (var f in rule.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string) && (string)f.GetRawConstantValue()! == f.Name))
                yield return $"{rule.Name}.{f.Name}";
        foreach (var e in core.GetTypes().Where(t => t.IsEnum && StepEnums.Contains(t.Name)))
            foreach (var name in Enum.GetNames(e)) yield return $"{e.Name}.{name}";
    }

    [Fact]
    public void Every_step_of_every_record_kind_is_listed_as_about_a_unit_about_a_person_or_not_about_the_subject()
    {
        var listed = AboutAUnit.Keys.Concat(AboutAPerson.Keys).Concat(NotAboutTheSubject.Keys).ToHashSet();
        var missing = EveryStep().Where(s => !listed.Contains(s)).ToList();
        Assert.True(missing.Count == 0, $"steps not listed: {string.Join(", ", missing)}");
        var stepLike = typeof(IRecordRule<>).Assembly.GetTypes()
            .Where(t => t.IsEnum && (t.Name.EndsWith("Step", StringComparison.Ordinal) || t.Name.EndsWith("Action", StringComparison.Ordinal) || t.Name.EndsWith("Stage", StringComparison.Ordinal)))
            .Select(t => t.Name).Where(n => !StepEnums.Contains(n) && !NotStepEnums.Contains(n)).ToList();
        Assert.True(stepLike.Count == 0, $"enums that look like workflow steps, not listed: {string.Join(", ", stepLike)}");
    }

    public static TheoryData<string> UnitSteps() => [.. AboutAUnit.Keys];

    [Theory]
    [MemberData(nameof(UnitSteps))]
    public void Nobody_takes_a_step_on_a_record_of_their_own_unit_and_someone_of_another_unit_may(string step)
    {
        var (role, refusal) = AboutAUnit[step];
        // The record's unit, the unit above it and the one under it are all the person's own.
        foreach (var own in new[] { TestCity.Roads, TestCity.Department, TestCity.RoadMaintenance })
            Assert.False(refusal(Of(role, own)) is null, $"{step}: a {role} of unit {own} took it on a record of unit {Subject}");
        Assert.Null(refusal(Of(role, TestCity.Parks)));
    }

    public static TheoryData<string> PersonSteps() => [.. AboutAPerson.Keys];

    [Theory]
    [MemberData(nameof(PersonSteps))]
    public void Nobody_takes_a_step_on_their_own_personnel_evaluation_and_the_one_whose_step_it_is_may(string step)
    {
        var s = AboutAPerson[step];
        var e = new PersonnelEvaluation { StaffMemberId = 1, FirstEvaluatorId = 2, SecondEvaluatorId = s.WithSecond ? 3 : null, State = s.State };
        if (s.WithComplaint) e.Complaints.Add(new PersonnelComplaint { Content = "c" });
        var kind = Enum.Parse<PersonnelStep>(step.Split('.')[1]);
        var today = new DateOnly(2026, 6, 1);
        // A personnel officer who is also the person's evaluator, on their own evaluation: only being the person counts.
        var officer = TestCity.As(Roles.Personnel, TestCity.Roads);
        var own = PersonnelAccess.RelationOf(officer, new HashSet<int> { 1, 2, 3 }, e);
        Assert.False(PersonnelWorkflow.Check(own, e, kind, today) is null, $"{step}: taken on the person's own evaluation");
        var taker = s.Taker switch { PersonnelRelation.FirstEvaluator => 2, PersonnelRelation.SecondEvaluator => 3, _ => 99 };
        var other = PersonnelAccess.RelationOf(s.Taker == PersonnelRelation.Division ? officer : TestCity.As(Roles.DepartmentHead, TestCity.Roads), new HashSet<int> { taker }, e);
        Assert.Null(PersonnelWorkflow.Check(other, e, kind, today));
    }
}
