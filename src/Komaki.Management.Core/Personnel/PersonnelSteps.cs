using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Personnel;

/// Who acts, as the evaluation's log names them, and the day as the city reads it.
public sealed record PersonnelAuthor(string UserName, string DisplayName, DateTime At, DateOnly Today);

/// A step of the evaluation decided in one place: whether it may be taken with what was sent (PersonnelWorkflow says
/// who and when), and what it changes. Field names match the form so each message stands beside its field.
public static class PersonnelSteps
{
    public static List<FieldError> Check(PersonnelEvaluation e, PersonnelDesign design, PersonnelRelation r, PersonnelStepForm f, DateOnly today)
    {
        var errors = new List<FieldError>();
        // Only the steps of the sheet's form: 評価者の変更 has a form of its own, and an unknown number is no step.
        if (!PersonnelWorkflow.Actions.Contains(f.Step)) return [new(string.Empty, "この操作はできません。")];
        if (PersonnelWorkflow.Check(r, e, f.Step, today) is string refusal) return [new(string.Empty, refusal)];
        void Need(bool ok, string field, string message)
        {
            if (!ok) errors.Add(new(field, message));
        }
        bool InScale(string? grade) => design.Grade(grade?.Trim()) is not null;
        var scale = string.Join("・", design.Grades.OrderBy(g => g.SortOrder).Select(g => g.Code));
        switch (f.Step)
        {
            case PersonnelStep.SubmitGoals:
                errors.AddRange(PersonnelWorkflow.GoalProblems(e).Select(p => new FieldError(string.Empty, p)));
                break;
            case PersonnelStep.AgreeGoals:
                CheckInterview(f, today, errors, noteRequired: false);
                break;
            case PersonnelStep.MidYearInterview:
                CheckInterview(f, today, errors, noteRequired: true);
                break;
            case PersonnelStep.ReturnGoals:
                Need(!string.IsNullOrWhiteSpace(f.Comment), "Comment", "差し戻す理由（直してほしい点）を書いてください。");
                break;
            case PersonnelStep.SelfAssess or PersonnelStep.FirstEvaluate or PersonnelStep.SecondEvaluate:
                foreach (var (key, label, index) in Items(e, design))
                {
                    var row = f.Marks.FirstOrDefault(m => m.Key == key);
                    var at = RowIndex(f, key, index);
                    Need(InScale(row?.Grade), $"Marks[{at}].Grade", $"「{label}」の評語を選んでください（{scale}）。");
                    if (f.Step == PersonnelStep.SelfAssess && key.StartsWith('G'))
                    {
                        Need(!string.IsNullOrWhiteSpace(row?.Result), $"Marks[{at}].Result", $"「{label}」の実績（取り組んだ結果）を書いてください。");
                    }
                }
                if (f.Step != PersonnelStep.SelfAssess)
                {
                    Need(InScale(f.CompetenceGrade), "CompetenceGrade", $"能力評価の全体評語を選んでください（{scale}）。");
                    Need(InScale(f.PerformanceGrade), "PerformanceGrade", $"業績評価の全体評語を選んでください（{scale}）。");
                }
                break;
            case PersonnelStep.Confirm:
                Need(InScale(f.CompetenceGrade), "CompetenceGrade", $"確定する能力評価の評語を選んでください（{scale}）。");
                Need(InScale(f.PerformanceGrade), "PerformanceGrade", $"確定する業績評価の評語を選んでください（{scale}）。");
                var changed = f.CompetenceGrade?.Trim() != e.LastEvaluatorGrade(AppraisalPart.Competence) || f.PerformanceGrade?.Trim() != e.LastEvaluatorGrade(AppraisalPart.Performance);
                Need(!changed || !string.IsNullOrWhiteSpace(f.AdjustmentReason), "AdjustmentReason", "評価者の評語と違う評語で確定するときは、調整の理由を書いてください。");
                break;
            case PersonnelStep.FileComplaint:
                Need(!string.IsNullOrWhiteSpace(f.Complaint), "Complaint", "相談したい内容を書いてください。");
                break;
            case PersonnelStep.AnswerComplaint:
                Need(!string.IsNullOrWhiteSpace(f.Comment), "Comment", "回答を書いてください。");
                Need(f.Outcome is ComplaintOutcome o && Enum.IsDefined(o), "Outcome", "結果（評価を維持・評価を変更）を選んでください。");
                if (f.Outcome == ComplaintOutcome.Changed)
                {
                    Need(InScale(f.CompetenceGrade), "CompetenceGrade", $"変更後の能力評価の評語を選んでください（{scale}）。");
                    Need(InScale(f.PerformanceGrade), "PerformanceGrade", $"変更後の業績評価の評語を選んでください（{scale}）。");
                    Need(f.CompetenceGrade?.Trim() != e.FinalCompetenceGrade || f.PerformanceGrade?.Trim() != e.FinalPerformanceGrade, "PerformanceGrade",
                        "「評価を変更」のときは、確定した評語と違う評語を選んでください。");
                }
                break;
        }
        return errors;
    }

