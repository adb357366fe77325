using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Staffing;

/// A division's lines as one form: each line's figures; which of them a person may change is StaffingAccess's to say.
public sealed class StaffingForm
{
    public List<StaffingRow> Lines { get; set; } = [];
}

public sealed class StaffingRow
{
    [Display(Name = "行")]
    public int Id { get; set; }
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "職種")]
    public JobType? JobType { get; set; }
    [Display(Name = "任用形態")]
    public Personnel.EmploymentType? Employment { get; set; }
    public string? Allocated { get; set; }
    public string? ActualApril1 { get; set; }
    public string? Requested { get; set; }
    public string? RequestReason { get; set; }
    public string? Assessed { get; set; }
    public string? AssessmentReason { get; set; }
}

/// What every row must be whoever sends it: figures that read as people (人工 may be fractional), reasons that fit,
/// a 職種 and 任用形態 of the lists. Who may change which figure, and what a request or an assessment needs, the
/// command decides (StaffingCommands.SaveAsync).
public sealed class StaffingFormValidator : AbstractValidator<StaffingForm>
{
    public StaffingFormValidator()
    {
        RuleForEach(x => x.Lines).ChildRules(row =>
        {
            row.RuleFor(r => r.JobType).IsInEnum().WithMessage("職種を選んでください。");
            row.RuleFor(r => r.Employment).IsInEnum().WithMessage("任用形態を選んでください。");
            row.RuleFor(r => r.Allocated).Must(t => ReadCount(t, out _)).WithMessage(CountMessage("配分定数"));
            row.RuleFor(r => r.ActualApril1).Must(t => ReadCount(t, out _)).WithMessage(CountMessage("4月1日の実員"));
            row.RuleFor(r => r.Requested).Must(t => ReadCount(t, out _)).WithMessage(CountMessage("要求数"));
            row.RuleFor(r => r.Assessed).Must(t => ReadCount(t, out _)).WithMessage(CountMessage("査定数"));
            row.RuleFor(r => r.RequestReason).MaximumLength(ModelLengths.Of<StaffingLine>(l => l.RequestReason)).WithMessage("要求の理由は{MaxLength}文字以内で入力してください。");
            row.RuleFor(r => r.AssessmentReason).MaximumLength(ModelLengths.Of<StaffingLine>(l => l.AssessmentReason)).WithMessage("査定の理由は{MaxLength}文字以内で入力してください。");
        });
    }

    /// The 定員 figures are counts of people (StaffingLine declares them whole): 人工 may be fractional, a 定数 is not.
    private static readonly int Decimals = ModelLengths.DecimalsOf<StaffingLine>(l => l.Allocated);

    /// A number of people as typed (full-width digits and commas accepted; blank is none): a whole number, 0 to 10,000.
    public static bool ReadCount(string? text, out decimal? count) => NumberText.TryParse(text, Decimals, out count) && count is not (< 0 or > 10000);

    public static string CountMessage(string label) => $"{label}は0以上の整数（人）で入力してください。";
}

/// 定員管理の設定 of one year as one form: the numbers as typed (shown back beside their error), the due dates, and a
/// row per unit cost that carries its 職種 and 任用形態 (a blank cost is none: the job type's cost applies).
public sealed class StaffingYearForm
{
    [Display(Name = "条例定数")]
    public string? OrdinanceQuota { get; set; }
    [Display(Name = "定員適正化計画の目標")]
    public string? PlanTarget { get; set; }
    [Display(Name = "要求の期限")]
    public DateOnly? RequestDue { get; set; }
    [Display(Name = "査定の期限")]
    public DateOnly? AssessmentDue { get; set; }
    [Display(Name = "人工の許容差")]
    public string? Tolerance { get; set; }
    [Display(Name = "人件費単価")]
    public List<UnitCostRow> Costs { get; set; } = [];

    /// The unit costs the form has, in the order of the table: each job type's, then its employment types' own.
    public static IEnumerable<(JobType Job, Personnel.EmploymentType? Employment)> CostKinds =>
        Enum.GetValues<JobType>().SelectMany(j => new Personnel.EmploymentType?[] { null, Personnel.EmploymentType.Reappointed, Personnel.EmploymentType.FiscalYearAppointed }.Select(e => (j, e)));

    /// The field of the i-th row's cost, where its message goes.
    public static string CostField(int row) => $"{nameof(Costs)}[{row}].{nameof(UnitCostRow.Cost)}";

