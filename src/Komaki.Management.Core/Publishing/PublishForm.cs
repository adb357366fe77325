using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Publishing;

/// Publishing a year: the reason to go ahead while something is missing (whether one is needed is PublicationCommands').
public sealed class PublishForm
{
    public string? Comment { get; set; }
}

public sealed class PublishFormValidator : AbstractValidator<PublishForm>
{
    /// The note keeps the reason after what was missing; this is the reason's share of the column.
    public static readonly int ReasonLength = ModelLengths.Of<Publication>(p => p.Note) - 500;

    public PublishFormValidator() =>
        RuleFor(x => x.Comment).MaximumLength(ReasonLength).WithMessage("理由は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
}
