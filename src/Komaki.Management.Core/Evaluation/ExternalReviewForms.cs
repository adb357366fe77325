using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Evaluation;

public sealed class SessionForm
{
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    public string? Title { get; set; }
    public string? HeldOn { get; set; }
    public string? Venue { get; set; }
    public string? ProjectCodes { get; set; }
    /// A row per candidate offered: the account and the kind of 委員 chosen (empty: not a 委員 of this session).
    public List<ReviewerChoice> Reviewers { get; set; } = [];

    public static bool IsReviewerKind(string? kind) => kind is "市民委員" or "学識経験者";

    /// The field of the i-th row's kind, where its message goes.
    public static string FieldOf(int row) => $"{nameof(Reviewers)}[{row}].{nameof(ReviewerChoice.Kind)}";
}

/// One candidate's row of the session form.
public sealed class ReviewerChoice
{
    [Display(Name = "委員のアカウント")]
    public string? UserId { get; set; }
    [Display(Name = "委員の区分")]
    public string? Kind { get; set; }
}

/// One project's row of the reviewer's verdict form.
public sealed class VerdictRow
{
    [Display(Name = "対象事業")]
    public int ExternalReviewProjectId { get; set; }
    [Display(Name = "評価")]
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
        if (row.ExternalReviewProjectId <= 0) context.AddFailure(string.Empty, "評価の対象の事業が正しくありません。画面を開き直してください。");
        if (row.Verdict is Verdict v && !Enum.IsDefined(v)) context.AddFailure($"verdict-{row.ExternalReviewProjectId}", "評価は、拡充・現行どおり・改善・縮小・廃止から選んでください。");
        if (row.Comment?.Trim().Length > max) context.AddFailure($"comment-{row.ExternalReviewProjectId}", $"意見は{max:N0}文字以内で入力してください（現在 {row.Comment.Trim().Length:N0} 文字）。");
    });
}

/// Closing a session: the version the planner read and, when verdicts are missing, why it closes anyway.
public sealed class CloseForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    public string? Comment { get; set; }

    /// The close note keeps what was missing beside the reason: the reason may fill half of it.
    public static int CommentMax => Data.ModelLengths.Of<ExternalReview>(s => s.CloseNote) / 2;
}

/// Whether a reason is needed (verdicts missing) is ExternalReviewCommands'; here only that it fits the note.
public sealed class CloseFormValidator : AbstractValidator<CloseForm>
{
    public CloseFormValidator() => RuleFor(f => f.Comment).Must(c => (c?.Trim().Length ?? 0) <= CloseForm.CommentMax)
        .WithMessage(f => $"理由は{CloseForm.CommentMax:N0}文字以内で入力してください（現在 {f.Comment!.Trim().Length:N0} 文字）。");
}

/// The city's response (対応方針) to one reviewed project's result.
public sealed class ResponseForm
{
    [Display(Name = "対象事業")]
    public int ExternalReviewProjectId { get; set; }
    public string? Response { get; set; }
    /// Needed when a published response is changed (PublishedCorrections).
    public string? CorrectionReason { get; set; }

    /// The field's key on the page, beside the project's own response box.
    public static string Field(int externalReviewProjectId) => $"response-{externalReviewProjectId}";

    /// The key of the project's 訂正の理由, beside its own box (one page holds every project's form).
    public static string ReasonField(int externalReviewProjectId) => $"correction-reason-{externalReviewProjectId}";
}

public sealed class ResponseFormValidator : AbstractValidator<ResponseForm>
{
    public ResponseFormValidator() => RuleFor(f => f).Custom((f, context) =>
    {
        var max = Data.ModelLengths.Of<ExternalReviewProject>(p => p.CityResponse);
        if (f.Response?.Trim().Length > max)
            context.AddFailure(ResponseForm.Field(f.ExternalReviewProjectId), $"対応方針は{max:N0}文字以内で入力してください（現在 {f.Response.Trim().Length:N0} 文字）。");
        var reasonMax = Data.ModelLengths.Of<ExternalReviewProject>(p => p.CorrectionReason);
        if (f.CorrectionReason?.Trim().Length > reasonMax)
            context.AddFailure(ResponseForm.ReasonField(f.ExternalReviewProjectId), $"訂正の理由は{reasonMax:N0}文字以内で入力してください。");
    });
}

/// Whether the codes name projects and the reviewers are reviewers is ExternalReviewCommands' to check.
public sealed class SessionFormValidator : AbstractValidator<SessionForm>
{
    public SessionFormValidator()
    {
        RuleFor(x => x.HeldOn).SensibleDate();
        RuleFor(x => x.Title).NotEmpty().WithMessage("会の名称を入力してください。");
        RuleFor(x => x.HeldOn).Must(v => DateOnly.TryParse(v, CultureInfo.InvariantCulture, out _)).WithMessage("開催日を入力してください。");
        RuleFor(x => x.Venue).NotEmpty().WithMessage("会場を入力してください。");
        RuleFor(x => x.ProjectCodes).Must(v => CodeList.Parse(v).Count > 0).WithMessage("対象とする事業のコードを入力してください。");
        RuleFor(x => x.Reviewers).Must(r => r.Any(x => SessionForm.IsReviewerKind(x.Kind))).WithMessage("委員を1人以上選んでください。");
        // A person sent twice is refused rather than decided by whichever row came last.
        RuleFor(x => x.Reviewers).Custom((rows, context) =>
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (!string.IsNullOrEmpty(rows[i].Kind) && !SessionForm.IsReviewerKind(rows[i].Kind))
                    context.AddFailure(SessionForm.FieldOf(i), "委員の区分は「市民委員」か「学識経験者」から選んでください。");
                else if (rows.Take(i).Any(r => r.UserId == rows[i].UserId))
                    context.AddFailure(SessionForm.FieldOf(i), "同じ人が二つ送られました。一人に区分は一つです。画面を開き直して入力してください。");
            }
        });
    }
}
