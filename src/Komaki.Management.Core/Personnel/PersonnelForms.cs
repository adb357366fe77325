using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Personnel;

/// What a step of the evaluation sends: the comment, the interview, the grades per item (Key "C{criterion}" or
/// "G{goal}") with the person's results at the self-assessment, the overall grades, the 調整 reason, a complaint
/// or its answer. Each step reads the fields it needs.
public sealed class PersonnelStepForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "操作")]
    public PersonnelStep Step { get; set; }
    public string? Comment { get; set; }
    public string? InterviewOn { get; set; }
    public string? InterviewNote { get; set; }
    public List<MarkRow> Marks { get; set; } = [];
    public string? CompetenceGrade { get; set; }
    public string? PerformanceGrade { get; set; }
    /// 本人に開示する調整の理由.
    public string? AdjustmentReason { get; set; }
    /// 人事課内のメモ: never disclosed.
    public string? AdjustmentNote { get; set; }
    public string? Complaint { get; set; }
    [Display(Name = "結果")]
    public ComplaintOutcome? Outcome { get; set; }
}

/// What a step sends must fit where it is kept and read as what it says, whichever step it is; whether the step may be
/// taken, and what it needs, the workflow decides with the evaluation in hand (PersonnelSteps.Check).
public sealed class PersonnelStepFormValidator : AbstractValidator<PersonnelStepForm>
{
    public PersonnelStepFormValidator()
    {
        RuleFor(x => x.InterviewOn).SensibleDate();
        // Only the steps of the sheet's form: 評価者の変更 has a form of its own, and an unknown number is no step.
        RuleFor(x => x.Step).Must(s => PersonnelWorkflow.Actions.Contains(s)).WithMessage("この操作はできません。");
        // A comment is kept in the sheet's log; answering a complaint, also as the complaint's answer.
        RuleFor(x => x.Comment).MaximumLength(ModelLengths.Of<PersonnelEvent>(e => e.Comment)).WithMessage("コメントは{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Comment).MaximumLength(ModelLengths.Of<PersonnelComplaint>(c => c.Answer)).When(x => x.Step == PersonnelStep.AnswerComplaint)
            .WithMessage("回答は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.InterviewOn).Must(t => string.IsNullOrWhiteSpace(t) || DateOnly.TryParseExact(t.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .WithMessage("面談の日は日付で入力してください。");
        RuleFor(x => x.InterviewNote).MaximumLength(ModelLengths.Of<PersonnelEvaluation>(e => e.GoalInterviewNote)).WithMessage("面談の記録は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.AdjustmentReason).MaximumLength(ModelLengths.Of<PersonnelEvaluation>(e => e.AdjustmentReason)).WithMessage("調整の理由は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.AdjustmentNote).MaximumLength(ModelLengths.Of<PersonnelEvaluation>(e => e.AdjustmentNote)).WithMessage("人事課内のメモは{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Complaint).MaximumLength(ModelLengths.Of<PersonnelComplaint>(c => c.Content)).WithMessage("相談の内容は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.CompetenceGrade).MaximumLength(ModelLengths.Of<EvaluationMark>(m => m.Grade)).WithMessage("能力評価の評語は一覧から選んでください。");
        RuleFor(x => x.PerformanceGrade).MaximumLength(ModelLengths.Of<EvaluationMark>(m => m.Grade)).WithMessage("業績評価の評語は一覧から選んでください。");
        RuleFor(x => x.Outcome).IsInEnum().WithMessage("結果（評価を維持・評価を変更）を選んでください。");
        RuleForEach(x => x.Marks).ChildRules(row =>
        {
            row.RuleFor(r => r.Grade).MaximumLength(ModelLengths.Of<EvaluationMark>(m => m.Grade)).WithMessage("評語は一覧から選んでください。");
            row.RuleFor(r => r.Comment).MaximumLength(ModelLengths.Of<EvaluationMark>(m => m.Comment)).WithMessage("コメントは{MaxLength}文字以内で入力してください。");
            row.RuleFor(r => r.Result).MaximumLength(ModelLengths.Of<PerformanceGoal>(g => g.Result)).WithMessage("実績は{MaxLength}文字以内で入力してください。");
        });
    }
}

public sealed class MarkRow
{
    public string? Key { get; set; }
    public string? Grade { get; set; }
    public string? Comment { get; set; }
    public string? Result { get; set; }
}

/// The person's goals as one form: each row a goal (Id 0 for a new one; Remove to drop it). After the goals were
/// agreed, a change needs the day of the interview and the reason.
public sealed class PerformanceGoalsForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    public List<GoalRow> Goals { get; set; } = [];
    public string? ChangedOn { get; set; }
    public string? ChangeReason { get; set; }

    public const int BlankRows = 2;

    public void Pad()
    {
        var blanks = Goals.Count(IsBlank);
        for (var i = blanks; i < BlankRows; i++) Goals.Add(new GoalRow());
    }

    public static bool IsBlank(GoalRow r) => r.Id == 0 && string.IsNullOrWhiteSpace(r.Title) && string.IsNullOrWhiteSpace(r.Target)
        && string.IsNullOrWhiteSpace(r.Description) && string.IsNullOrWhiteSpace(r.Weight) && string.IsNullOrWhiteSpace(r.Serves);
}

public sealed class GoalRow
{
    [Display(Name = "対象の記録")]
    public int Id { get; set; }
    [Display(Name = "削除")]
    public bool Remove { get; set; }
    public string? Serves { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Target { get; set; }
    [Display(Name = "困難度")]
    public GoalDifficulty? Difficulty { get; set; }
    public string? Weight { get; set; }
}

public sealed class PerformanceGoalsFormValidator : AbstractValidator<PerformanceGoalsForm>
{
    public PerformanceGoalsFormValidator()
    {
        RuleFor(x => x.ChangedOn).SensibleDate();
        RuleForEach(x => x.Goals).ChildRules(row =>
        {
            row.RuleFor(r => r.Title).NotEmpty().When(r => !r.Remove && !PerformanceGoalsForm.IsBlank(r)).WithMessage("目標を入力してください。")
                .MaximumLength(ModelLengths.Of<PerformanceGoal>(g => g.Title)).WithMessage("目標は{MaxLength}文字以内で入力してください。");
            row.RuleFor(r => r.Description).MaximumLength(ModelLengths.Of<PerformanceGoal>(g => g.Description)).WithMessage("取組の内容は{MaxLength}文字以内で入力してください。");
            row.RuleFor(r => r.Target).MaximumLength(ModelLengths.Of<PerformanceGoal>(g => g.Target)).WithMessage("達成基準は{MaxLength}文字以内で入力してください。");
            row.RuleFor(r => r.Difficulty).Must(d => d is null || Enum.IsDefined(d.Value)).WithMessage("困難度を選んでください。");
            row.RuleFor(r => r.Weight).Must(w => ReadWeight(w, out _)).WithMessage("ウエイトは1〜100の整数で入力してください。");
        });
        RuleFor(x => x.ChangeReason).MaximumLength(ModelLengths.Of<PerformanceGoalChange>(c => c.Reason)).WithMessage("変更の理由は{MaxLength}文字以内で入力してください。");
    }

