using Komaki.Management.Core.Common;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Goals;

public sealed class IndicatorRow
{
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? Target { get; set; }
    public string? Baseline { get; set; }
    [Display(Name = "望ましい方向")]
    public IndicatorDirection Direction { get; set; } = IndicatorDirection.HigherIsBetter;
}

public sealed class StepRow
{
    public string? Action { get; set; }
    public string? Schedule { get; set; }
}

public sealed class GoalForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "所属")]
    public int OrgUnitId { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    public string? Title { get; set; }
    public string? Reason { get; set; }
    public string? MeasureCodes { get; set; }
    public string? ProjectCodes { get; set; }
    public string? ManifestoNumbers { get; set; }
    public List<IndicatorRow> Indicators { get; set; } = [];
    /// "indicator" or "step": the form came back to add an empty row, nothing is saved.
    public string? AddRow { get; set; }
    /// 探す: the field whose code is looked up by code or name (MeasureCodes, ProjectCodes, ManifestoNumbers) and the words.
    public string? LookupField { get; set; }
    public Dictionary<string, string?> Lookup { get; set; } = [];
    /// 選ぶ: "field:code" — the code picked from the lookup, added to the field.
    public string? Pick { get; set; }
    public List<StepRow> Steps { get; set; } = [];

    /// At least three indicator rows and four step rows, and always one empty row of each to type into.
    public void Pad()
    {
        while (Indicators.Count < 3 || !Indicators.Any(i => string.IsNullOrWhiteSpace(i.Name))) Indicators.Add(new IndicatorRow());
        while (Steps.Count < 4 || !Steps.Any(s => string.IsNullOrWhiteSpace(s.Action))) Steps.Add(new StepRow());
    }

    /// 行を追加: one more empty row when the form came back for it; true when it did (nothing is checked or saved).
    public bool AddRowIfAsked()
    {
        if (AddRow is not ("indicator" or "step")) return false;
        Pad();
        if (AddRow == "indicator") Indicators.Add(new IndicatorRow());
        else Steps.Add(new StepRow());
        return true;
    }

    /// 選ぶ: the code picked from a lookup is added to its field once; true when the form came back for it.
    public bool PickIfAsked()
    {
        if (Pick?.Split(':', 2) is not [var field, var code] || !GoalPages.CodeFields.Contains(field)) return false;
        var property = typeof(GoalForm).GetProperty(field)!;
        var codes = ((string?)property.GetValue(this) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!codes.Contains(code)) codes.Add(code);
        property.SetValue(this, string.Join(" ", codes));
        Lookup.Remove(field);
        Pad();
        return true;
    }
}

