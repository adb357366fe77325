using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

/// The definition of an indicator as its form edits it.

public sealed class IndicatorForm
{
    public string Name { get; set; } = "";
    [Display(Name = "種類")]
    public IndicatorKind Kind { get; set; } = IndicatorKind.Outcome;
    public string Unit { get; set; } = "";
    [Display(Name = "望ましい方向")]
    public IndicatorDirection Direction { get; set; } = IndicatorDirection.HigherIsBetter;
    public string? BaselineValue { get; set; }
    [Display(Name = "基準年度")]
    public int? BaselineYear { get; set; }
    public string? Weight { get; set; } = "1";
    public string? Description { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }
    [Display(Name = "版")]
    public int Version { get; set; }

    public static IndicatorForm From(Indicator i) => new()
    {
        Name = i.Name, Kind = i.Kind, Unit = i.Unit, Direction = i.Direction, BaselineValue = NumberText.Format(i.BaselineValue),
        BaselineYear = i.BaselineYear, Weight = NumberText.Format(i.Weight), Description = i.Description, SortOrder = i.SortOrder, Version = i.Version,
    };

    public void ApplyTo(Indicator i)
    {
        // The validator has refused what does not read as a number; blank reads as none.
        var baseline = NumberText.TryParse(BaselineValue, out var b) ? b : null;
        i.Name = Name.Trim();
        i.Kind = Kind;
        i.Unit = Unit.Trim();
        i.Direction = Direction;
        i.BaselineValue = baseline;
        i.BaselineYear = BaselineYear;
        i.Weight = NumberText.TryParse(Weight, out var w) && w is decimal weight ? weight : 1m;
        i.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        i.SortOrder = SortOrder;
    }
}

public sealed class IndicatorFormValidator : AbstractValidator<IndicatorForm>
{
    public IndicatorFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("指標名を入力してください。").MaximumLength(ModelLengths.Of<Indicator>(i => i.Name)).WithMessage("指標名は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Unit).NotEmpty().WithMessage("単位を入力してください（例: %、人、件）。").MaximumLength(ModelLengths.Of<Indicator>(i => i.Unit)).WithMessage("単位は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("指標の種類を選んでください。");
        RuleFor(x => x.Direction).IsInEnum().WithMessage("指標の方向を選んでください。");
        RuleFor(x => x.BaselineValue).Must(v => NumberText.TryParse(v, out _)).WithMessage("基準値は数値で入力してください。");
        RuleFor(x => x.Weight).Must(v => string.IsNullOrWhiteSpace(v) || NumberText.TryParse(v, ModelLengths.DecimalsOf<Indicator>(i => i.Weight), out var w) && w is >= 0 and <= 100)
            .WithMessage("重みは0〜100の数値で入力してください（1 = 均等、0 = 達成度に含めない）。");
        RuleFor(x => x.BaselineYear).InclusiveBetween(1989, 2100).When(x => x.BaselineYear is not null).WithMessage("基準年度が正しくありません。");
        RuleFor(x => x.Description).MaximumLength(ModelLengths.Of<Indicator>(i => i.Description)).WithMessage("説明は{MaxLength}文字以内で入力してください。");
    }
}

public sealed class ValueRow
{
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "目標値の固定")]
    public bool TargetLocked { get; set; }
    [Display(Name = "実績値の固定")]
    public bool ActualLocked { get; set; }
    [Display(Name = "実績値の公表")]
    public bool ActualPublished { get; set; }
    public string? Target { get; set; }
    public string? Actual { get; set; }
}

/// Every year's target and actual of one indicator, typed as text so that what the user typed can be
/// shown back beside its error.
public sealed class ValuesForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    /// Why a published actual is corrected (planning only).
    public string? CorrectionReason { get; set; }
    public List<ValueRow> Rows { get; set; } = [];
}

public sealed class ValuesFormValidator : AbstractValidator<ValuesForm>
{
    public ValuesFormValidator()
    {
        RuleFor(x => x.Rows).Must(r => r.Select(x => x.FiscalYear).Distinct().Count() == r.Count).WithMessage("同じ年度が重複しています。");
        RuleFor(x => x.CorrectionReason).MaximumLength(ModelLengths.Of<IndicatorValue>(v => v.CorrectionReason)).WithMessage("訂正の理由は{MaxLength}文字以内で入力してください。");
        RuleForEach(x => x.Rows).ChildRules(row =>
        {
            row.RuleFor(r => r.FiscalYear).InclusiveBetween(1989, 2100).WithMessage("年度が正しくありません。");
            row.RuleFor(r => r.Target).Must(v => NumberText.TryParse(v, out _))
                .WithMessage(r => $"{Wareki.FiscalYear(r.FiscalYear)}の目標値「{r.Target}」は数値ではありません。");
            row.RuleFor(r => r.Actual).Must(v => NumberText.TryParse(v, out _))
                .WithMessage(r => $"{Wareki.FiscalYear(r.FiscalYear)}の実績値「{r.Actual}」は数値ではありません。");
        });
    }
}