    /// Blank reads as not yet set; anything else must be a whole number from 1 to 100.
    public static bool ReadWeight(string? text, out int? weight)
    {
        weight = null;
        if (!NumberText.TryParse(text, out var v)) return false;
        if (v is null) return true;
        if (v != Math.Round(v.Value) || v < 1 || v > 100) return false;
        weight = (int)v.Value;
        return true;
    }
}

/// The year's design as one form, with its grade and criteria rows.
public sealed class PersonnelDesignForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "評価期間の初日")]
    public DateOnly? PeriodStart { get; set; }
    [Display(Name = "評価期間の末日")]
    public DateOnly? PeriodEnd { get; set; }
    [Display(Name = "評価基準日")]
    public DateOnly? ReferenceDate { get; set; }
    [Display(Name = "目標設定の期限")]
    public DateOnly? GoalsDue { get; set; }
    [Display(Name = "中間面談の期限")]
    public DateOnly? MidYearDue { get; set; }
    [Display(Name = "自己評価の期限")]
    public DateOnly? SelfDue { get; set; }
    [Display(Name = "一次評価の期限")]
    public DateOnly? FirstDue { get; set; }
    [Display(Name = "二次評価の期限")]
    public DateOnly? SecondDue { get; set; }
    [Display(Name = "調整・確認の期限")]
    public DateOnly? AdjustDue { get; set; }
    [Display(Name = "開示の期限")]
    public DateOnly? DisclosureDue { get; set; }
    [Display(Name = "苦情相談の期間")]
    public int? ComplaintDays { get; set; }
    [Display(Name = "項目ごとの開示")]
    public bool DiscloseDetails { get; set; }
    public List<GradeRow> Grades { get; set; } = [];
    public List<CriterionRow> Criteria { get; set; } = [];

    public void Pad()
    {
        while (Grades.Count < 6) Grades.Add(new GradeRow());
        for (var i = Criteria.Count(c => string.IsNullOrWhiteSpace(c.Name)); i < 3; i++) Criteria.Add(new CriterionRow());
    }
}

public sealed class GradeRow
{
    public string? Code { get; set; }
    public string? Label { get; set; }
    public string? Points { get; set; }
    public string? MaxShare { get; set; }
    public string? BonusCategory { get; set; }
}

