using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

/// One form for every level of the policy tree; which fields apply depends on the level.
public sealed class PlanElementForm
{
    [Display(Name = "階層")]
    public PlanLevel Level { get; set; }
    [Display(Name = "対象の記録")]
    public int? Id { get; set; }

    /// The basic plan for a policy, the policy for a measure, the measure for a basic project or project.
    [Display(Name = "上位の要素")]
    public int ParentId { get; set; }
    [Display(Name = "基本事業")]
    public int? BasicProjectId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }
    [Display(Name = "担当課")]
    public int? OwnerUnitId { get; set; }
    public string? Weight { get; set; } = "1";
    [Display(Name = "主要事業")]
    public bool IsMajor { get; set; }
    [Display(Name = "開始年度")]
    public int? StartYear { get; set; }
    [Display(Name = "終了年度")]
    public int? EndYear { get; set; }
    [Display(Name = "版")]
    public int Version { get; set; }

    public static PlanElementForm From(PlanElement e) => e switch
    {
        Policy p => Base(p, p.BasicPlanId),
        Measure m => Base(m, m.PolicyId, owner: m.OwnerUnitId),
        BasicProject b => Base(b, b.MeasureId),
        Project p => Base(p, p.MeasureId, owner: p.OwnerUnitId, major: p.IsMajor, start: p.StartYear, end: p.EndYear, basic: p.BasicProjectId),
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    private static PlanElementForm Base(PlanElement e, int parent, int? owner = null, bool major = false, int? start = null, int? end = null, int? basic = null) => new()
    {
        Level = e.Level, Id = e.Id, ParentId = parent, Code = e.Code, Name = e.Name, Description = e.Description,
        SortOrder = e.SortOrder, OwnerUnitId = owner, IsMajor = major, StartYear = start, EndYear = end, BasicProjectId = basic,
        Version = e.Version, Weight = e is Measure measure ? NumberText.Format(measure.Weight) : "1",
    };
}

public sealed class PlanElementFormValidator : AbstractValidator<PlanElementForm>
{
    public PlanElementFormValidator()
    {
        // Every level is mapped alike (PlanElementMapping): a project's columns are every level's.
        RuleFor(x => x.Code).NotEmpty().WithMessage("コードを入力してください。")
            .MaximumLength(ModelLengths.Of<Project>(p => p.Code)).WithMessage("コードは{MaxLength}文字以内で入力してください。")
            .Matches(@"^[0-9A-Za-z\-_.]+$").WithMessage("コードは半角の英数字と - _ . で入力してください（例: 1-2-03）。");
        RuleFor(x => x.Name).NotEmpty().WithMessage("名称を入力してください。")
            .MaximumLength(ModelLengths.Of<Project>(p => p.Name)).WithMessage("名称は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Description).MaximumLength(ModelLengths.Of<Project>(p => p.Description)).WithMessage("説明は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Weight).Must(v => string.IsNullOrWhiteSpace(v) || NumberText.TryParse(v, ModelLengths.DecimalsOf<Measure>(m => m.Weight), out var w) && w is >= 0 and <= 100)
            .When(x => x.Level == PlanLevel.Measure).WithMessage("重みは0〜100の数値で入力してください（1 = 均等、0 = 政策の達成度に含めない）。");
        RuleFor(x => x.ParentId).GreaterThan(0).WithMessage("上位の項目を選んでください。");
        When(x => x.Level == PlanLevel.Project, () =>
        {
            RuleFor(x => x.OwnerUnitId).NotNull().WithMessage("担当課を選んでください。");
            RuleFor(x => x.StartYear).NotNull().WithMessage("開始年度を選んでください。")
                .InclusiveBetween(1989, 2100).WithMessage("開始年度が正しくありません。");
            RuleFor(x => x.EndYear).GreaterThanOrEqualTo(x => x.StartYear)
                .When(x => x.EndYear is not null && x.StartYear is not null)
                .WithMessage("終了年度は開始年度以降にしてください。");
        });
    }
}

public sealed class RetireForm
{
    public string Reason { get; set; } = "";
    [Display(Name = "版")]
    public int Version { get; set; }
}

public sealed class RetireFormValidator : AbstractValidator<RetireForm>
{
    public RetireFormValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("廃止の理由を入力してください。")
            .MaximumLength(ModelLengths.Of<Project>(p => p.RetiredReason)).WithMessage("理由は{MaxLength}文字以内で入力してください。");
    }
}
