using Komaki.Management.Core;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Personnel;
using Komaki.Management.UnitTests.Builders;

namespace Komaki.Management.UnitTests.Identity;

/// A recorded step is recorded once. For every step of every workflow enum: the one who may take it, on the record
/// as it stands before the step, may (so the refusal is about the repetition); on the record as the step left it,
/// the same person is refused, in Japanese. A step that is not recorded once is listed with the reason.
/// A new step enum or value fails the first test until listed.
public class RecordedStepsTests
{
    /// Whether the step may be taken (null) or the refusal, on the record before and after the step.
    private sealed record Repeat(Func<string?> Before, Func<string?> After);

    private static readonly DateOnly Today = new(2026, 12, 8);
    private static readonly Core.Organization.OrgTree Org = TestCity.Org;

    private static ProjectEvaluation Sheet(EvaluationState state) => new()
    {
        OwnerUnitId = TestCity.Roads, State = state, Necessity = Rating.A, NecessityReason = "r", Effectiveness = Rating.A, EffectivenessReason = "r",
        Efficiency = Rating.A, EfficiencyReason = "r", Equity = Rating.A, EquityReason = "r", FirstDirection = Direction.Continue,
    };

    private static Repeat Evaluation(EvaluationStep step, string role, int unit, EvaluationState before, EvaluationState after) =>
        new(() => EvaluationWorkflow.Check(TestCity.As(role, unit), Sheet(before), step, Org), () => EvaluationWorkflow.Check(TestCity.As(role, unit), Sheet(after), step, Org));

    private static Repeat Goal(GoalAction action, string role, int unit, GoalState before) =>
        new(() => GoalWorkflow.Check(TestCity.As(role, unit), TestCity.Goal(before), action, Org),
            () => GoalWorkflow.Check(TestCity.As(role, unit), TestCity.Goal(GoalWorkflow.StateAfter(action)), action, Org));

    private static PersonnelEvaluation Person(PersonnelState state, bool complaint)
    {
        var e = new PersonnelEvaluation { StaffMemberId = 1, FirstEvaluatorId = 2, SecondEvaluatorId = 3, State = state };
        if (complaint) e.Complaints.Add(new PersonnelComplaint { Content = "c" });
        return e;
    }

    private static Repeat Personnel(PersonnelStep step, PersonnelRelation who, PersonnelState before, PersonnelState after, bool answered = false) =>
        new(() => PersonnelWorkflow.Check(who, Person(before, complaint: answered), step, Today),
            () => PersonnelWorkflow.Check(who, Person(after, complaint: false), step, Today));

    private static ControlYear Year(ControlYearStep upTo)
    {
        var y = new ControlYear { FiscalYear = 2025 };
        var on = new DateOnly(2025, 5, 1);
        foreach (var s in Enum.GetValues<ControlYearStep>().Where(s => s <= upTo))
        {
            on = on.AddDays(30);
            switch (s)
            {
                case ControlYearStep.Request: y.RequestedOn = on; break;
                case ControlYearStep.Consolidate: y.ConsolidatedOn = on; break;
                case ControlYearStep.Report: y.ReportedOn = on; break;
                case ControlYearStep.AuditReview: y.AuditReviewedOn = on; y.AuditOpinion = "意見"; break;
                case ControlYearStep.Council: y.CouncilOn = on; break;
                default: y.PublishedOn = on; break;
            }
        }
        return y;
    }

    private static Repeat Control(ControlYearStep step) =>
        new(() => ControlYearSteps.Order(step, step == ControlYearStep.Request ? new ControlYear { FiscalYear = 2025 } : Year(step - 1)), () => ControlYearSteps.Order(step, Year(step)));

