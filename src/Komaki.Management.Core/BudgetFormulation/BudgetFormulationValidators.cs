using FluentValidation;

namespace Komaki.Management.Core.BudgetFormulation;

/// The fields of a request or an assessment as typed: each amount a 千円 figure of 0 or more, the reason within its
/// length. The rules that need the line (funding adding up, the reason a check asks for) are the commands'.
public abstract class AmountsFormRules<T> : AbstractValidator<T> where T : AmountsForm
{
    protected AmountsFormRules()
    {
        Amount(f => f.Expenditure, "歳出");
        Amount(f => f.National, "国庫支出金");
        Amount(f => f.Prefectural, "県支出金");
        Amount(f => f.Bonds, "地方債");
        Amount(f => f.OtherSpecific, "その他特定財源");
        Amount(f => f.General, "一般財源");
        RuleFor(f => f.Reason).MaximumLength(BudgetFormulationCommands.ReasonLength)
            .WithMessage($"理由は{BudgetFormulationCommands.ReasonLength:N0}文字以内で入力してください。");
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
        RuleFor(f => f.Policy).MaximumLength(BudgetFormulationCommands.ReasonLength)
            .WithMessage($"予算編成方針は{BudgetFormulationCommands.ReasonLength:N0}文字以内で入力してください。");
        RuleForEach(f => f.Frames).Must(r => AmountsFormRules<RequestForm>.BeThousandsOrBlank(r.GeneralFund))
            .WithMessage("枠（一般財源）は0以上の千円単位の数値で入力してください。");
    }
}

/// The reasons given on a stage's confirmation page, one per line that goes against the evaluation.
public sealed class CommitForm
{
    public Dictionary<int, string?> Reasons { get; set; } = [];
}

public sealed class CommitFormValidator : AbstractValidator<CommitForm>
{
    public CommitFormValidator() =>
        RuleFor(f => f.Reasons).Must(r => r.Values.All(v => (v?.Length ?? 0) <= BudgetFormulationCommands.ReasonLength))
            .WithMessage($"理由は{BudgetFormulationCommands.ReasonLength:N0}文字以内で入力してください。");
}
