using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Evaluation;

/// The division's proposed answer to an improvement: one later plan line or budget line of its project with what was
/// done, or closing it with a reason; and why, when the answer goes against the evaluation's verdict.
public sealed class ImprovementAnswerForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "答えとする実施計画の行")]
    public int? PlanLineId { get; set; }
    [Display(Name = "答えとする予算の行")]
    public int? BudgetLineId { get; set; }
    public string? Note { get; set; }
    public string? DeviationReason { get; set; }
    [Display(Name = "閉じる")]
    public bool Close { get; set; }

    /// The form's own rules beside their fields ("" above the form); whether the line is a later one of the project,
    /// and whether it goes against the verdict, is ImprovementCommands.AnswerAsync's to check.
    public static IEnumerable<FieldError> Problems(ImprovementAnswerForm form)
    {
        if (form.Close && string.IsNullOrWhiteSpace(form.Note)) yield return new(nameof(Note), "終了する理由を入力してください（例: 事業の廃止により対応不要となった）。");
        else if (!form.Close && form.PlanLineId is null == form.BudgetLineId is null) yield return new(string.Empty, "反映先として、実施計画の行か予算の行のどちらか一つを選んでください。");
        else if (!form.Close && string.IsNullOrWhiteSpace(form.Note)) yield return new(nameof(Note), "どのように反映したかを入力してください（確認する企画課が読みます）。");
        var max = ModelLengths.Of<ImprovementAction>(a => a.Note);
        if ((form.Note ?? "").Trim().Length > max) yield return new(nameof(Note), $"メモ・理由は{max:N0}文字以内で入力してください。");
        var maxReason = ModelLengths.Of<ImprovementAction>(a => a.DeviationReason);
        if ((form.DeviationReason ?? "").Trim().Length > maxReason) yield return new(nameof(DeviationReason), $"方向性と異なる理由は{maxReason:N0}文字以内で入力してください。");
    }
}

public sealed class ImprovementAnswerFormValidator : AbstractValidator<ImprovementAnswerForm>
{
    public ImprovementAnswerFormValidator() => RuleFor(f => f).Custom((form, context) =>
    {
        foreach (var problem in ImprovementAnswerForm.Problems(form)) context.AddFailure(problem.Field, problem.Message);
    });
}

/// Planning's confirmation of a proposed answer, or sending it back to the division with the reason.
public sealed class ImprovementConfirmForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "差し戻す")]
    public bool SendBack { get; set; }
    public string? Comment { get; set; }

    public static IEnumerable<FieldError> Problems(ImprovementConfirmForm form)
    {
        if (form.SendBack && string.IsNullOrWhiteSpace(form.Comment)) yield return new(nameof(Comment), "差し戻す理由を入力してください。");
        var max = ModelLengths.Of<ImprovementAction>(a => a.ConfirmNote);
        if ((form.Comment ?? "").Trim().Length > max) yield return new(nameof(Comment), $"確認者のコメントは{max:N0}文字以内で入力してください。");
    }
}

public sealed class ImprovementConfirmFormValidator : AbstractValidator<ImprovementConfirmForm>
{
    public ImprovementConfirmFormValidator() => RuleFor(f => f).Custom((form, context) =>
    {
        foreach (var problem in ImprovementConfirmForm.Problems(form)) context.AddFailure(problem.Field, problem.Message);
    });
}
