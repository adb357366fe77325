using Komaki.Management.Core.Data;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Evaluation;

public sealed class EvaluationForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    public string? StaffPersonYears { get; set; }
    public string? ReappointedPersonYears { get; set; }
    public string? FiscalYearPersonYears { get; set; }
    [Display(Name = "必要性")]
    public Rating? Necessity { get; set; }
    public string? NecessityReason { get; set; }
    [Display(Name = "有効性")]
    public Rating? Effectiveness { get; set; }
    public string? EffectivenessReason { get; set; }
    [Display(Name = "効率性")]
    public Rating? Efficiency { get; set; }
    public string? EfficiencyReason { get; set; }
    [Display(Name = "公平性")]
    public Rating? Equity { get; set; }
    public string? EquityReason { get; set; }
    [Display(Name = "方向性（一次）")]
    public Direction? FirstDirection { get; set; }
    public string? Improvement { get; set; }
    public string? PurposeTarget { get; set; }
    public string? PurposeIntent { get; set; }
    public string? Means { get; set; }
}

public sealed class EvaluationFormValidator : AbstractValidator<EvaluationForm>
{
    public EvaluationFormValidator()
    {
        var decimals = ModelLengths.DecimalsOf<ProjectEvaluation>(e => e.StaffPersonYears);
        RuleFor(x => x.StaffPersonYears).Must(v => NumberText.TryParse(v, decimals, out var n) && n is null or (>= 0 and <= 100))
            .WithMessage($"人工は0〜100の数値（小数{decimals}桁まで）で入力してください（例: 0.5）。");
        RuleFor(x => x.ReappointedPersonYears).Must(v => NumberText.TryParse(v, decimals, out var n) && n is null or (>= 0 and <= 100)).WithMessage($"うち再任用の人工は0〜100の数値（小数{decimals}桁まで）で入力してください。");
        RuleFor(x => x.FiscalYearPersonYears).Must(v => NumberText.TryParse(v, decimals, out var n) && n is null or (>= 0 and <= 100)).WithMessage($"うち会計年度任用の人工は0〜100の数値（小数{decimals}桁まで）で入力してください。");
        RuleFor(x => x).Custom((f, context) =>
        {
            if (!NumberText.TryParse(f.StaffPersonYears, out var total) || !NumberText.TryParse(f.ReappointedPersonYears, out var re) || !NumberText.TryParse(f.FiscalYearPersonYears, out var fy)) return;
            if ((re ?? 0) + (fy ?? 0) > (total ?? 0))
                context.AddFailure(nameof(EvaluationForm.FiscalYearPersonYears), $"うち再任用とうち会計年度任用の合計（{(re ?? 0) + (fy ?? 0):0.##}）が人工（{total ?? 0:0.##}）を超えています。");
        });
        foreach (var rating in new System.Linq.Expressions.Expression<Func<EvaluationForm, Rating?>>[] { x => x.Necessity, x => x.Effectiveness, x => x.Efficiency, x => x.Equity })
            RuleFor(rating).IsInEnum().WithMessage("A・B・C から選んでください。");
        RuleFor(x => x.FirstDirection).IsInEnum().WithMessage("今後の方向性を選び直してください。");
        Text(x => x.PurposeTarget, e => e.PurposeTarget);
        Text(x => x.PurposeIntent, e => e.PurposeIntent);
        Text(x => x.Means, e => e.Means);
        Text(x => x.NecessityReason, e => e.NecessityReason);
        Text(x => x.EffectivenessReason, e => e.EffectivenessReason);
        Text(x => x.EfficiencyReason, e => e.EfficiencyReason);
        Text(x => x.EquityReason, e => e.EquityReason);
        Text(x => x.Improvement, e => e.Improvement);
    }

    /// A text of the sheet, within the evaluation's column of the same name and told in its words (as the saver tells it).
    private void Text(System.Linq.Expressions.Expression<Func<EvaluationForm, string?>> field, System.Linq.Expressions.Expression<Func<ProjectEvaluation, string?>> column)
    {
        var label = Auditing.FieldLabels.Of(typeof(ProjectEvaluation), ((System.Linq.Expressions.MemberExpression)column.Body).Member.Name);
        RuleFor(field).MaximumLength(Data.ModelLengths.Of(column)).WithMessage($"{label}は{{MaxLength}}文字以内で入力してください（現在 {{TotalLength}} 文字）。");
    }
}

/// A review step as the reviewer posts it from its page of its own.
public sealed class StepForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "操作")]
    public EvaluationStep Step { get; set; }
    [Display(Name = "方向性（二次）")]
    public Direction? SecondDirection { get; set; }
    public string? SecondReason { get; set; }
    public string? Comment { get; set; }
    /// Why the reviewer confirms although the checks found something (EvaluationConsistency).
    public string? Explanation { get; set; }
}

/// What a step's form says on its own: a step and direction of the lists, texts that fit where they are kept. Which
/// text the step asks for, and who may take it, is EvaluationSteps'.
public sealed class StepFormValidator : AbstractValidator<StepForm>
{
    public StepFormValidator()
    {
        RuleFor(f => f.Step).IsInEnum().WithMessage("手続きが正しくありません。");
        RuleFor(f => f.SecondDirection).IsInEnum().WithMessage("今後の方向性を一覧から選んでください。");
        RuleFor(f => f.SecondReason).MaximumLength(Data.ModelLengths.Of<ProjectEvaluation>(e => e.SecondReason)).WithMessage("理由は{MaxLength}文字以内で入力してください。");
        RuleFor(f => f.Comment).MaximumLength(Data.ModelLengths.Of<ProjectEvaluation>(e => e.ReturnComment)).WithMessage("差し戻しの理由は{MaxLength}文字以内で入力してください。");
        RuleFor(f => f.Explanation).MaximumLength(Data.ModelLengths.Of<ProjectEvaluation>(e => e.FirstReviewExplanation)).WithMessage("確定する理由は{MaxLength}文字以内で入力してください。");
    }
}
