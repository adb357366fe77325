using Komaki.Management.UnitTests.Builders;
using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.UnitTests.Goals;

public class GoalWorkflowTests
{
    private static readonly OrgTree Org = TestCity.Org;

    private static Actor As(string role, int? unit = null) => TestCity.As(role, unit);

    private static OrganizationalGoal Goal(GoalState state, int unit = TestCity.Roads) => TestCity.Goal(state, unit);

    [Fact]
    public void The_unit_head_submits_the_top_agrees_the_head_reviews_and_assesses_and_planning_confirms()
    {
        var head = As(Roles.DepartmentHead, 2);
        var mayor = As(Roles.Executive);
        var planning = As(Roles.Planning);
        var goal = Goal(GoalState.Draft);
        foreach (var (actor, action) in new[] { (head, GoalAction.Submitted), (mayor, GoalAction.Agreed), (head, GoalAction.MidYearReviewed), (head, GoalAction.SelfAssessed), (planning, GoalAction.Confirmed) })
        {
            Assert.Null(GoalWorkflow.Check(actor, goal, action, Org));
            goal.State = GoalWorkflow.StateAfter(action);
        }
        Assert.Equal(GoalState.Confirmed, goal.State);
    }

    [Fact]
    public void The_head_of_the_department_above_acts_for_its_divisions_but_not_a_sibling_division()
    {
        Assert.Null(GoalWorkflow.Check(As(Roles.DepartmentHead, 1), Goal(GoalState.Draft), GoalAction.Submitted, Org));
        Assert.Equal("提出できるのは、その所属の所属長だけです。", GoalWorkflow.Check(As(Roles.DepartmentHead, TestCity.Parks), Goal(GoalState.Draft), GoalAction.Submitted, Org));
        Assert.NotNull(GoalWorkflow.Check(As(Roles.DepartmentStaff, 2), Goal(GoalState.Draft), GoalAction.Submitted, Org));
    }

    [Theory]
    [InlineData(GoalState.Draft, GoalAction.SelfAssessed, "自己評価は、ヒアリングでの合意と中間確認の後")]
    [InlineData(GoalState.Submitted, GoalAction.MidYearReviewed, "中間確認はヒアリングで合意した後")]
    [InlineData(GoalState.Agreed, GoalAction.SelfAssessed, "中間確認の後")]
    [InlineData(GoalState.Agreed, GoalAction.Submitted, "提出できません")]
    public void A_step_out_of_order_is_refused_with_the_reason(GoalState state, GoalAction action, string reason) =>
        Assert.Contains(reason, GoalWorkflow.Check(As(Roles.DepartmentHead, 2), Goal(state), action, Org));

    [Fact]
    public void A_goal_without_an_indicator_cannot_be_submitted_and_only_the_top_agrees()
    {
        var bare = Goal(GoalState.Draft);
        bare.Indicators.Clear();
        Assert.Contains("指標", GoalWorkflow.Check(As(Roles.DepartmentHead, 2), bare, GoalAction.Submitted, Org));
        Assert.NotNull(GoalWorkflow.Check(As(Roles.DepartmentHead, 2), Goal(GoalState.Submitted), GoalAction.Agreed, Org));
        Assert.Null(GoalWorkflow.Check(As(Roles.Planning), Goal(GoalState.Submitted), GoalAction.ChangesRequested, Org));
        Assert.NotNull(GoalWorkflow.Check(As(Roles.Executive), Goal(GoalState.SelfAssessed), GoalAction.Confirmed, Org));
    }

    [Fact]
    public void Content_can_be_edited_only_before_submission_or_after_changes_were_requested()
    {
        var head = As(Roles.DepartmentHead, 2);
        Assert.True(GoalWorkflow.CanEditContent(head, Goal(GoalState.Draft), Org));
        Assert.True(GoalWorkflow.CanEditContent(head, Goal(GoalState.ChangesRequested), Org));
        Assert.False(GoalWorkflow.CanEditContent(head, Goal(GoalState.Submitted), Org));
        Assert.False(GoalWorkflow.CanEditContent(As(Roles.Executive), Goal(GoalState.Draft), Org));
    }

