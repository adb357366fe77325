using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Organization;

/// A unit as its form edits it (administrators only).
public sealed class OrgUnitForm
{
    [Display(Name = "対象の記録")]
    public int? Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    [Display(Name = "区分")]
    public OrgUnitLevel Level { get; set; } = OrgUnitLevel.Division;
    [Display(Name = "上位組織")]
    public int? ParentId { get; set; }
    [Display(Name = "有効開始年度")]
    public int ValidFromYear { get; set; }
    [Display(Name = "有効終了年度")]
    public int? ValidToYear { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }
    [Display(Name = "版")]
    public int Version { get; set; }
}

public sealed class OrgUnitFormValidator : AbstractValidator<OrgUnitForm>
{
    public OrgUnitFormValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("組織コードを入力してください。").MaximumLength(ModelLengths.Of<OrgUnit>(u => u.Code)).WithMessage("組織コードは{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Name).NotEmpty().WithMessage("組織名を入力してください。").MaximumLength(ModelLengths.Of<OrgUnit>(u => u.Name)).WithMessage("組織名は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Level).IsInEnum().WithMessage("区分を選んでください。");
        RuleFor(x => x.ParentId).NotNull().When(x => x.Level != OrgUnitLevel.Department).WithMessage("課・係には上位の組織を選んでください。");
        RuleFor(x => x.ParentId).Null().When(x => x.Level == OrgUnitLevel.Department).WithMessage("部には上位の組織を指定できません。");
        RuleFor(x => x.ValidFromYear).InclusiveBetween(1989, 2100).WithMessage("有効開始年度を選んでください。");
        RuleFor(x => x.ValidToYear).GreaterThanOrEqualTo(x => x.ValidFromYear).When(x => x.ValidToYear is not null)
            .WithMessage("有効終了年度は開始年度以降にしてください。");
    }
}