    private static int RowIndex(PersonnelStepForm f, string key, int fallback)
    {
        var i = f.Marks.FindIndex(m => m.Key == key);
        return i < 0 ? fallback : i;
    }

    private static void CheckInterview(PersonnelStepForm f, DateOnly today, List<FieldError> errors, bool noteRequired)
    {
        if (!DateOnly.TryParseExact(f.InterviewOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
            errors.Add(new("InterviewOn", "面談の日を入力してください。"));
        else if (on > today) errors.Add(new("InterviewOn", "面談の日に先の日付は入れられません（面談をした後に記録します）。"));
        if (noteRequired && string.IsNullOrWhiteSpace(f.InterviewNote)) errors.Add(new("InterviewNote", "面談で話し合った内容（進み具合と今後の取組）を書いてください。"));
    }

    /// The items graded at each stage, in the sheet's order: the criteria of the person's job level, then the goals.
    public static IEnumerable<(string Key, string Label, int Index)> Items(PersonnelEvaluation e, PersonnelDesign design)
    {
        var n = 0;
        foreach (var c in design.CriteriaFor(e.JobLevel)) yield return ($"C{c.Id}", c.Name, n++);
        foreach (var g in e.OrderedGoals) yield return ($"G{g.Id}", g.Title, n++);
    }

    public static MarkStage? StageOf(PersonnelStep step) => step switch
    {
        PersonnelStep.SelfAssess => MarkStage.Self,
        PersonnelStep.FirstEvaluate => MarkStage.First,
        PersonnelStep.SecondEvaluate => MarkStage.Second,
        _ => null,
    };

    /// Takes the step (after Check found nothing): the state, what the step records, and the event in the log.
    public static void Take(PersonnelEvaluation e, PersonnelDesign design, PersonnelStepForm f, PersonnelAuthor author)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var comment = Clean(f.Comment);
        switch (f.Step)
        {
            case PersonnelStep.AgreeGoals:
                e.GoalInterviewOn = DateOnly.ParseExact(f.InterviewOn!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                e.GoalInterviewNote = Clean(f.InterviewNote);
                foreach (var g in e.Goals) g.KeepAgreedServes();
                break;
            case PersonnelStep.MidYearInterview:
                e.MidYearInterviewOn = DateOnly.ParseExact(f.InterviewOn!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                e.MidYearInterviewNote = Clean(f.InterviewNote);
                break;
            case PersonnelStep.SelfAssess or PersonnelStep.FirstEvaluate or PersonnelStep.SecondEvaluate:
                var stage = StageOf(f.Step)!.Value;
                e.Marks.RemoveAll(m => m.Stage == stage);
                foreach (var (key, _, _) in Items(e, design))
                {
                    var row = f.Marks.First(m => m.Key == key);
                    var id = int.Parse(key[1..], CultureInfo.InvariantCulture);
                    var isGoal = key[0] == 'G';
                    e.Marks.Add(new EvaluationMark
                    {
                        Stage = stage, Part = isGoal ? AppraisalPart.Performance : AppraisalPart.Competence,
                        CompetenceCriterionId = isGoal ? null : id, PerformanceGoalId = isGoal ? id : null, Grade = row.Grade!.Trim(), Comment = Clean(row.Comment),
                    });
                    if (isGoal && stage == MarkStage.Self) e.Goals.First(g => g.Id == id).Result = row.Result!.Trim();
                }
                if (stage != MarkStage.Self)
                {
                    e.Marks.Add(new EvaluationMark { Stage = stage, Part = AppraisalPart.Competence, Grade = f.CompetenceGrade!.Trim() });
                    e.Marks.Add(new EvaluationMark { Stage = stage, Part = AppraisalPart.Performance, Grade = f.PerformanceGrade!.Trim() });
                }
                break;
            case PersonnelStep.Confirm:
                e.FinalCompetenceGrade = f.CompetenceGrade!.Trim();
                e.FinalPerformanceGrade = f.PerformanceGrade!.Trim();
                e.AdjustmentReason = Clean(f.AdjustmentReason);
                e.AdjustmentNote = Clean(f.AdjustmentNote);
                comment ??= e.AdjustmentReason;
                break;
            case PersonnelStep.Disclose:
                e.DisclosedOn = author.Today;
                e.ComplaintDeadline = author.Today.AddDays(design.ComplaintDays);
                e.DisclosedCompetenceGrade = e.FinalCompetenceGrade;
                e.DisclosedPerformanceGrade = e.FinalPerformanceGrade;
                e.DisclosedReason = e.AdjustmentReason;
                break;
            case PersonnelStep.Acknowledge:
                e.AcknowledgedAt = author.At;
                break;
            case PersonnelStep.FileComplaint:
                e.Complaints.Add(new PersonnelComplaint { FiledAt = author.At, Content = f.Complaint!.Trim() });
                comment = f.Complaint!.Trim();
                break;
            case PersonnelStep.AnswerComplaint:
                var open = e.Complaints.First(c => c.AnsweredAt is null);
                open.AnsweredAt = author.At;
                open.AnsweredBy = author.DisplayName;
                open.Answer = comment;
                open.Outcome = f.Outcome;
                if (f.Outcome == ComplaintOutcome.Changed)
                {
                    comment = $"{comment}（評語を 能力 {e.FinalCompetenceGrade}→{f.CompetenceGrade!.Trim()}、業績 {e.FinalPerformanceGrade}→{f.PerformanceGrade!.Trim()} に変更）";
                    e.FinalCompetenceGrade = f.CompetenceGrade!.Trim();
                    e.FinalPerformanceGrade = f.PerformanceGrade!.Trim();
                    open.CompetenceGrade = e.FinalCompetenceGrade;
                    open.PerformanceGrade = e.FinalPerformanceGrade;
                    e.AdjustmentReason = $"苦情相談による変更: {open.Answer}";
                }
                break;
        }
        e.State = PersonnelWorkflow.StateAfter(e, f.Step);
        e.Events.Add(new PersonnelEvent { Step = f.Step, UserName = author.UserName, DisplayName = author.DisplayName, At = author.At, Comment = comment });
    }

    /// 一時保存 of a stage's marks: the same holder and moment as the step, but nothing needs to be complete — only
    /// what is written must fit (a grade of the scale; the lengths are the form's, PersonnelStepFormValidator). The state does not move and nobody else sees it.
    public static List<FieldError> CheckDraft(PersonnelEvaluation e, PersonnelDesign design, PersonnelRelation r, PersonnelStepForm f, DateOnly today)
    {
        if (StageOf(f.Step) is null) return [new(string.Empty, "一時保存できるのは自己評価・一次評価・二次評価です。")];
        if (PersonnelWorkflow.Check(r, e, f.Step, today) is string refusal) return [new(string.Empty, refusal)];
        var errors = new List<FieldError>();
        bool Fits(string? grade) => string.IsNullOrWhiteSpace(grade) || design.Grade(grade.Trim()) is not null;
        foreach (var (key, label, index) in Items(e, design))
        {
            var row = f.Marks.FirstOrDefault(m => m.Key == key);
            var at = RowIndex(f, key, index);
            if (!Fits(row?.Grade)) errors.Add(new($"Marks[{at}].Grade", $"「{label}」の評語は一覧から選んでください。"));
        }
        if (!Fits(f.CompetenceGrade)) errors.Add(new("CompetenceGrade", "能力評価の全体評語は一覧から選んでください。"));
        if (!Fits(f.PerformanceGrade)) errors.Add(new("PerformanceGrade", "業績評価の全体評語は一覧から選んでください。"));
        return errors;
    }

    /// Updates the stage's draft with what was sent (the confirmed marks of earlier stages stay as they are). A field
    /// that was not sent at all (null; a cleared one arrives as "") keeps what the draft held: a form cut short never
    /// clears marks the person did not touch.
    public static void TakeDraft(PersonnelEvaluation e, PersonnelDesign design, PersonnelStepForm f)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        static string? SentOr(string? sent, string? held) => sent is null ? held : Clean(sent);
        var stage = StageOf(f.Step)!.Value;
        var held = e.Marks.Where(m => m.Draft && m.Stage == stage).ToList();
        EvaluationMark? Held(AppraisalPart part, int? criterionId, int? goalId) =>
            held.FirstOrDefault(m => m.Part == part && m.CompetenceCriterionId == criterionId && m.PerformanceGoalId == goalId);
        e.Marks.RemoveAll(m => m.Draft && m.Stage == stage);
        foreach (var (key, _, _) in Items(e, design))
        {
            var row = f.Marks.FirstOrDefault(m => m.Key == key);
            var id = int.Parse(key[1..], CultureInfo.InvariantCulture);
            var isGoal = key[0] == 'G';
            var part = isGoal ? AppraisalPart.Performance : AppraisalPart.Competence;
            var before = isGoal ? Held(part, null, id) : Held(part, id, null);
            e.Marks.Add(new EvaluationMark
            {
                Stage = stage, Part = part, Draft = true,
                CompetenceCriterionId = isGoal ? null : id, PerformanceGoalId = isGoal ? id : null,
                Grade = SentOr(row?.Grade, before?.Grade), Comment = SentOr(row?.Comment, before?.Comment),
                DraftResult = isGoal && stage == MarkStage.Self ? SentOr(row?.Result, before?.DraftResult) : null,
            });
        }
        if (stage != MarkStage.Self)
        {
            e.Marks.Add(new EvaluationMark { Stage = stage, Part = AppraisalPart.Competence, Grade = SentOr(f.CompetenceGrade, Held(AppraisalPart.Competence, null, null)?.Grade), Draft = true });
            e.Marks.Add(new EvaluationMark { Stage = stage, Part = AppraisalPart.Performance, Grade = SentOr(f.PerformanceGrade, Held(AppraisalPart.Performance, null, null)?.Grade), Draft = true });
        }
    }

    /// The step's form as the sheet opens it, where nothing was sent: a draft saved before as it was left, else each
    /// item from what the stage before said (so an evaluator changes only where they differ); 調整 from the last
    /// evaluator's grades; the interview on today.
    public static void Prefill(PersonnelEvaluation e, PersonnelDesign design, IReadOnlyList<PersonnelStep> actions, PersonnelStepForm form, DateOnly today)
    {
        if (form.Marks.Count == 0 && actions.Select(StageOf).FirstOrDefault(s => s is not null) is MarkStage stage)
        {
            var draft = e.HasDraft(stage);
            var from = stage == MarkStage.Self ? MarkStage.Self : stage - 1;
            foreach (var (key, _, _) in Items(e, design))
            {
                var id = int.Parse(key[1..], CultureInfo.InvariantCulture);
                var isGoal = key[0] == 'G';
                var part = isGoal ? AppraisalPart.Performance : AppraisalPart.Competence;
                if (draft)
                {
                    var saved = isGoal ? e.DraftMark(stage, part, goalId: id) : e.DraftMark(stage, part, criterionId: id);
                    form.Marks.Add(new MarkRow { Key = key, Grade = saved?.Grade, Comment = saved?.Comment, Result = isGoal ? saved?.DraftResult : null });
                }
                else
                {
                    var prior = isGoal ? e.Mark(from, part, goalId: id) : e.Mark(from, part, criterionId: id);
                    form.Marks.Add(new MarkRow { Key = key, Grade = prior?.Grade, Result = isGoal ? e.Goals.First(g => g.Id == id).Result : null });
                }
            }
            if (draft)
            {
                form.CompetenceGrade ??= e.DraftMark(stage, AppraisalPart.Competence)?.Grade;
                form.PerformanceGrade ??= e.DraftMark(stage, AppraisalPart.Performance)?.Grade;
            }
        }
        if (actions.Contains(PersonnelStep.Confirm) && form.CompetenceGrade is null)
        {
            form.CompetenceGrade = e.LastEvaluatorGrade(AppraisalPart.Competence);
            form.PerformanceGrade = e.LastEvaluatorGrade(AppraisalPart.Performance);
        }
        form.InterviewOn ??= today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// What the confirmation page of a step that cannot be taken back says will happen.
    public static IReadOnlyList<string> Consequences(PersonnelStep step, PersonnelEvaluation? e = null) => step switch
    {
        PersonnelStep.SelfAssess => ["自己評価が確定し、一次評価者が一次評価を始められるようになります。", "確定した自己評価は直せません（それまでは一時保存した内容を何度でも直せます）。"],
        PersonnelStep.FirstEvaluate => [e?.SecondEvaluatorId is null ? "一次評価が確定し、人事課の調整・確認に進みます。" : "一次評価が確定し、二次評価者が二次評価を始められるようになります。",
            "確定した一次評価は直せません。本人には、人事課が開示するまで示されません。"],
        PersonnelStep.SecondEvaluate => ["二次評価が確定し、人事課の調整・確認に進みます。", "確定した二次評価は直せません。本人には、人事課が開示するまで示されません。"],
        PersonnelStep.Confirm => ["この評語が今年度の結果として確定し、評価者は変更できなくなります。", "確定した評語は、開示の後に本人に示され、給与システムへの連携ファイルに載ります。",
            "「本人に開示する調整の理由」は、開示のときに本人にそのまま示されます。「人事課内のメモ」は本人にも評価者にも示されません。"],
        PersonnelStep.Disclose => ["本人が評語を見られるようになり、苦情相談の期間が始まります。", "開示は取り消せません。"],
        _ => [],
    };
}
