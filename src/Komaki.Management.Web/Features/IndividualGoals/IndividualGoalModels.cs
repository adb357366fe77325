using Komaki.Management.Core.Goals;

namespace Komaki.Management.Web.Features.IndividualGoals;

public sealed record PersonGoals(AppUser Person, string Unit, IReadOnlyList<IndividualGoal> Goals, bool IsMe);

public sealed record IndividualIndexModel(int Year, PersonGoals Mine, IReadOnlyList<(AppUser User, string Unit, int Count)> Team);

public sealed class IndividualGoalForm
{
    public int Version { get; set; }
    public int FiscalYear { get; set; }
    public int? OrganizationalGoalId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Target { get; set; }
    public string? Result { get; set; }
}

public sealed record IndividualFormModel(int? Id, IndividualGoalForm Form, IReadOnlyList<SelectListItem> UnitGoals);

/// Whether the linked unit goal is one of the person's own units is the controller's to check against the options.
public sealed class IndividualGoalFormValidator : AbstractValidator<IndividualGoalForm>
{
    public IndividualGoalFormValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("目標を入力してください。")
            .MaximumLength(ModelLengths.Of<IndividualGoal>(g => g.Title)).WithMessage("目標は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Description).MaximumLength(ModelLengths.Of<IndividualGoal>(g => g.Description)).WithMessage("内容は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Target).MaximumLength(ModelLengths.Of<IndividualGoal>(g => g.Target)).WithMessage("達成基準は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Result).MaximumLength(ModelLengths.Of<IndividualGoal>(g => g.Result)).WithMessage("結果は{MaxLength}文字以内で入力してください。");
    }
}
