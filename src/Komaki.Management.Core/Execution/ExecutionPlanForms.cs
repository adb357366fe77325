using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Execution;

/// One project's execution plan of a year: the unit responsible, the goal, the work and each month's schedule.
public sealed class ExecutionPlanForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "担当課")]
    public int OwnerUnitId { get; set; }
    public string? Goal { get; set; }
    public string? Content { get; set; }
    /// A row per month of the fiscal year (April first) with its work as typed; a month not sent has none.
    public List<MonthWork> Months { get; set; } = [];

    /// The field of the i-th row's work, where its message goes.
    public static string FieldOf(int row) => $"{nameof(Months)}[{row}].{nameof(MonthWork.Work)}";
}

/// One month of the schedule: which month (4 … 12, 1 … 3) and what is planned in it.
public sealed class MonthWork
{
    [Display(Name = "月")]
    public int Month { get; set; }
    [Display(Name = "予定")]
    public string? Work { get; set; }
}

/// The department's mid-year and year-end progress of a plan.
public sealed class ProgressForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "中間進捗区分")]
    public ProgressStatus? MidYearStatus { get; set; }
    public string? MidYearProgress { get; set; }
    [Display(Name = "年度末進捗区分")]
    public ProgressStatus? YearEndStatus { get; set; }
    public string? YearEndProgress { get; set; }
}

/// Whether the unit is valid in the year is the command's to check against the organisation (ExecutionPlanCommands.CheckUnit).
public sealed class ExecutionPlanFormValidator : AbstractValidator<ExecutionPlanForm>
{
    public ExecutionPlanFormValidator()
    {
        RuleFor(x => x.Goal).NotEmpty().WithMessage("今年度の目標を入力してください。")
            .MaximumLength(ModelLengths.Of<ExecutionPlan>(p => p.Goal)).WithMessage("今年度の目標は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Content).MaximumLength(ModelLengths.Of<ExecutionPlan>(p => p.Content)).WithMessage("事業内容は{MaxLength}文字以内で入力してください。");
        var workMax = ModelLengths.Of<ExecutionPlanMonth>(m => m.Work);
        // Each row's message stands beside that row's field; a month that is not one of the year's, or is sent twice,
        // is refused rather than decided by whichever row came last.
        RuleFor(x => x.Months).Custom((months, context) =>
        {
            for (var i = 0; i < months.Count; i++)
            {
                var month = months[i].Month;
                if (!ExecutionPlan.Months.Contains(month))
                    context.AddFailure(ExecutionPlanForm.FieldOf(i), "月が見つかりません。画面を開き直して入力してください。");
                else if (months.Take(i).Any(m => m.Month == month))
                    context.AddFailure(ExecutionPlanForm.FieldOf(i), $"{month}月の予定が二つ送られました。一つの月に予定は一つです。画面を開き直して入力してください。");
                else if ((months[i].Work ?? "").Length > workMax)
                    context.AddFailure(ExecutionPlanForm.FieldOf(i), $"{month}月の予定は{workMax}文字以内で入力してください。");
            }
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

/// 随時の進捗報告: the day progress is known, its status and what happened (the day typed as text, shown back when refused).
public sealed class ProgressReportForm
{
    public string? AsOf { get; set; }
    [Display(Name = "進捗区分")]
    public ProgressStatus? ReportStatus { get; set; }
    public string? ReportText { get; set; }

    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// The form's own rules beside their fields: a day, a status, and the text — required, as on the 9月末 form, with
    /// the reason when the status is 遅れ or 中止・休止 (the day against the plan is ExecutionProgressReports.CheckDay's).
    public static IEnumerable<FieldError> Problems(ProgressReportForm form)
    {
        if (Day(form.AsOf) is null) yield return new(nameof(AsOf), "進捗の時点（日付）を入力してください。");
        if (form.ReportStatus is not ProgressStatus s || !Enum.IsDefined(s)) yield return new(nameof(ReportStatus), "進捗区分を選んでください。");
        var max = ModelLengths.Of<ExecutionProgressReport>(r => r.ReportText);
        if (string.IsNullOrWhiteSpace(form.ReportText))
            yield return new(nameof(ReportText), ExecutionPlan.NeedsReason(form.ReportStatus) ? $"「{form.ReportStatus!.Value.Label()}」のときは、理由と今後の見通しを書いてください。" : "進捗の内容を書いてください。");
        else if (form.ReportText.Trim().Length > max) yield return new(nameof(ReportText), $"進捗の内容は{max:N0}文字以内で入力してください。");
    }
}

public sealed class ProgressReportFormValidator : AbstractValidator<ProgressReportForm>
{
    public ProgressReportFormValidator() => RuleFor(f => f).Custom((form, context) =>
    {
        foreach (var problem in ProgressReportForm.Problems(form)) context.AddFailure(problem.Field, problem.Message);
    });
}
