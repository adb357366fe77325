using Komaki.Management.UnitTests.Builders;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.UnitTests.Evaluation;

/// Review steps decided in Core: what stops a step as sent, and what a step changes on the evaluation.
public class EvaluationStepsTests
{
    private static readonly OrgTree Org = TestCity.Org;

    private static readonly Actor Planning = new("kikaku", new HashSet<string> { Roles.Planning }, null);
    private static readonly EvaluationFinding Finding = new("Effectiveness", "有効性を「A（高い）」としていますが、この年度の指標の実績がありません。");

    private static ProjectEvaluation Reviewed() => new()
    {
        OwnerUnitId = 2, State = EvaluationState.FirstReviewed, FirstDirection = Direction.Continue, Necessity = Rating.A, Effectiveness = Rating.A,
        Efficiency = Rating.B, Equity = Rating.B, NecessityReason = "r", EffectivenessReason = "r", EfficiencyReason = "r", EquityReason = "r",
    };

    [Fact]
    public void A_changed_direction_needs_a_reason_and_findings_need_an_explanation()
    {
        var e = Reviewed();
        var refusals = EvaluationSteps.Refusals(Planning, e, EvaluationStep.SecondReview, new StepInput(Direction.Reduce, " ", null, null), [Finding], Org);
        Assert.Equal(["SecondReason", "Explanation"], refusals.Select(r => r.Field));
        Assert.Empty(EvaluationSteps.Refusals(Planning, e, EvaluationStep.SecondReview, new StepInput(Direction.Reduce, "利用が減った。", null, "12月に実績が出る。"), [Finding], Org));
    }

    [Fact]
    public void A_department_head_cannot_take_planning_s_steps_and_a_return_needs_its_reason()
    {
        var head = TestCity.As(Roles.DepartmentHead, TestCity.Roads, "doro");
        Assert.Contains(EvaluationSteps.Refusals(head, Reviewed(), EvaluationStep.Publish, new StepInput(null, null, null, null), [], Org), r => r.Field == "");
        Assert.Equal("差し戻す理由を入力してください。", EvaluationSteps.Refusals(Planning, Reviewed(), EvaluationStep.Return, new StepInput(null, null, "", null), [], Org).Single().Message);
    }

    [Fact]
    public void The_second_review_records_the_change_who_and_when_and_keeps_the_findings_with_the_explanation()
    {
        var e = Reviewed();
        var now = new DateTime(2026, 8, 5, 1, 0, 0, DateTimeKind.Utc);
        EvaluationSteps.Take(e, EvaluationStep.SecondReview, new StepInput(Direction.Reduce, " 利用が減った。 ", null, "12月に実績が出る。"), [Finding], "企画 花子", now);
        Assert.Equal((EvaluationState.SecondReviewed, Direction.Reduce, "利用が減った。", "企画 花子", now), (e.State, e.SecondDirection!.Value, e.SecondReason, e.SecondReviewedBy, e.SecondReviewedAt!.Value));
        Assert.Equal((Finding.Message, "12月に実績が出る。"), (e.SecondReviewFindings, e.SecondReviewExplanation));

        var same = Reviewed();
        EvaluationSteps.Take(same, EvaluationStep.SecondReview, new StepInput(Direction.Continue, null, null, "無視される"), [], "企画 花子", now);
        Assert.Null(same.SecondDirection); // as the first review said
        Assert.Null(same.SecondReviewExplanation); // no findings, nothing to explain
    }

    [Fact]
    public void A_return_sends_the_evaluation_back_to_draft_and_clears_the_first_review()
    {
        var e = Reviewed();
        (e.FirstReviewedBy, e.FirstReviewFindings) = ("道路 一郎", "x");
        EvaluationSteps.Take(e, EvaluationStep.Return, new StepInput(null, null, " 指標の実績を入れてください ", null), [], "企画 花子", DateTime.UtcNow);
        Assert.Equal((EvaluationState.Draft, "指標の実績を入れてください", (string?)null, (string?)null), (e.State, e.ReturnComment, e.FirstReviewedBy, e.FirstReviewFindings));
    }
}