    private static readonly Dictionary<string, Repeat> RecordedOnce = new()
    {
        ["EvaluationStep.FirstReview"] = Evaluation(EvaluationStep.FirstReview, Roles.DepartmentHead, TestCity.Roads, EvaluationState.Draft, EvaluationState.FirstReviewed),
        ["EvaluationStep.SecondReview"] = Evaluation(EvaluationStep.SecondReview, Roles.Planning, TestCity.OtherDepartment, EvaluationState.FirstReviewed, EvaluationState.SecondReviewed),
        ["EvaluationStep.Publish"] = Evaluation(EvaluationStep.Publish, Roles.Planning, TestCity.OtherDepartment, EvaluationState.SecondReviewed, EvaluationState.Published),
        ["EvaluationStep.Return"] = Evaluation(EvaluationStep.Return, Roles.Planning, TestCity.OtherDepartment, EvaluationState.FirstReviewed, EvaluationState.Draft),
        ["GoalAction.Submitted"] = Goal(GoalAction.Submitted, Roles.DepartmentHead, TestCity.Roads, GoalState.Draft),
        ["GoalAction.ChangesRequested"] = Goal(GoalAction.ChangesRequested, Roles.Planning, TestCity.OtherDepartment, GoalState.Submitted),
        ["GoalAction.Agreed"] = Goal(GoalAction.Agreed, Roles.Planning, TestCity.OtherDepartment, GoalState.Submitted),
        ["GoalAction.MidYearReviewed"] = Goal(GoalAction.MidYearReviewed, Roles.DepartmentHead, TestCity.Roads, GoalState.Agreed),
        ["GoalAction.SelfAssessed"] = Goal(GoalAction.SelfAssessed, Roles.DepartmentHead, TestCity.Roads, GoalState.MidYearReviewed),
        ["GoalAction.Confirmed"] = Goal(GoalAction.Confirmed, Roles.Planning, TestCity.OtherDepartment, GoalState.SelfAssessed),
        ["PersonnelStep.SubmitGoals"] = Personnel(PersonnelStep.SubmitGoals, PersonnelRelation.Self, PersonnelState.GoalSetting, PersonnelState.GoalsSubmitted),
        ["PersonnelStep.AgreeGoals"] = Personnel(PersonnelStep.AgreeGoals, PersonnelRelation.FirstEvaluator, PersonnelState.GoalsSubmitted, PersonnelState.GoalsAgreed),
        ["PersonnelStep.ReturnGoals"] = Personnel(PersonnelStep.ReturnGoals, PersonnelRelation.FirstEvaluator, PersonnelState.GoalsSubmitted, PersonnelState.GoalSetting),
        ["PersonnelStep.MidYearInterview"] = Personnel(PersonnelStep.MidYearInterview, PersonnelRelation.FirstEvaluator, PersonnelState.GoalsAgreed, PersonnelState.MidYearReviewed),
        ["PersonnelStep.SelfAssess"] = Personnel(PersonnelStep.SelfAssess, PersonnelRelation.Self, PersonnelState.MidYearReviewed, PersonnelState.SelfAssessed),
        ["PersonnelStep.FirstEvaluate"] = Personnel(PersonnelStep.FirstEvaluate, PersonnelRelation.FirstEvaluator, PersonnelState.SelfAssessed, PersonnelState.FirstEvaluated),
        ["PersonnelStep.SecondEvaluate"] = Personnel(PersonnelStep.SecondEvaluate, PersonnelRelation.SecondEvaluator, PersonnelState.FirstEvaluated, PersonnelState.SecondEvaluated),
        ["PersonnelStep.Confirm"] = Personnel(PersonnelStep.Confirm, PersonnelRelation.Division, PersonnelState.SecondEvaluated, PersonnelState.Confirmed),
        ["PersonnelStep.Disclose"] = Personnel(PersonnelStep.Disclose, PersonnelRelation.Division, PersonnelState.Confirmed, PersonnelState.Disclosed),
        ["PersonnelStep.Acknowledge"] = Personnel(PersonnelStep.Acknowledge, PersonnelRelation.Self, PersonnelState.Disclosed, PersonnelState.Acknowledged),
        ["PersonnelStep.AnswerComplaint"] = Personnel(PersonnelStep.AnswerComplaint, PersonnelRelation.Division, PersonnelState.Disclosed, PersonnelState.Disclosed, answered: true),
        ["ControlYearStep.Request"] = Control(ControlYearStep.Request),
        ["ControlYearStep.Consolidate"] = Control(ControlYearStep.Consolidate),
        ["ControlYearStep.Report"] = Control(ControlYearStep.Report),
        ["ControlYearStep.AuditReview"] = Control(ControlYearStep.AuditReview),
        ["ControlYearStep.Council"] = Control(ControlYearStep.Council),
        ["ControlYearStep.Publish"] = Control(ControlYearStep.Publish),
    };

