using System.ComponentModel.DataAnnotations;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Web.Features.ImportLabels;

public sealed class LabelForm
{
    [Display(Name = "種類")]
    public LabelKind Kind { get; set; } = LabelKind.Direction;
    public string? Label { get; set; }
    [Display(Name = "意味")]
    public int? Value { get; set; }
    [Display(Name = "版")]
    public int Version { get; set; }
}

public sealed class LabelFormValidator : AbstractValidator<LabelForm>
{
    public LabelFormValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("種類を選んでください。");
        RuleFor(x => x.Label).NotEmpty().WithMessage("シートの表記を入力してください。")
            .MaximumLength(200).WithMessage("シートの表記は200文字以内で入力してください。");
        RuleFor(x => x.Value).NotNull().WithMessage("意味を選んでください。");
    }
}

public sealed record LabelsModel(
    IReadOnlyList<LabelTable.Entry> Entries, LabelKind? Kind, string? Search, LabelForm Form,
    IReadOnlyDictionary<LabelKind, IReadOnlyList<(int Value, string Text)>> Options, IReadOnlyList<UnitNameMapping> UnitNames, bool CanEdit);

public sealed record LabelEditModel(LabelMapping Mapping, LabelForm Form, IReadOnlyList<(int Value, string Text)> Options);