public sealed class CriterionRow
{
    [Display(Name = "職層")]
    public JobLevel? JobLevel { get; set; }
    public string? Name { get; set; }
    public string? Viewpoints { get; set; }
    public string? Weight { get; set; }
}

public sealed class PersonnelDesignFormValidator : AbstractValidator<PersonnelDesignForm>
{
    public PersonnelDesignFormValidator()
    {
        RuleFor(x => x.PeriodStart).SensibleDate();
        RuleFor(x => x.PeriodEnd).SensibleDate();
        RuleFor(x => x.ReferenceDate).SensibleDate();
        RuleFor(x => x.GoalsDue).SensibleDate();
        RuleFor(x => x.MidYearDue).SensibleDate();
        RuleFor(x => x.SelfDue).SensibleDate();
        RuleFor(x => x.FirstDue).SensibleDate();
        RuleFor(x => x.SecondDue).SensibleDate();
        RuleFor(x => x.AdjustDue).SensibleDate();
        RuleFor(x => x.DisclosureDue).SensibleDate();
        RuleFor(x => x.PeriodStart).NotNull().WithMessage("評価期間の初日を入力してください。");
        RuleFor(x => x.PeriodEnd).NotNull().WithMessage("評価期間の末日を入力してください。")
            .GreaterThan(x => x.PeriodStart).When(x => x.PeriodStart is not null).WithMessage("評価期間の末日は初日より後にしてください。");
        RuleFor(x => x.ReferenceDate).NotNull().WithMessage("評価基準日を入力してください。")
            .Must((f, d) => d >= f.PeriodStart && d <= f.PeriodEnd).When(x => x.PeriodStart is not null && x.PeriodEnd is not null && x.ReferenceDate is not null)
            .WithMessage("評価基準日は評価期間の中の日にしてください。");
        foreach (var (field, label) in DueFields)
            RuleFor(x => Due(x, field)).NotNull().OverridePropertyName(field).WithMessage($"{label}の期限を入力してください。");
        RuleFor(x => x.ComplaintDays).NotNull().WithMessage("苦情相談の期間（日数）を入力してください。")
            .InclusiveBetween(1, 90).WithMessage("苦情相談の期間は1〜90日で入力してください。");
        RuleForEach(x => x.Grades).ChildRules(g =>
        {
            g.RuleFor(r => r.Code).MaximumLength(ModelLengths.Of<DesignGrade>(d => d.Code)).WithMessage("評語は{MaxLength}文字以内で入力してください。");
            g.RuleFor(r => r.Label).NotEmpty().When(r => !string.IsNullOrWhiteSpace(r.Code)).WithMessage("評語の説明を入力してください。")
                .MaximumLength(ModelLengths.Of<DesignGrade>(d => d.Label)).WithMessage("説明は{MaxLength}文字以内で入力してください。");
            g.RuleFor(r => r.Points).Must(p => NumberText.TryParse(p, ModelLengths.DecimalsOf<DesignGrade>(d => d.Points), out var v) && v is not null).When(r => !string.IsNullOrWhiteSpace(r.Code)).WithMessage("点数を数値で入力してください。");
            g.RuleFor(r => r.MaxShare).Must(p => NumberText.TryParse(p, out var v) && (v is null || v >= 0 && v <= 100 && v == Math.Round(v.Value))).WithMessage("分布の目安は0〜100の整数（%）で入力してください。");
            g.RuleFor(r => r.BonusCategory).MaximumLength(ModelLengths.Of<DesignGrade>(d => d.BonusCategory)).WithMessage("勤勉手当区分は{MaxLength}文字以内で入力してください。");
        });
        RuleFor(x => x.Grades).Must(g => g.Count(r => !string.IsNullOrWhiteSpace(r.Code)) >= 2).WithMessage("評語を2つ以上入力してください。")
            .Must(g => g.Where(r => !string.IsNullOrWhiteSpace(r.Code)).Select(r => r.Code!.Trim()).Distinct().Count() == g.Count(r => !string.IsNullOrWhiteSpace(r.Code)))
            .WithMessage("同じ評語が2回あります。");
        RuleForEach(x => x.Criteria).ChildRules(c =>
        {
            c.RuleFor(r => r.JobLevel).NotNull().When(r => !string.IsNullOrWhiteSpace(r.Name)).WithMessage("職層を選んでください。");
            c.RuleFor(r => r.Name).MaximumLength(ModelLengths.Of<CompetenceCriterion>(x => x.Name)).WithMessage("評価項目は{MaxLength}文字以内で入力してください。");
            c.RuleFor(r => r.Viewpoints).MaximumLength(ModelLengths.Of<CompetenceCriterion>(x => x.Viewpoints)).WithMessage("着眼点は{MaxLength}文字以内で入力してください。");
            c.RuleFor(r => r.Weight).Must(w => PerformanceGoalsFormValidator.ReadWeight(w, out var v) && v is not null).When(r => !string.IsNullOrWhiteSpace(r.Name))
                .WithMessage("ウエイトは1〜100の整数で入力してください。");
        });
        RuleFor(x => x.Criteria).Custom((rows, context) =>
        {
            foreach (var level in rows.Where(r => !string.IsNullOrWhiteSpace(r.Name) && r.JobLevel is not null).GroupBy(r => r.JobLevel!.Value))
            {
                var sum = level.Sum(r => PerformanceGoalsFormValidator.ReadWeight(r.Weight, out var w) ? w ?? 0 : 0);
                if (sum != 100) context.AddFailure("Criteria", $"{level.Key.Label()}の評価項目のウエイトの合計が{sum}です。合計が100になるようにしてください。");
            }
        });
    }

