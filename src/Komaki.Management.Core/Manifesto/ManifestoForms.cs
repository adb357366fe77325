using FluentValidation;

namespace Komaki.Management.Core.Manifesto;

public sealed class TermForm
{
    public int Version { get; set; }
    public string? Title { get; set; }
    public string? MayorName { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
}

public sealed class ItemForm
{
    public int Version { get; set; }
    public int MayorTermId { get; set; }
    public string? Number { get; set; }
    public string? Area { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? NumericTarget { get; set; }
}

public sealed class TermFormValidator : AbstractValidator<TermForm>
{
    public TermFormValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("任期の名称を入力してください（例: 第3期）。");
        RuleFor(x => x.MayorName).NotEmpty().WithMessage("市長の氏名を入力してください。");
        RuleFor(x => x.StartDate).Must(v => DateOnly.TryParse(v, CultureInfo.InvariantCulture, out _)).WithMessage("任期の開始日を入力してください。");
        RuleFor(x => x.EndDate).Must((form, end) => DateOnly.TryParse(end, CultureInfo.InvariantCulture, out var e)
                && (!DateOnly.TryParse(form.StartDate, CultureInfo.InvariantCulture, out var s) || e > s))
            .When(x => !string.IsNullOrWhiteSpace(x.EndDate)).WithMessage("任期の終了日は開始日より後の日付にしてください。");
    }
}

/// Whether the number is free in the term is ManifestoCommands' to check.
public sealed class ItemFormValidator : AbstractValidator<ItemForm>
{
    public ItemFormValidator()
    {
        RuleFor(x => x.Number).NotEmpty().WithMessage("番号を入力してください。");
        RuleFor(x => x.Area).NotEmpty().WithMessage("分野を入力してください。");
        RuleFor(x => x.Title).NotEmpty().WithMessage("項目名を入力してください。");
        RuleFor(x => x.Description).MaximumLength(4000).WithMessage("内容は4,000文字以内で入力してください。");
    }
}
