using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

public sealed class PlanForm
{
    [Display(Name = "対象の記録")]
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Vision { get; set; }
    [Display(Name = "開始年度")]
    public int StartYear { get; set; }
    [Display(Name = "終了年度")]
    public int EndYear { get; set; }
    public string PolicyLabel { get; set; } = "政策";
    public string MeasureLabel { get; set; } = "施策";
    public string BasicProjectLabel { get; set; } = "基本事業";
    public string ProjectLabel { get; set; } = "事務事業";
    [Display(Name = "現行計画")]
    public bool IsCurrent { get; set; }
    [Display(Name = "版")]
    public int Version { get; set; }
}

public sealed class PlanFormValidator : AbstractValidator<PlanForm>
{
    public PlanFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("計画の名称を入力してください。")
            .MaximumLength(ModelLengths.Of<ComprehensivePlan>(p => p.Name)).WithMessage("計画の名称は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Vision).MaximumLength(ModelLengths.Of<ComprehensivePlan>(p => p.Vision)).WithMessage("基本構想・都市ヴィジョンは{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.StartYear).InclusiveBetween(1989, 2100).WithMessage("開始年度を選んでください。");
        RuleFor(x => x.EndYear).GreaterThanOrEqualTo(x => x.StartYear).WithMessage("終了年度は開始年度以降にしてください。");
        RuleFor(x => x.PolicyLabel).NotEmpty().MaximumLength(ModelLengths.Of<ComprehensivePlan>(p => p.PolicyLabel)).WithMessage("第1階層の呼称を{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.MeasureLabel).NotEmpty().MaximumLength(ModelLengths.Of<ComprehensivePlan>(p => p.MeasureLabel)).WithMessage("第2階層の呼称を{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.BasicProjectLabel).NotEmpty().MaximumLength(ModelLengths.Of<ComprehensivePlan>(p => p.BasicProjectLabel)).WithMessage("基本事業の呼称を{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.ProjectLabel).NotEmpty().MaximumLength(ModelLengths.Of<ComprehensivePlan>(p => p.ProjectLabel)).WithMessage("事務事業の呼称を{MaxLength}文字以内で入力してください。");
    }
}

public sealed class BasicPlanForm
{
    [Display(Name = "対象の記録")]
    public int? Id { get; set; }
    [Display(Name = "総合計画")]
    public int ComprehensivePlanId { get; set; }
    public string Name { get; set; } = "";
    [Display(Name = "開始年度")]
    public int StartYear { get; set; }
    [Display(Name = "終了年度")]
    public int EndYear { get; set; }
    [Display(Name = "版")]
    public int Version { get; set; }
}

public sealed class BasicPlanFormValidator : AbstractValidator<BasicPlanForm>
{
    public BasicPlanFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("計画期間の名称を入力してください（例: 前期基本計画）。")
            .MaximumLength(ModelLengths.Of<BasicPlan>(p => p.Name)).WithMessage("計画期間の名称は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.StartYear).InclusiveBetween(1989, 2100).WithMessage("開始年度を選んでください。");
        RuleFor(x => x.EndYear).GreaterThanOrEqualTo(x => x.StartYear).WithMessage("終了年度は開始年度以降にしてください。");
    }
}
