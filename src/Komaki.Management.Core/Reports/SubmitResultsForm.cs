using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Reports;

/// Submitting the results report to the council, or a correction: the reason (whether one is needed is
/// ResultsSubmissionCommands').
public sealed class SubmitResultsForm
{
    public string? Comment { get; set; }
}

public sealed class SubmitResultsFormValidator : AbstractValidator<SubmitResultsForm>
{
    /// The note keeps the reason after the codes of the projects still unwritten; this is the reason's share of the column.
    public static readonly int ReasonLength = ModelLengths.Of<ResultsSubmission>(s => s.Note) - 2500;

    public SubmitResultsFormValidator() =>
        RuleFor(x => x.Comment).MaximumLength(ReasonLength).WithMessage("理由は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
}
