using System.ComponentModel.DataAnnotations;
using FluentValidation;
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

    /// A number of people as typed (full-width digits and commas accepted; blank is none): 0 to 10,000.
    public static bool ReadCount(string? text, out decimal? count) => NumberText.TryParse(text, out count) && count is not (< 0 or > 10000);

    public static string CountMessage(string label) => $"{label}は0以上の数値で入力してください（小数は人工として読みます）。";
}
