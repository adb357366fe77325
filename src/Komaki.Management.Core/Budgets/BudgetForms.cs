using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Budgets;

/// One project's budget for one year, typed in 千円 as text so what was typed is shown back beside its error.
public sealed class BudgetForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "要求額")]
    public string? Requested { get; set; }
    [Display(Name = "査定額")]
    public string? Assessed { get; set; }
    [Display(Name = "当初予算額")]
    public string? Initial { get; set; }
    [Display(Name = "補正予算額")]
    public string? Supplementary { get; set; }
    [Display(Name = "決算額")]
    public string? Settled { get; set; }
}

/// Amounts are typed in 千円 (full-width digits, commas and ▲ accepted); only 補正 may be negative.
public sealed class BudgetFormValidator : AbstractValidator<BudgetForm>
{
    public BudgetFormValidator()
    {
        Amount(x => x.Requested, "要求額");
        Amount(x => x.Assessed, "査定額");
        Amount(x => x.Initial, "当初予算額");
        Amount(x => x.Supplementary, "補正予算額", allowNegative: true);
        Amount(x => x.Settled, "決算額");
    }

    /// The amount in yen as the form means it; the validator has refused what does not read.
    public static long? Yen(string? text) => Amounts.TryParse(text, 1000, out var yen) ? yen : null;

    private void Amount(System.Linq.Expressions.Expression<Func<BudgetForm, string?>> field, string label, bool allowNegative = false) =>
        RuleFor(field)
            .Must(v => Amounts.TryParse(v, 1000, out _)).WithMessage($"{label}は千円単位の数値で入力してください。")
            .Must(v => allowNegative || Yen(v) is not < 0).WithMessage($"{label}にマイナスは入力できません。");
}
