using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Manifesto;

public sealed class TermForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    public string? Title { get; set; }
    public string? MayorName { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
}

public sealed class ItemForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "任期")]
    public int MayorTermId { get; set; }
    public string? Number { get; set; }
    public string? Area { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? NumericTarget { get; set; }
    /// Needed when the number, area or title citizens read changes (PublishedCorrections).
    public string? CorrectionReason { get; set; }
    public string? Note { get; set; }
}

public sealed class TermFormValidator : AbstractValidator<TermForm>
{
    public TermFormValidator()
    {
        RuleFor(x => x.StartDate).SensibleDate();
        RuleFor(x => x.EndDate).SensibleDate();
        RuleFor(x => x.Title).NotEmpty().WithMessage("任期の名称を入力してください（例: 第3期）。")
            .MaximumLength(ModelLengths.Of<MayorTerm>(t => t.Title)).WithMessage("任期の名称は{MaxLength}文字以内で入力してください（現在 {TotalLength} 文字）。");
        RuleFor(x => x.MayorName).NotEmpty().WithMessage("市長の氏名を入力してください。")
            .MaximumLength(ModelLengths.Of<MayorTerm>(t => t.MayorName)).WithMessage("市長は{MaxLength}文字以内で入力してください（現在 {TotalLength} 文字）。");
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
        RuleFor(x => x.Number).NotEmpty().WithMessage("番号を入力してください。")
            .MaximumLength(ModelLengths.Of<ManifestoItem>(i => i.Number)).WithMessage("番号は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Area).NotEmpty().WithMessage("分野を入力してください。")
            .MaximumLength(ModelLengths.Of<ManifestoItem>(i => i.Area)).WithMessage("分野は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Title).NotEmpty().WithMessage("項目名を入力してください。")
            .MaximumLength(ModelLengths.Of<ManifestoItem>(i => i.Title)).WithMessage("項目名は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Description).MaximumLength(ModelLengths.Of<ManifestoItem>(i => i.Description)).WithMessage("内容は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.NumericTarget).MaximumLength(ModelLengths.Of<ManifestoItem>(i => i.NumericTarget)).WithMessage("数値目標は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.CorrectionReason).MaximumLength(ModelLengths.Of<ManifestoItem>(i => i.CorrectionReason)).WithMessage("訂正の理由は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Note).MaximumLength(ModelLengths.Of<ManifestoItem>(i => i.Note)).WithMessage("備考は{MaxLength}文字以内で入力してください（現在 {TotalLength} 文字）。");
    }
}

/// A link from a promise into the plan: a policy, a measure or a project by its code. Whether the code names a current
/// element, and whether the item is linked to it already, is ManifestoCommands' to check.
public sealed class LinkForm
{
    [Display(Name = "結び付ける階層")]
    public PlanLevel? Level { get; set; }
    public string? Code { get; set; }
}

public sealed class LinkFormValidator : AbstractValidator<LinkForm>
{
    public LinkFormValidator()
    {
        RuleFor(x => x.Level).NotNull().Must(l => l is PlanLevel.Policy or PlanLevel.Measure or PlanLevel.Project).WithMessage("結び付ける先の区分（政策・施策・事務事業）を選んでください。");
        RuleFor(x => x.Code).Cascade(CascadeMode.Stop).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("コードを入力してください（例: 1-2 / 1-2-03）。")
            .Must((form, c) => c!.Trim().Length <= CodeLength(form.Level)).WithMessage(form => $"コードは{CodeLength(form.Level)}文字以内で入力してください。");
    }

    private static int CodeLength(PlanLevel? level) => level switch
    {
        PlanLevel.Policy => ModelLengths.Of<Policy>(p => p.Code),
        PlanLevel.Measure => ModelLengths.Of<Measure>(m => m.Code),
        _ => ModelLengths.Of<Project>(p => p.Code),
    };
}

/// A year's progress of a promise. Whether the year is within the term is ManifestoCommands' to check.
public sealed class ManifestoProgressForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "進捗の状況")]
    public ManifestoStatus? Status { get; set; }
    public string? Commentary { get; set; }
    public string? Evidence { get; set; }
    /// Needed only when the year's progress is published (PublishedCorrections).
    public string? CorrectionReason { get; set; }
}

public sealed class ManifestoProgressFormValidator : AbstractValidator<ManifestoProgressForm>
{
    public ManifestoProgressFormValidator()
    {
        RuleFor(x => x.Status).NotNull().WithMessage("進捗の状況を選んでください。").IsInEnum().WithMessage("進捗の状況を選んでください。");
        RuleFor(x => x.Commentary).Cascade(CascadeMode.Stop).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("進捗の説明を入力してください。")
            .MaximumLength(ModelLengths.Of<ManifestoProgress>(p => p.Commentary)).WithMessage("進捗の説明は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
        RuleFor(x => x.Evidence).MaximumLength(ModelLengths.Of<ManifestoProgress>(p => p.Evidence)).WithMessage("根拠は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
        RuleFor(x => x.CorrectionReason).MaximumLength(ModelLengths.Of<ManifestoProgress>(p => p.CorrectionReason)).WithMessage("訂正の理由は{MaxLength}文字以内で入力してください。");
    }
}