    [Fact]
    public void The_portfolio_places_measures_against_the_years_averages_and_remembers_last_year()
    {
        var measures = new List<(int, string, string)> { (1, "1-1", "a"), (2, "1-2", "b"), (3, "1-3", "c"), (4, "1-4", "d") };
        SurveyResult R(int m, int y, decimal s, decimal i) => new() { MeasureId = m, FiscalYear = y, Satisfaction = s, Importance = i };
        var (points, ms, mi) = CsPortfolio.Build(measures,
            [R(1, 2025, 30, 80), R(2, 2025, 70, 80), R(3, 2025, 30, 40), R(4, 2025, 70, 40)],
            [R(1, 2024, 70, 80), R(2, 2024, 30, 80), R(3, 2024, 30, 40), R(4, 2024, 70, 40)]);
        Assert.Equal(50, ms);
        Assert.Equal(60, mi);
        Assert.Equal([Quadrant.PriorityImprovement, Quadrant.PriorityMaintenance, Quadrant.Improvement, Quadrant.Maintenance], points.Select(p => p.Quadrant));
        Assert.Equal(Quadrant.PriorityMaintenance, points[0].PreviousQuadrant);
        Assert.Equal("重点改善", points[0].Quadrant.Label());
    }
}

/// A goal's step decided in Core: what stops it as sent, and what it records.
public class GoalStepsTests
{
    private static readonly OrgTree Org = TestCity.Org;

    private static Actor As(string role, int? unit = null) => TestCity.As(role, unit);

    private static OrganizationalGoal Goal(GoalState state) => new()
    {
        OrgUnitId = 2, State = state,
        Indicators = [new GoalIndicator { Name = "補修件数", Unit = "件", Target = 10, SortOrder = 1 }, new GoalIndicator { Name = "苦情件数", Unit = "件", Target = 5, SortOrder = 2 }],
    };

    [Fact]
    public void A_self_assessment_needs_a_grade_evidence_and_numeric_actuals_each_named_beside_its_field()
    {
        var (forbidden, refusals, _) = GoalSteps.Check(As(Roles.DepartmentHead, 2), Goal(GoalState.MidYearReviewed), GoalAction.SelfAssessed,
            new GoalStepInput(null, null, null, " ", ["12", "五"]), Org);
        Assert.False(forbidden);
        Assert.Equal(["Grade", "GradeEvidence", "Actuals[1]"], refusals.Select(r => r.Field));
        Assert.Contains("「苦情件数」の実績値は数値で入力してください。", refusals.Select(r => r.Message));
    }

    [Fact]
    public void Another_units_head_is_forbidden_and_a_request_for_changes_needs_its_comment()
    {
        Assert.True(GoalSteps.Check(As(Roles.DepartmentHead, TestCity.Parks), Goal(GoalState.Draft), GoalAction.Submitted, new GoalStepInput(null, null, null, null, []), Org).Forbidden);
        var (_, refusals, _) = GoalSteps.Check(As(Roles.Executive), Goal(GoalState.Submitted), GoalAction.ChangesRequested, new GoalStepInput(" ", null, null, null, []), Org);
        Assert.Equal("修正を依頼する点をコメントに書いてください。", refusals.Single().Message);
    }

    [Fact]
    public void Taking_the_self_assessment_records_grade_actuals_and_the_event()
    {
        var goal = Goal(GoalState.MidYearReviewed);
        var input = new GoalStepInput(" 前倒しで完了 ", null, GoalGrade.A, " 12件を補修した。 ", ["12", "3"]);
        var (_, refusals, actuals) = GoalSteps.Check(As(Roles.DepartmentHead, 2), goal, GoalAction.SelfAssessed, input, Org);
        Assert.Empty(refusals);
        GoalSteps.Take(goal, GoalAction.SelfAssessed, input, actuals, "doro-kacho", "道路 一郎", new DateTime(2027, 4, 20, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal((GoalState.SelfAssessed, GoalGrade.A, "12件を補修した。"), (goal.State, goal.Grade!.Value, goal.GradeEvidence));
        Assert.Equal([12m, 3m], goal.Indicators.OrderBy(i => i.SortOrder).Select(i => i.Actual!.Value));
        Assert.Equal(("道路 一郎", "前倒しで完了"), (goal.Events.Single().DisplayName, goal.Events.Single().Comment));
    }
}
