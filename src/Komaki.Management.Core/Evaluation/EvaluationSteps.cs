using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Evaluation;

/// What a reviewer sends with a step: the second review's direction and reason, the return comment, and why the
/// step is taken despite the findings.
public sealed record StepInput(Direction? SecondDirection, string? SecondReason, string? Comment, string? Explanation);

/// A review step on an evaluation (一次評価確定, 二次評価確定, 差し戻し, 公表): whether it may be taken with what was
/// sent, and what it changes. The web layer only asks and shows; the decisions are here.
public static class EvaluationSteps
{
    /// Each reason the step cannot be taken as sent, beside its field (empty when it can). string.Empty is the whole
    /// step (who may take it, in which state).
    public static IReadOnlyList<FieldError> Refusals(Actor actor, ProjectEvaluation e, EvaluationStep step, StepInput input,
        IReadOnlyList<EvaluationFinding> findings, OrgTree org)
    {
        var refusals = new List<FieldError>();
        if (EvaluationWorkflow.Check(actor, e, step, org) is string refusal) refusals.Add(new(string.Empty, refusal));
        if (step == EvaluationStep.SecondReview && input.SecondDirection is Direction sd && sd != e.FirstDirection && string.IsNullOrWhiteSpace(input.SecondReason))
            refusals.Add(new(nameof(StepInput.SecondReason), "一次評価と異なる方向性にするときは、その理由を入力してください。"));
        if (step == EvaluationStep.Return && string.IsNullOrWhiteSpace(input.Comment))
            refusals.Add(new(nameof(StepInput.Comment), "差し戻す理由を入力してください。"));
        if (findings.Count > 0 && string.IsNullOrWhiteSpace(input.Explanation))
            refusals.Add(new(nameof(StepInput.Explanation), "確認事項があります。このまま確定する理由を書いてください（評価シートに載ります）。"));
        return refusals;
    }

    /// What a step must answer before it is taken: at 一次・二次評価確定 what the sheet lacks (SheetCompleteness) and
    /// where the ratings disagree with its indicators and cost trend (EvaluationConsistency); at 公表 the same checks,
    /// less what the second review already answered with a reason — an imported or older sheet, or one completed
    /// without the checks, is not published with questions nobody answered.
    public static IReadOnlyList<EvaluationFinding> Findings(ProjectEvaluation e, EvaluationStep step, RolledUp indicators, IReadOnlyList<JudgmentBand> bands,
        DirectionCatalog directions, Direction? secondDirection, IReadOnlyList<CostYear> costs, string? projectDescription)
    {
        if (step is EvaluationStep.Return) return [];
        var direction = step == EvaluationStep.SecondReview ? secondDirection ?? e.FirstDirection : step == EvaluationStep.Publish ? e.FinalDirection : e.FirstDirection;
        var all = SheetCompleteness.Check(e, costs, projectDescription).Concat(EvaluationConsistency.Check(e, indicators, bands, directions, direction, costs)).ToList();
        if (step != EvaluationStep.Publish) return all;
        var answered = e.SecondReviewExplanation is null ? [] : (e.SecondReviewFindings ?? "").Split('\n').ToHashSet();
        return all.Where(f => !answered.Contains(f.Message)).ToList();
    }

    /// Takes the step (after Refusals found none): the state, who and when, and the findings with the reviewer's
    /// explanation kept on the sheet.
    public static void Take(ProjectEvaluation e, EvaluationStep step, StepInput input, IReadOnlyList<EvaluationFinding> findings, string reviewer, DateTime now)
    {
        var noted = findings.Count == 0 ? null : EvaluationConsistency.Join(findings);
        var explanation = findings.Count == 0 ? null : Trim(input.Explanation);
        switch (step)
        {
            case EvaluationStep.FirstReview:
                (e.State, e.FirstReviewedBy, e.FirstReviewedAt, e.ReturnComment) = (EvaluationState.FirstReviewed, reviewer, now, null);
                (e.FirstReviewFindings, e.FirstReviewExplanation) = (noted, explanation);
                break;
            case EvaluationStep.SecondReview:
                e.SecondDirection = input.SecondDirection is Direction x && x != e.FirstDirection ? x : null;
                e.SecondReason = Trim(input.SecondReason);
                (e.State, e.SecondReviewedBy, e.SecondReviewedAt) = (EvaluationState.SecondReviewed, reviewer, now);
                (e.SecondReviewFindings, e.SecondReviewExplanation) = (noted, explanation);
                break;
            case EvaluationStep.Return:
                (e.State, e.ReturnComment, e.FirstReviewedBy, e.FirstReviewedAt) = (EvaluationState.Draft, Trim(input.Comment), null, null);
                (e.FirstReviewFindings, e.FirstReviewExplanation) = (null, null);
                break;
            case EvaluationStep.Publish:
                (e.State, e.PublishedAt) = (EvaluationState.Published, now);
                (e.PublishFindings, e.PublishExplanation) = (noted, explanation);
                break;
        }
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
