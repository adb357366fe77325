using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Evaluation;

/// Answering an improvement with one later plan line or budget line of its project, or closing it with a reason.
public sealed class ImprovementAnswerForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "答えとする実施計画の行")]
    public int? PlanLineId { get; set; }
    [Display(Name = "答えとする予算の行")]
    public int? BudgetLineId { get; set; }
    public string? Note { get; set; }
    [Display(Name = "閉じる")]
    public bool Close { get; set; }

    /// The form's own rules beside their fields ("" above the form); whether the line is a later one of the project
    /// is ImprovementCommands.AnswerAsync's to check.
    public static IEnumerable<FieldError> Problems(ImprovementAnswerForm form)
    {
        if (form.Close && string.IsNullOrWhiteSpace(form.Note)) yield return new(nameof(Note), "終了する理由を入力してください（例: 事業の廃止により対応不要となった）。");
        else if (!form.Close && form.PlanLineId is null == form.BudgetLineId is null) yield return new(string.Empty, "反映先として、実施計画の行か予算の行のどちらか一つを選んでください。");
        var max = ModelLengths.Of<ImprovementAction>(a => a.Note);
        if ((form.Note ?? "").Trim().Length > max) yield return new(nameof(Note), $"メモ・理由は{max:N0}文字以内で入力してください。");
    }
}

public sealed class ImprovementAnswerFormValidator : AbstractValidator<ImprovementAnswerForm>
{
    public ImprovementAnswerFormValidator() => RuleFor(f => f).Custom((form, context) =>
    {
        foreach (var problem in ImprovementAnswerForm.Problems(form)) context.AddFailure(problem.Field, problem.Message);
    });
}
