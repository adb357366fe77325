using FluentValidation;

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