    public static readonly (string Field, string Label)[] DueFields =
    [
        (nameof(PersonnelDesignForm.GoalsDue), "目標設定・期首面談"), (nameof(PersonnelDesignForm.MidYearDue), "中間面談"), (nameof(PersonnelDesignForm.SelfDue), "自己評価"),
        (nameof(PersonnelDesignForm.FirstDue), "一次評価"), (nameof(PersonnelDesignForm.SecondDue), "二次評価"), (nameof(PersonnelDesignForm.AdjustDue), "調整・確認"),
        (nameof(PersonnelDesignForm.DisclosureDue), "開示"),
    ];

    private static DateOnly? Due(PersonnelDesignForm f, string field) => field switch
    {
        nameof(PersonnelDesignForm.GoalsDue) => f.GoalsDue,
        nameof(PersonnelDesignForm.MidYearDue) => f.MidYearDue,
        nameof(PersonnelDesignForm.SelfDue) => f.SelfDue,
        nameof(PersonnelDesignForm.FirstDue) => f.FirstDue,
        nameof(PersonnelDesignForm.SecondDue) => f.SecondDue,
        nameof(PersonnelDesignForm.AdjustDue) => f.AdjustDue,
        _ => f.DisclosureDue,
    };
}

/// 特別職の評価者 as the personnel division registers one.
public sealed class SpecialEvaluatorForm
{
    public string? Name { get; set; }
    [Display(Name = "職")]
    public SpecialPost? Post { get; set; }
    public string? Email { get; set; }
}

public sealed class SpecialEvaluatorFormValidator : AbstractValidator<SpecialEvaluatorForm>
{
    public SpecialEvaluatorFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("氏名を入力してください。")
            .MaximumLength(ModelLengths.Of<StaffMember>(m => m.Name)).WithMessage("氏名は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Post).NotNull().WithMessage("職（市長・副市長・教育長）を選んでください。").IsInEnum().WithMessage("職（市長・副市長・教育長）を選んでください。");
        RuleFor(x => x.Email).NotEmpty().WithMessage("評価をするときにサインインするアカウントのメールアドレスを入力してください。")
            .MaximumLength(ModelLengths.Of<StaffMember>(m => m.Email)).WithMessage("メールアドレスは{MaxLength}文字以内で入力してください。");
    }
}

/// 評価者の変更 by the personnel division: the evaluators chosen from the list (bound as text, so something that is not
/// a number is refused, never read as 「なし」) and the reason, kept in the sheet's log.
public sealed class ReassignForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "一次評価者")]
    public string? FirstEvaluatorId { get; set; }
    [Display(Name = "二次評価者")]
    public string? SecondEvaluatorId { get; set; }
    [Display(Name = "理由")]
    public string? Reason { get; set; }
}

public sealed class ReassignFormValidator : AbstractValidator<ReassignForm>
{
    public ReassignFormValidator()
    {
        RuleFor(x => x.FirstEvaluatorId).Must(v => PersonnelCommands.ReadEvaluatorId(v).Ok).WithMessage("評価者は一覧から選んでください。");
        RuleFor(x => x.SecondEvaluatorId).Must(v => PersonnelCommands.ReadEvaluatorId(v).Ok).WithMessage("評価者は一覧から選んでください。");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("変更の理由（異動・休職など）を書いてください。")
            .MaximumLength(PersonnelCommands.ReassignReasonLength).WithMessage("変更の理由は{MaxLength}文字以内で入力してください。");
    }
}

/// 一斉開示: the reason for disclosing while some evaluations are not yet confirmed (required then), kept in each
/// disclosed sheet's log.
public sealed class DiscloseForm
{
    [Display(Name = "理由")]
    public string? Comment { get; set; }
}

public sealed class DiscloseFormValidator : AbstractValidator<DiscloseForm>
{
    public DiscloseFormValidator()
    {
        RuleFor(x => x.Comment).MaximumLength(PersonnelCommands.DisclosureReasonLength).WithMessage("理由は{MaxLength}文字以内で入力してください。");
    }
}
