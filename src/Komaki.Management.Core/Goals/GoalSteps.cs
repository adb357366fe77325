using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Goals;

/// Whether a goal's step may be taken: Forbidden for someone outside the goal's unit and the top, else the refusals
/// beside their fields (empty when it may) and each indicator's actual as read.
public sealed record GoalStepCheck(bool Forbidden, IReadOnlyList<FieldError> Refusals, IReadOnlyList<decimal?> Actuals);

/// What a person sends with a goal's workflow step: the comment, the mid-year review, and for the self-assessment
/// the grade, its evidence and each indicator's actual as typed.
public sealed record GoalStepInput(string? Comment, string? MidYearReview, GoalGrade? Grade, string? GradeEvidence, IReadOnlyList<string?> Actuals);

/// A goal's workflow step decided in one place: whether it may be taken with what was sent (GoalWorkflow says who and
/// when), and what it changes. Field names match the form so each message stands beside its field.
public static class GoalSteps
{
    /// Who may read the goal but not take the step is told why; someone outside the goal's unit and the top is
    /// forbidden outright (Forbidden = true).
    public static GoalStepCheck Check(
        Actor actor, OrganizationalGoal goal, GoalAction action, GoalStepInput input, OrgTree org)
    {
        var refusals = new List<FieldError>();
        if (GoalWorkflow.Check(actor, goal, action, org) is string refusal)
        {
            if (!GoalWorkflow.CanComment(actor, goal, org)) return new(true, [], []);
            refusals.Add(new(string.Empty, refusal));
        }
        switch (action)
        {
            case GoalAction.ChangesRequested when string.IsNullOrWhiteSpace(input.Comment):
                refusals.Add(new("Comment", "修正を依頼する点をコメントに書いてください。"));
                break;
            case GoalAction.MidYearReviewed when string.IsNullOrWhiteSpace(input.MidYearReview):
                refusals.Add(new("MidYearReview", "中間時点の進み具合を入力してください。"));
                break;
            case GoalAction.SelfAssessed:
                if (input.Grade is not GoalGrade g || !Enum.IsDefined(g)) refusals.Add(new("Grade", "達成度（S〜D）を選んでください。"));
                if (string.IsNullOrWhiteSpace(input.GradeEvidence)) refusals.Add(new("GradeEvidence", "評価の根拠を入力してください。"));
                break;
        }
        var actuals = new List<decimal?>();
        if (action == GoalAction.SelfAssessed)
        {
            var ordered = goal.Indicators.OrderBy(i => i.SortOrder).ToList();
            for (var n = 0; n < ordered.Count; n++)
            {
                if (!NumberText.TryParse(n < input.Actuals.Count ? input.Actuals[n] : null, out var v))
                    refusals.Add(new($"Actuals[{n}]", $"「{ordered[n].Name}」の実績値は数値で入力してください。"));
                actuals.Add(v);
            }
        }
        return new(false, refusals, actuals);
    }

    /// Takes the step (after Check found nothing): the state, what the step records, and the event in the goal's log.
    public static void Take(OrganizationalGoal goal, GoalAction action, GoalStepInput input, IReadOnlyList<decimal?> actuals, string userName, string displayName, DateTime now)
    {
        goal.State = GoalWorkflow.StateAfter(action);
        if (action == GoalAction.Agreed) foreach (var link in goal.Links) link.KeepAgreed();
        if (action == GoalAction.MidYearReviewed) goal.MidYearReview = input.MidYearReview!.Trim();
        if (action == GoalAction.SelfAssessed)
        {
            goal.Grade = input.Grade;
            goal.GradeEvidence = input.GradeEvidence!.Trim();
            var ordered = goal.Indicators.OrderBy(i => i.SortOrder).ToList();
            for (var n = 0; n < ordered.Count; n++) ordered[n].Actual = actuals[n];
        }
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        goal.Events.Add(new GoalEvent { Action = action, UserName = userName, DisplayName = displayName, At = now, Comment = comment });
    }

    /// What the confirmation page of 提出 or 確定 says will happen.
    public static IReadOnlyList<string> Consequences(GoalAction step) => step == GoalAction.Submitted
        ? ["この目標は所属では編集できなくなり、市長・副市長と企画担当のヒアリングに回ります。",
           "ヒアリングで合意されるか、修正を依頼されて差し戻されるまで、提出は取り消せません。"]
        : ["所属長の自己評価（達成度・根拠・実績値）がこの年度の結果として確定し、以後は誰も変更できません。",
           "確定した結果は組織目標の一覧と帳票に載ります。"];
}
