using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Evaluation;

/// The owning division's assessment of a measure's year and the direction it gives the measure.
public sealed class MeasureEvaluationForm
{
    public string? Assessment { get; set; }
    [Display(Name = "今後の方向性")]
    public Direction? Direction { get; set; }
    /// Needed only when the year's 施策評価 is published (PublishedCorrections).
    public string? CorrectionReason { get; set; }
    [Display(Name = "版")]
    public int Version { get; set; }
}

public sealed class MeasureEvaluationFormValidator : AbstractValidator<MeasureEvaluationForm>
{
    public MeasureEvaluationFormValidator()
    {
        var max = ModelLengths.Of<MeasureEvaluation>(e => e.Assessment);
        RuleFor(x => x.Assessment).NotEmpty().WithMessage("施策の評価（成果と課題）を入力してください。")
            .MaximumLength(max).WithMessage($"施策の評価は{max:N0}文字以内で入力してください。");
        RuleFor(x => x.Direction).NotNull().WithMessage("施策の今後の方向性を選んでください。")
            .IsInEnum().WithMessage("施策の今後の方向性を選んでください。");
        RuleFor(x => x.CorrectionReason).MaximumLength(ModelLengths.Of<MeasureEvaluation>(e => e.CorrectionReason)).WithMessage("訂正の理由は{MaxLength}文字以内で入力してください。");
    }
}
