using FluentValidation;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Evaluation;

public sealed class SessionForm
{
    public int FiscalYear { get; set; }
    public string? Title { get; set; }
    public string? HeldOn { get; set; }
    public string? Venue { get; set; }
    public string? ProjectCodes { get; set; }
    public Dictionary<string, string?> Reviewers { get; set; } = [];

    public static bool IsReviewerKind(string? kind) => kind is "市民委員" or "学識経験者";
}

/// One project's row of the reviewer's verdict form.
public sealed class VerdictRow
{
    public int ForumProjectId { get; set; }
    public Verdict? Verdict { get; set; }
    public string? Comment { get; set; }
}

/// A reviewer's verdicts on every project of a session, posted together.
public sealed class VerdictsForm
{
    public List<VerdictRow> Rows { get; set; } = [];
}

/// What a row says on its own: a project, a verdict of the list, a comment that fits its column — beside the row's
/// fields. Whether a verdict has its reason is ExternalReviewCommands', which names the project.
public sealed class VerdictsFormValidator : AbstractValidator<VerdictsForm>
{
    public VerdictsFormValidator() => RuleForEach(f => f.Rows).Custom((row, context) =>
    {
        var max = Data.ModelLengths.Of<ReviewerVerdict>(v => v.Comment);
        if (row.ForumProjectId <= 0) context.AddFailure(string.Empty, "評価の対象の事業が正しくありません。画面を開き直してください。");
        if (row.Verdict is Verdict v && !Enum.IsDefined(v)) context.AddFailure($"verdict-{row.ForumProjectId}", "評価は、拡充・現行どおり・改善・縮小・廃止から選んでください。");
        if (row.Comment?.Trim().Length > max) context.AddFailure($"comment-{row.ForumProjectId}", $"意見は{max:N0}文字以内で入力してください（現在 {row.Comment.Trim().Length:N0} 文字）。");
    });
}

/// Whether the codes name projects and the reviewers are reviewers is ExternalReviewCommands' to check.
public sealed class SessionFormValidator : AbstractValidator<SessionForm>
{
    public SessionFormValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("会の名称を入力してください。");
        RuleFor(x => x.HeldOn).Must(v => DateOnly.TryParse(v, CultureInfo.InvariantCulture, out _)).WithMessage("開催日を入力してください。");
        RuleFor(x => x.Venue).NotEmpty().WithMessage("会場を入力してください。");
        RuleFor(x => x.ProjectCodes).Must(v => CodeList.Parse(v).Count > 0).WithMessage("対象とする事業のコードを入力してください。");
        RuleFor(x => x.Reviewers).Must(r => r.Any(x => SessionForm.IsReviewerKind(x.Value))).WithMessage("委員を1人以上選んでください。");
    }
}
