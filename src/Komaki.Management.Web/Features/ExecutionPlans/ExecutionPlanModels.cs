using Komaki.Management.Core.Execution;

namespace Komaki.Management.Web.Features.ExecutionPlans;

public sealed record ExecutionRow(int ProjectId, string Code, string Name, int OwnerUnitId, ExecutionPlan? Plan);

public sealed record ExecutionListModel(int Year, int? UnitId, bool MissingOnly, IReadOnlyList<ExecutionRow> Rows, IReadOnlyList<SelectListItem> Units, OrgTree Org, bool CanImport);

public sealed record IndicatorTarget(int Id, string Name, string Unit, decimal? Target, decimal? Actual);

public sealed record ExecutionDetailsModel(int Year, Project Project, ExecutionPlan? Plan, string Unit, IReadOnlyList<IndicatorTarget> Indicators, bool CanEdit, bool CanReport)
{
    /// 随時の進捗報告, newest first.
    public IReadOnlyList<ExecutionProgressReport> Reports { get; init; } = [];
    public DateOnly Today { get; init; }
    /// What a refused report sent, shown again beside its messages.
    public (string? AsOf, ProgressStatus? Status, string? Text) ReportForm { get; init; }
}

public sealed class ExecutionPlanForm
{
    public int Version { get; set; }
    public int OwnerUnitId { get; set; }
    public string? Goal { get; set; }
    public string? Content { get; set; }
    public Dictionary<int, string?> Months { get; set; } = [];
}

public sealed record ExecutionEditModel(int Year, Project Project, ExecutionPlanForm Form, IReadOnlyList<SelectListItem> Units);

public sealed class ProgressForm
{
    public int Version { get; set; }
    public ProgressStatus? MidYearStatus { get; set; }
    public string? MidYearProgress { get; set; }
    public ProgressStatus? YearEndStatus { get; set; }
    public string? YearEndProgress { get; set; }
}

public sealed record ProgressModel(int Year, Project Project, ProgressForm Form);

/// Whether the unit is valid in the year is the controller's to check against the organisation.
public sealed class ExecutionPlanFormValidator : AbstractValidator<ExecutionPlanForm>
{
    public ExecutionPlanFormValidator()
    {
        RuleFor(x => x.Goal).NotEmpty().WithMessage("今年度の目標を入力してください。")
            .MaximumLength(ModelLengths.Of<ExecutionPlan>(p => p.Goal)).WithMessage("今年度の目標は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Content).MaximumLength(ModelLengths.Of<ExecutionPlan>(p => p.Content)).WithMessage("事業内容は{MaxLength}文字以内で入力してください。");
        var workMax = ModelLengths.Of<ExecutionPlanMonth>(m => m.Work);
        // Each month's message stands beside that month's field (Months[4] …).
        RuleFor(x => x.Months).Custom((months, context) =>
        {
            foreach (var (month, work) in months.Where(m => (m.Value ?? "").Length > workMax))
                context.AddFailure($"Months[{month}]", $"{month}月の予定は{workMax}文字以内で入力してください。");
        });
    }
}

public sealed class ProgressFormValidator : AbstractValidator<ProgressForm>
{
    public ProgressFormValidator()
    {
        RuleFor(x => x.MidYearStatus).IsInEnum().WithMessage("中間の進捗区分を選び直してください。")
            .NotNull().When(x => !string.IsNullOrWhiteSpace(x.MidYearProgress)).WithMessage("中間の進捗区分を選んでください。");
        RuleFor(x => x.YearEndStatus).IsInEnum().WithMessage("年度末の進捗区分を選び直してください。")
            .NotNull().When(x => !string.IsNullOrWhiteSpace(x.YearEndProgress)).WithMessage("年度末の進捗区分を選んでください。");
        var max = ModelLengths.Of<ExecutionPlan>(p => p.MidYearProgress);
        RuleFor(x => x.MidYearProgress).NotEmpty().When(x => ExecutionPlan.NeedsReason(x.MidYearStatus))
            .WithMessage(x => $"中間の進捗が「{x.MidYearStatus!.Value.Label()}」のときは、理由と今後の見通しを進捗の内容に書いてください。")
            .MaximumLength(max).WithMessage("進捗は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.YearEndProgress).NotEmpty().When(x => ExecutionPlan.NeedsReason(x.YearEndStatus))
            .WithMessage(x => $"年度末の進捗が「{x.YearEndStatus!.Value.Label()}」のときは、理由と今後の見通しを進捗の内容に書いてください。")
            .MaximumLength(max).WithMessage("進捗は{MaxLength}文字以内で入力してください。");
    }
}