/// What a goal needs before it is saved: the fields a reader needs, each row complete. Whether the codes exist is
/// GoalCommands' to check.
public sealed class GoalFormValidator : AbstractValidator<GoalForm>
{
    public GoalFormValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("目標を入力してください。")
            .MaximumLength(Data.ModelLengths.Of<OrganizationalGoal>(g => g.Title)).WithMessage("目標は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("目標を設定した理由（背景・課題）を入力してください。")
            .MaximumLength(Data.ModelLengths.Of<OrganizationalGoal>(g => g.Reason)).WithMessage("目標を設定した理由は{MaxLength}文字以内で入力してください（現在 {TotalLength} 文字）。");
        RuleForEach(x => x.Indicators).ChildRules(row =>
        {
            row.When(r => !IsBlank(r), () =>
            {
                row.RuleFor(r => r.Name).NotEmpty().WithMessage("指標名を入力してください。")
                    .MaximumLength(Data.ModelLengths.Of<GoalIndicator>(i => i.Name)).WithMessage("指標名は{MaxLength}文字以内で入力してください（現在 {TotalLength} 文字）。");
                row.RuleFor(r => r.Unit).NotEmpty().WithMessage("単位を入力してください。")
                    .MaximumLength(Data.ModelLengths.Of<GoalIndicator>(i => i.Unit)).WithMessage("単位は{MaxLength}文字以内で入力してください（現在 {TotalLength} 文字）。");
                row.RuleFor(r => r.Target).Must(v => NumberText.TryParse(v, out var n) && n is not null).WithMessage("目標値を数値で入力してください。");
                row.RuleFor(r => r.Baseline).Must(v => NumberText.TryParse(v, out _)).WithMessage("現状値は数値で入力してください（分からなければ空欄）。");
                row.RuleFor(r => r.Direction).IsInEnum().WithMessage("高いほど良いか低いほど良いかを選んでください。");
            });
        });
        RuleForEach(x => x.Steps).ChildRules(row =>
        {
            row.When(r => !string.IsNullOrWhiteSpace(r.Action) || !string.IsNullOrWhiteSpace(r.Schedule), () =>
            {
                row.RuleFor(r => r.Action).NotEmpty().WithMessage("取組の内容を入力してください。")
                    .MaximumLength(Data.ModelLengths.Of<GoalStep>(s => s.Action)).WithMessage("取組は{MaxLength}文字以内で入力してください（現在 {TotalLength} 文字）。");
                row.RuleFor(r => r.Schedule).NotEmpty().WithMessage("時期を入力してください（例: 4月〜6月）。")
                    .MaximumLength(Data.ModelLengths.Of<GoalStep>(s => s.Schedule)).WithMessage("時期は{MaxLength}文字以内で入力してください（現在 {TotalLength} 文字）。");
            });
        });
    }

    public static bool IsBlank(IndicatorRow row) =>
        string.IsNullOrWhiteSpace(row.Name) && string.IsNullOrWhiteSpace(row.Target) && string.IsNullOrWhiteSpace(row.Unit);
}

/// A workflow step on a goal as its page posts it: the comment, the mid-year review, the grade with its evidence,
/// the indicators' actuals.
public sealed class ActForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "操作")]
    public GoalAction Action { get; set; }
    public string? Comment { get; set; }
    public string? MidYearReview { get; set; }
    [Display(Name = "達成度")]
    public GoalGrade? Grade { get; set; }
    public string? GradeEvidence { get; set; }
    public List<string?> Actuals { get; set; } = [];
}

/// What a step's form says on its own: a step and grade of the lists, texts that fit where they are kept. Which text
/// the step asks for, who may take it and the actuals as numbers are GoalSteps'.
public sealed class ActFormValidator : AbstractValidator<ActForm>
{
    public ActFormValidator()
    {
        RuleFor(f => f.Action).IsInEnum().WithMessage("手続きが正しくありません。");
        RuleFor(f => f.Grade).IsInEnum().WithMessage("評価を一覧から選んでください。");
        RuleFor(f => f.Comment).MaximumLength(Data.ModelLengths.Of<GoalEvent>(e => e.Comment)).WithMessage("コメントは{MaxLength}文字以内で入力してください。");
        RuleFor(f => f.MidYearReview).MaximumLength(Data.ModelLengths.Of<OrganizationalGoal>(g => g.MidYearReview)).WithMessage("中間時点の進み具合は{MaxLength}文字以内で入力してください。");
        RuleFor(f => f.GradeEvidence).MaximumLength(Data.ModelLengths.Of<OrganizationalGoal>(g => g.GradeEvidence)).WithMessage("評価の根拠は{MaxLength}文字以内で入力してください。");
        RuleForEach(f => f.Actuals).MaximumLength(NumberText.MaxLength).WithMessage("実績値は数値で入力してください。");
    }
}

/// A comment left on a goal, outside any step.
public sealed class GoalCommentForm
{
    public string? Comment { get; set; }
}

public sealed class GoalCommentFormValidator : AbstractValidator<GoalCommentForm>
{
    public GoalCommentFormValidator() =>
        RuleFor(f => f.Comment).Cascade(CascadeMode.Stop).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("コメントを入力してください。")
            .MaximumLength(Data.ModelLengths.Of<GoalEvent>(e => e.Comment)).WithMessage("コメントは{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
}