    /// The field of a unit cost as the form shows it (its row in the order of CostKinds).
    public static string CostField(JobType job, Personnel.EmploymentType? employment) =>
        CostField(CostKinds.Select((k, i) => (k, i)).First(x => x.k == (job, employment)).i);

    public static string CostLabel(JobType job, Personnel.EmploymentType? employment) => $"{job.Label()}{(employment is { } e ? "（" + e.Label() + "）" : "")}";

    /// A whole number of people or yen as typed (full-width digits and commas accepted), at least min; null when blank.
    public static bool ReadWhole(string? text, long min, out long? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!NumberText.TryParse(text, out var v) || v is not decimal d || d < min || d != Math.Round(d) || d >= 1_000_000_000_000) return false;
        value = (long)d;
        return true;
    }
}

/// One unit cost of the year's settings: for which 職種 and 任用形態 (none: the job type's own), and the yen as typed.
public sealed class UnitCostRow
{
    [Display(Name = "職種")]
    public JobType Job { get; set; }
    [Display(Name = "任用形態")]
    public Personnel.EmploymentType? Employment { get; set; }
    [Display(Name = "1人年あたりの人件費（円）")]
    public string? Cost { get; set; }
}

/// What the settings must be whoever sends them; the command only stores them.
public sealed class StaffingYearFormValidator : AbstractValidator<StaffingYearForm>
{
    public StaffingYearFormValidator()
    {
        RuleFor(x => x.RequestDue).SensibleDate();
        RuleFor(x => x.AssessmentDue).SensibleDate();
        RuleFor(x => x.OrdinanceQuota).Must(t => StaffingYearForm.ReadWhole(t, 1, out var v) && v is < 1_000_000).WithMessage("条例定数を1以上の整数（人）で入力してください。");
        RuleFor(x => x.PlanTarget).Must(t => StaffingYearForm.ReadWhole(t, 0, out var v) && v is null or < 1_000_000).WithMessage("定員適正化計画の目標は0以上の整数（人）で入力してください。");
        RuleFor(x => x.RequestDue).NotNull().WithMessage("要求の期限を入力してください。");
        RuleFor(x => x.AssessmentDue).NotNull().WithMessage("査定の期限を入力してください。");
        RuleFor(x => x.AssessmentDue).GreaterThanOrEqualTo(x => x.RequestDue).When(x => x.RequestDue is not null && x.AssessmentDue is not null)
            .WithMessage("査定の期限は要求の期限より後にしてください。");
        RuleFor(x => x.Tolerance).Must(t => NumberText.TryParse(t, ModelLengths.DecimalsOf<StaffingYear>(y => y.Tolerance), out var v) && v is >= 0 and < 1_000_000).WithMessage("許容差（人）を0以上の数値で入力してください。");
        // A kind sent twice, or not one of the form's, is refused rather than decided by whichever row came last.
        RuleFor(x => x.Costs).Custom((costs, context) =>
        {
            var kinds = StaffingYearForm.CostKinds.ToList();
            for (var i = 0; i < costs.Count; i++)
            {
                var (job, employment) = (costs[i].Job, costs[i].Employment);
                if (!kinds.Contains((job, employment)))
                    context.AddFailure(StaffingYearForm.CostField(i), "職種または任用形態が見つかりません。画面を開き直して入力してください。");
                else if (costs.Take(i).Any(c => c.Job == job && c.Employment == employment))
                    context.AddFailure(StaffingYearForm.CostField(i), $"{StaffingYearForm.CostLabel(job, employment)}の人件費単価が二つ送られました。画面を開き直して入力してください。");
                else if (!StaffingYearForm.ReadWhole(costs[i].Cost, 1, out _))
                    context.AddFailure(StaffingYearForm.CostField(i), $"{StaffingYearForm.CostLabel(job, employment)}の人件費単価は円の整数で入力してください。");
            }
        });
    }
}

/// 次年度の配分 confirmed: the reason recorded when the year goes on with something missing (the command asks for it
/// only then).
public sealed class AllocationForm
{
    [Display(Name = "理由")]
    public string? Comment { get; set; }
}

public sealed class AllocationFormValidator : AbstractValidator<AllocationForm>
{
    public AllocationFormValidator() =>
        RuleFor(x => x.Comment).MaximumLength(ModelLengths.Of<StaffingYear>(y => y.AllocationNote) / 2).WithMessage("理由は{MaxLength}文字以内で入力してください。");
}