    /// Steps that are not recorded once, and why (or where their once is kept).
    private static readonly Dictionary<string, string> NotRecordedOnce = new()
    {
        ["GoalAction.Created"] = "creating the goal, not a step on it",
        ["GoalAction.Commented"] = "comments are added as often as needed; each is its own record",
        ["GoalAction.ContentEdited"] = "a record of who wrote the content, made at each change; not a step on the goal",
        ["PersonnelStep.Opened"] = "personnel opens the year; each sheet is created once (PersonnelCommands.OpenYear)",
        ["PersonnelStep.ChangeGoals"] = "the goals may change at the interview as often as agreed, each change with its reason (CheckGoalEdit)",
        ["PersonnelStep.FileComplaint"] = "a person may complain again after an answer, within the window",
        ["PersonnelStep.Reassign"] = "evaluators change when people move; each change is an event with its reason",
        ["BudgetStage.Request"] = "amounts of a stage are entered until committed; a committed stage is refused 「確定済です」 (BudgetFormulationCommands)",
        ["BudgetStage.FinanceAssessment"] = "as BudgetStage.Request",
        ["BudgetStage.MayorAssessment"] = "as BudgetStage.Request",
        ["BudgetStage.Notice"] = "as BudgetStage.Request",
        ["BudgetStage.Restoration"] = "as BudgetStage.Request",
        ["BudgetStage.RestorationAssessment"] = "as BudgetStage.Request",
        ["BudgetStage.Proposal"] = "as BudgetStage.Request",
    };

    private static readonly string[] NotStepEnums = ["AuditAction", "CycleStage", "MarkStage"];

    [Fact]
    public void Every_step_of_every_workflow_enum_is_listed()
    {
        var steps = typeof(IRecordRule<>).Assembly.GetTypes()
            .Where(t => t.IsEnum && (t.Name.EndsWith("Step", StringComparison.Ordinal) || t.Name.EndsWith("Action", StringComparison.Ordinal) || t.Name.EndsWith("Stage", StringComparison.Ordinal)))
            .Where(t => !NotStepEnums.Contains(t.Name))
            .SelectMany(t => Enum.GetNames(t).Select(n => $"{t.Name}.{n}")).ToList();
        Assert.Contains("ControlYearStep.Publish", steps);
        var missing = steps.Where(s => !RecordedOnce.ContainsKey(s) && !NotRecordedOnce.ContainsKey(s)).ToList();
        Assert.True(missing.Count == 0, $"steps not listed: {string.Join(", ", missing)}");
    }

    public static TheoryData<string> Steps() => [.. RecordedOnce.Keys];

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_recorded_step_is_refused_in_japanese_when_taken_again(string step)
    {
        var repeat = RecordedOnce[step];
        Assert.Null(repeat.Before());
        var refusal = repeat.After();
        Assert.False(refusal is null, $"{step} was allowed again");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refusal);
    }

    [Fact]
    public void A_control_step_is_refused_as_recorded_with_its_day_and_its_day_follows_the_steps_before()
    {
        var published = Year(ControlYearStep.Publish);
        foreach (var step in Enum.GetValues<ControlYearStep>())
            Assert.Contains("記録済です", ControlYearSteps.Order(step, published));
        var reported = Year(ControlYearStep.Report);
        Assert.NotNull(ControlYearSteps.DayRefusal(ControlYearStep.AuditReview, reported, new DateOnly(1, 1, 1), Today));
        Assert.NotNull(ControlYearSteps.DayRefusal(ControlYearStep.AuditReview, reported, reported.ReportedOn!.Value.AddDays(-1), Today));
        Assert.NotNull(ControlYearSteps.DayRefusal(ControlYearStep.AuditReview, reported, Today.AddDays(1), Today));
        Assert.Null(ControlYearSteps.DayRefusal(ControlYearStep.AuditReview, reported, reported.ReportedOn!.Value, Today));
    }
}
