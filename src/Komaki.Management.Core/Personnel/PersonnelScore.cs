namespace Komaki.Management.Core.Personnel;

/// The weighted average of one stage's grades for one part, shown beside the overall grade as how it could be
/// reached: Σ(評語の点数 × ウエイト) ÷ Σウエイト over the items graded. The evaluator decides the overall grade; this
/// is the reference, never the grade itself.
public sealed record WeightedScore(decimal Average, int WeightGraded, int WeightTotal, string Nearest)
{
    public string Explain() =>
        $"加重平均 {Average.ToString("0.00", CultureInfo.InvariantCulture)}（評語の点数×ウエイトの合計÷ウエイト{WeightGraded}）→ 最も近い評語 {Nearest}"
        + (WeightGraded < WeightTotal ? $"（ウエイト{WeightTotal}のうち{WeightGraded}分の項目だけ評語があります）" : "");
}

public static class PersonnelScore
{
    /// Of the stage's confirmed marks, or (draft) of the marks its holder saved and is about to confirm.
    public static WeightedScore? Of(PersonnelEvaluation e, PersonnelDesign design, MarkStage stage, AppraisalPart part, bool draft = false)
    {
        EvaluationMark? MarkOf(int? criterionId, int? goalId) => draft ? e.DraftMark(stage, part, criterionId, goalId) : e.Mark(stage, part, criterionId, goalId);
        var items = part == AppraisalPart.Competence
            ? design.CriteriaFor(e.JobLevel).Select(c => (Weight: c.Weight, Mark: MarkOf(c.Id, null))).ToList()
            : e.OrderedGoals.Select(g => (Weight: g.Weight ?? 0, Mark: MarkOf(null, g.Id))).ToList();
        var graded = items.Select(i => (i.Weight, Grade: design.Grade(i.Mark?.Grade))).Where(i => i.Grade is not null && i.Weight > 0).ToList();
        var weight = graded.Sum(i => i.Weight);
        if (weight == 0 || design.Grades.Count == 0) return null;
        var average = Math.Round(graded.Sum(i => i.Grade!.Points * i.Weight) / weight, 2);
        var nearest = design.Grades.OrderBy(g => Math.Abs(g.Points - average)).ThenByDescending(g => g.Points).First();
        return new WeightedScore(average, weight, items.Sum(i => i.Weight), nearest.Code);
    }
}
