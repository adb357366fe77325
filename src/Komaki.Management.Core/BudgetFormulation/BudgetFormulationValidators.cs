using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.BudgetFormulation;

/// The fields of a request or an assessment as typed: each amount a 千円 figure of 0 or more, the reason within its
/// length. The rules that need the line (funding adding up, the reason a check asks for) are the commands'.
public abstract class AmountsFormRules<T> : AbstractValidator<T> where T : AmountsForm
{
    protected AmountsFormRules()
    {
        Amount(f => f.Expenditure, "歳出");
        foreach (var part in Funding.Parts)
            RuleFor(f => f.TextOf(part)).Must(BeThousandsOrBlank).WithMessage($"{part.Label}は0以上の千円単位の数値で入力してください。").OverridePropertyName(part.Field);
        var max = Data.ModelLengths.Of<BudgetStageEntry>(e => e.Reason);
        RuleFor(f => f.Reason).MaximumLength(max).WithMessage($"理由は{max:N0}文字以内で入力してください。");
    }

    private void Amount(System.Linq.Expressions.Expression<Func<T, string?>> field, string label) =>
        RuleFor(field).Must(BeThousandsOrBlank).WithMessage($"{label}は0以上の千円単位の数値で入力してください。");

    internal static bool BeThousandsOrBlank(string? text) =>
        string.IsNullOrWhiteSpace(text) || Amounts.TryParse(text, 1000, out var yen) && yen >= 0;
}

public sealed class RequestFormValidator : AmountsFormRules<RequestForm>
{
    public RequestFormValidator() =>
        RuleForEach(f => f.Setsu).ChildRules(row => row.RuleFor(r => r.Amount).Must(BeThousandsOrBlank).WithMessage("節の金額は0以上の千円単位の数値で入力してください。"));
}

public sealed class AssessFormValidator : AmountsFormRules<AssessForm>;

public sealed class RoundFormValidator : AbstractValidator<RoundForm>
{
    public RoundFormValidator()
    {
        var max = Data.ModelLengths.Of<BudgetRound>(r => r.Policy);
        RuleFor(f => f.Policy).MaximumLength(max).WithMessage($"予算編成方針は{max:N0}文字以内で入力してください。");
        RuleForEach(f => f.Frames).Must(r => AmountsFormRules<RequestForm>.BeThousandsOrBlank(r.GeneralFund))
            .WithMessage("枠（一般財源）は0以上の千円単位の数値で入力してください。");
        RuleForEach(f => f.Stages).ChildRules(row => row.RuleFor(r => r.DueOn).SensibleDate());
    }
}

/// The reasons given on a stage's confirmation page, one per line that goes against the evaluation. A list, not a
/// dictionary by request, so that two reasons sent for one line are seen and refused rather than one silently kept.
public sealed class CommitForm
{
    [Display(Name = "食い違う理由")]
    public List<CommitReason> Reasons { get; set; } = [];
    /// What the confirmation page showed (BudgetShown.Commit).
    [Display(Name = "開いたときの内容")]
    public string? Shown { get; set; }

    /// Why the 部's active projects without a request are left out (asked at 予算案: BudgetChecks.AsksUnrequested).
    [Display(Name = "要求のない事業の理由")]
    public string? UnrequestedReason { get; set; }

    /// The reason given for the line of this request, or null.
    public string? ReasonFor(int requestId) => Reasons.FirstOrDefault(r => r.RequestId == requestId)?.Text;

    /// The form field of the reason for this request: where the page puts it and where a refusal of it is shown.
    public string FieldOf(int requestId) => Reasons.FindIndex(r => r.RequestId == requestId) is var i and >= 0 ? $"{nameof(Reasons)}[{i}].{nameof(CommitReason.Text)}" : nameof(Reasons);
}

/// One line's reason on a stage's confirmation page.
public sealed class CommitReason
{
    [Display(Name = "要求")]
    public int RequestId { get; set; }
    [Display(Name = "理由")]
    public string? Text { get; set; }
}

public sealed class CommitFormValidator : AbstractValidator<CommitForm>
{
    public CommitFormValidator()
    {
        var max = Data.ModelLengths.Of<BudgetStageEntry>(e => e.CheckReason);
        RuleFor(f => f.Reasons).Must(r => r.Select(x => x.RequestId).Distinct().Count() == r.Count)
            .WithMessage("同じ行の理由が2つ送られました。ページを開き直して、1行に1つの理由を書いてください。");
        RuleForEach(f => f.Reasons).ChildRules(r => r.RuleFor(x => x.Text).MaximumLength(max).WithMessage($"理由は{max:N0}文字以内で入力してください。"));
        var unrequested = Data.ModelLengths.Of<BudgetStageCommit>(c => c.UnrequestedReason);
        RuleFor(f => f.UnrequestedReason).MaximumLength(unrequested).WithMessage($"理由は{unrequested:N0}文字以内で入力してください。");
    }
}

/// The head's submission of a request: the reason for what goes against the evaluation or the 実施計画 (asked only
/// when there is something; whether it is needed is the command's, which knows the line).
public sealed class SubmitForm
{
    [Display(Name = "理由")]
    public string? Comment { get; set; }
    /// What the confirmation page showed (BudgetShown.Request).
    [Display(Name = "開いたときの内容")]
    public string? Shown { get; set; }
}

public sealed class SubmitFormValidator : AbstractValidator<SubmitForm>
{
    public SubmitFormValidator()
    {
        var max = Data.ModelLengths.Of<BudgetStageEntry>(e => e.CheckReason);
        RuleFor(f => f.Comment).MaximumLength(max).WithMessage($"理由は{max:N0}文字以内で入力してください。");
    }
}

/// 復活要求 as the 課's head types it: the amount (千円) and the reason.
public sealed class RestorationForm
{
    [Display(Name = "復活を求める額")]
    public string? Amount { get; set; }
    [Display(Name = "復活を求める理由")]
    public string? Reason { get; set; }
}

public sealed class RestorationFormValidator : AbstractValidator<RestorationForm>
{
    public RestorationFormValidator()
    {
        var max = Data.ModelLengths.Of<BudgetRestoration>(r => r.Reason);
        RuleFor(f => f.Amount).Must(t => Amounts.TryParse(t, 1000, out var yen) && yen > 0)
            .WithMessage("復活を求める額を1以上の千円単位の数値で入力してください。");
        RuleFor(f => f.Reason).NotEmpty().WithMessage("復活を求める理由を入力してください。")
            .MaximumLength(max).WithMessage($"理由は{max:N0}文字以内で入力してください。");
    }
}

/// The 財政課's answer to a 復活要求: the amount granted (千円, 0 for none) and why, on the version it read.
public sealed class AnswerForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "認める額")]
    public string? Granted { get; set; }
    [Display(Name = "回答")]
    public string? Answer { get; set; }
}

public sealed class AnswerFormValidator : AbstractValidator<AnswerForm>
{
    public AnswerFormValidator()
    {
        var max = Data.ModelLengths.Of<BudgetRestoration>(r => r.Answer);
        RuleFor(f => f.Granted).Must(t => Amounts.TryParse(t, 1000, out var yen) && yen >= 0)
            .WithMessage("認める額を0以上の千円単位の数値で入力してください（認めないときは0）。");
        RuleFor(f => f.Answer).NotEmpty().WithMessage("回答（理由）を入力してください。")
            .MaximumLength(max).WithMessage($"回答は{max:N0}文字以内で入力してください。");
    }
}
