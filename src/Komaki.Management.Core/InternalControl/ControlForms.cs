using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.InternalControl;

public sealed class RiskForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "課")]
    public int OrgUnitId { get; set; }
    [Display(Name = "対象事務区分")]
    public ControlArea? Area { get; set; }
    public string? Process { get; set; }
    public string? Description { get; set; }
    [Display(Name = "分類")]
    public RiskScope? Scope { get; set; }
    public string? Cause { get; set; }
    public string? ExistingControl { get; set; }
    [Display(Name = "発生可能性")]
    public int? Likelihood { get; set; }
    [Display(Name = "影響度")]
    public int? Impact { get; set; }
    [Display(Name = "対応方針")]
    public RiskResponse? Response { get; set; }
    public string? Measures { get; set; }
    public string? Owner { get; set; }
    [Display(Name = "期限")]
    public DateOnly? DueOn { get; set; }
    public string? ProjectCodes { get; set; }
    public string? MeasureCodes { get; set; }
    public List<int> GoalIds { get; set; } = [];
}

public sealed class RiskFormValidator : AbstractValidator<RiskForm>
{
    public RiskFormValidator()
    {
        RuleFor(x => x.DueOn).SensibleDate();
        RuleFor(x => x.Area).NotNull().WithMessage("対象事務区分を選んでください。").IsInEnum().WithMessage("対象事務区分を選んでください。");
        RuleFor(x => x.Scope).NotNull().WithMessage("分類（全庁共通・所属固有）を選んでください。").IsInEnum().WithMessage("分類を選んでください。");
        RuleFor(x => x.Response).NotNull().WithMessage("対応方針を選んでください。").IsInEnum().WithMessage("対応方針を選んでください。");
        RuleFor(x => x.Process).NotEmpty().WithMessage("業務・手順を入力してください。").MaximumLength(ModelLengths.Of<ControlRisk>(r => r.Process)).WithMessage("業務・手順は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Description).NotEmpty().WithMessage("リスクの内容を入力してください。").MaximumLength(ModelLengths.Of<ControlRisk>(r => r.Description)).WithMessage("リスクの内容は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Cause).NotEmpty().WithMessage("発生原因を入力してください。").MaximumLength(ModelLengths.Of<ControlRisk>(r => r.Cause)).WithMessage("発生原因は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.ExistingControl).MaximumLength(ModelLengths.Of<ControlRisk>(r => r.ExistingControl)).WithMessage("既存の統制は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Likelihood).NotNull().WithMessage("発生可能性（1〜3）を選んでください。").InclusiveBetween(1, 3).WithMessage("発生可能性は1〜3で選んでください。");
        RuleFor(x => x.Impact).NotNull().WithMessage("影響度（1〜3）を選んでください。").InclusiveBetween(1, 3).WithMessage("影響度は1〜3で選んでください。");
        RuleFor(x => x.Measures).NotEmpty().When(x => x.Response is not RiskResponse.Accept).WithMessage("対応策を入力してください（受容するときは不要です）。")
            .MaximumLength(ModelLengths.Of<ControlRisk>(r => r.Measures)).WithMessage("対応策は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Owner).NotEmpty().WithMessage("責任者を入力してください。").MaximumLength(ModelLengths.Of<ControlRisk>(r => r.Owner)).WithMessage("責任者は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.DueOn).NotNull().When(x => x.Response is not RiskResponse.Accept).WithMessage("対応策の期限を入力してください。");
    }
}

/// The 評価部局's evaluation of one risk's control, and the deficiency it found (required when a rating is 不備あり).
public sealed class RiskEvaluationForm
{
    /// The form as the risk's page opens it: its current ratings and evidence, so posting it back changes nothing.
    public static RiskEvaluationForm Of(ControlRisk risk) => new()
    {
        Version = risk.Version, DesignRating = risk.DesignRating, DesignEvidence = risk.DesignEvidence, OperationRating = risk.OperationRating, OperationEvidence = risk.OperationEvidence,
    };

    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "整備状況")]
    public ControlRating? DesignRating { get; set; }
    public string? DesignEvidence { get; set; }
    [Display(Name = "運用状況")]
    public ControlRating? OperationRating { get; set; }
    public string? OperationEvidence { get; set; }
    [Display(Name = "不備の種類")]
    public DeficiencyKind? DeficiencyKind { get; set; }
    public string? DeficiencyDescription { get; set; }
    public string? CorrectiveAction { get; set; }
    [Display(Name = "是正の期限")]
    public DateOnly? DeficiencyDue { get; set; }
}

public sealed class RiskEvaluationFormValidator : AbstractValidator<RiskEvaluationForm>
{
    public RiskEvaluationFormValidator()
    {
        RuleFor(x => x.DeficiencyDue).SensibleDate();
        RuleFor(x => x.DesignRating).NotNull().WithMessage("整備状況の評価を選んでください。").IsInEnum();
        RuleFor(x => x.OperationRating).NotNull().WithMessage("運用状況の評価を選んでください。").IsInEnum();
        RuleFor(x => x.DesignEvidence).NotEmpty().WithMessage("整備状況の根拠（確かめた資料・手順）を入力してください。")
            .MaximumLength(ModelLengths.Of<ControlRisk>(r => r.DesignEvidence)).WithMessage("整備状況の根拠は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
        RuleFor(x => x.OperationEvidence).NotEmpty().WithMessage("運用状況の根拠（確かめた記録・件数）を入力してください。")
            .MaximumLength(ModelLengths.Of<ControlRisk>(r => r.OperationEvidence)).WithMessage("運用状況の根拠は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
        When(x => x.DesignRating == ControlRating.Deficient || x.OperationRating == ControlRating.Deficient, () =>
        {
            RuleFor(x => x.DeficiencyKind).NotNull().WithMessage("不備の種類を選んでください。").IsInEnum();
            RuleFor(x => x.DeficiencyDescription).NotEmpty().WithMessage("不備の内容を入力してください。")
                .MaximumLength(ModelLengths.Of<ControlDeficiency>(d => d.Description)).WithMessage("不備の内容は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
            RuleFor(x => x.CorrectiveAction).NotEmpty().WithMessage("是正措置を入力してください。")
                .MaximumLength(ModelLengths.Of<ControlDeficiency>(d => d.CorrectiveAction)).WithMessage("是正措置は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
            RuleFor(x => x.DeficiencyDue).NotNull().WithMessage("是正の期限を入力してください。");
        });
    }
}

public sealed class ProcessingErrorForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "課")]
    public int OrgUnitId { get; set; }
    [Display(Name = "発生日")]
    public DateOnly? OccurredOn { get; set; }
    public string? Title { get; set; }
    public string? WhatHappened { get; set; }
    public string? Cause { get; set; }
    [Display(Name = "影響度")]
    public string? Impact { get; set; }
    public string? Correction { get; set; }
    public string? Prevention { get; set; }
    [Display(Name = "関係するリスク")]
    public int? ControlRiskId { get; set; }
}

public sealed class ProcessingErrorFormValidator : AbstractValidator<ProcessingErrorForm>
{
    public ProcessingErrorFormValidator()
    {
        RuleFor(x => x.OccurredOn).SensibleDate();
        RuleFor(x => x.OccurredOn).NotNull().WithMessage("発生日を入力してください。");
        RuleFor(x => x.Title).NotEmpty().WithMessage("件名を入力してください。").MaximumLength(ModelLengths.Of<ProcessingError>(e => e.Title)).WithMessage("件名は{MaxLength}文字以内で入力してください。");
        foreach (var (field, column, label) in new (System.Linq.Expressions.Expression<Func<ProcessingErrorForm, string?>>, System.Linq.Expressions.Expression<Func<ProcessingError, string?>>, string)[]
            {
                (x => x.WhatHappened, e => e.WhatHappened, "事案の内容"), (x => x.Cause, e => e.Cause, "発生原因"), (x => x.Impact, e => e.Impact, "影響"),
                (x => x.Correction, e => e.Correction, "対応（是正）"), (x => x.Prevention, e => e.Prevention, "再発防止策"),
            })
            RuleFor(field).NotEmpty().WithMessage($"{label}を入力してください。").MaximumLength(ModelLengths.Of(column)).WithMessage($"{label}は{{MaxLength}}文字以内で入力してください。");
    }
}

/// A new edition of the basic policy, with the bodies it names.
public sealed class ControlPolicyForm
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    [Display(Name = "策定日")]
    public DateOnly? AdoptedOn { get; set; }
    public string? ChiefName { get; set; }
    public string? ResponsibleName { get; set; }
    [Display(Name = "推進部局")]
    public int PromotionUnitId { get; set; }
    [Display(Name = "評価部局")]
    public int EvaluationUnitId { get; set; }
}

public sealed class ControlPolicyFormValidator : AbstractValidator<ControlPolicyForm>
{
    public ControlPolicyFormValidator()
    {
        RuleFor(x => x.AdoptedOn).SensibleDate();
        RuleFor(x => x.Title).NotEmpty().WithMessage("方針の名称を入力してください。").MaximumLength(ModelLengths.Of<ControlPolicy>(p => p.Title)).WithMessage("名称は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.Text).NotEmpty().WithMessage("方針の本文を入力してください。").MaximumLength(ModelLengths.Of<ControlPolicy>(p => p.Text)).WithMessage("本文は{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.AdoptedOn).NotNull().WithMessage("策定日を入力してください。");
        RuleFor(x => x.ChiefName).NotEmpty().WithMessage("最高責任者（市長）の氏名を入力してください。").MaximumLength(ModelLengths.Of<ControlPolicy>(p => p.ChiefName)).WithMessage("{MaxLength}文字以内で入力してください。");
        RuleFor(x => x.ResponsibleName).NotEmpty().WithMessage("総括責任者を入力してください。").MaximumLength(ModelLengths.Of<ControlPolicy>(p => p.ResponsibleName)).WithMessage("{MaxLength}文字以内で入力してください。");
    }
}


/// The wording of the levels of 発生可能性 and 影響度 for a year, as the 推進部局 edits it.
public sealed class RiskLevelsForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    public string? Likelihood1 { get; set; }
    public string? Likelihood2 { get; set; }
    public string? Likelihood3 { get; set; }
    public string? Impact1 { get; set; }
    public string? Impact2 { get; set; }
    public string? Impact3 { get; set; }
}

/// Every level is worded, within the column (the standard wording is offered on the form).
public sealed class RiskLevelsFormValidator : AbstractValidator<RiskLevelsForm>
{
    public RiskLevelsFormValidator()
    {
        Level(x => x.Likelihood1, y => y.Likelihood1, "発生可能性1");
        Level(x => x.Likelihood2, y => y.Likelihood2, "発生可能性2");
        Level(x => x.Likelihood3, y => y.Likelihood3, "発生可能性3");
        Level(x => x.Impact1, y => y.Impact1, "影響度1");
        Level(x => x.Impact2, y => y.Impact2, "影響度2");
        Level(x => x.Impact3, y => y.Impact3, "影響度3");
    }

    private void Level(System.Linq.Expressions.Expression<Func<RiskLevelsForm, string?>> field, System.Linq.Expressions.Expression<Func<ControlYear, string?>> column, string label) =>
        RuleFor(field).NotEmpty().WithMessage($"{label}の定義を入力してください。")
            .MaximumLength(ModelLengths.Of(column)).WithMessage($"{label}の定義は{{MaxLength}}文字以内にしてください（いま{{TotalLength}}文字）。");
}

/// What each level 1〜3 of 発生可能性 and 影響度 means in a year: the city's wording, or the standard one where the city
/// has not worded a level. Index 0 is level 1.
public sealed record RiskLevels(IReadOnlyList<string> Likelihood, IReadOnlyList<string> Impact)
{
    public static readonly IReadOnlyList<string> StandardLikelihood = ["ほとんど起こらない", "数年に一度程度起こりうる", "年に数回以上起こりうる"];
    public static readonly IReadOnlyList<string> StandardImpact = ["軽微な影響にとどまる", "市民生活・財政の一部に影響する", "市民生活・財政に重大な影響を及ぼす"];

    public static RiskLevels Of(ControlYear? year) => new(
        [year?.Likelihood1 ?? StandardLikelihood[0], year?.Likelihood2 ?? StandardLikelihood[1], year?.Likelihood3 ?? StandardLikelihood[2]],
        [year?.Impact1 ?? StandardImpact[0], year?.Impact2 ?? StandardImpact[1], year?.Impact3 ?? StandardImpact[2]]);

    public RiskLevelsForm ToForm(int version) => new()
    {
        Version = version,
        Likelihood1 = Likelihood[0], Likelihood2 = Likelihood[1], Likelihood3 = Likelihood[2],
        Impact1 = Impact[0], Impact2 = Impact[1], Impact3 = Impact[2],
    };
}

/// A division records how it corrected a deficiency. A day after today is the command's to refuse (it knows today).
public sealed class CorrectionForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "是正した日")]
    public DateOnly? CorrectedOn { get; set; }
    public string? CorrectionNote { get; set; }
}

public sealed class CorrectionFormValidator : AbstractValidator<CorrectionForm>
{
    public CorrectionFormValidator()
    {
        RuleFor(x => x.CorrectedOn).SensibleDate();
        RuleFor(x => x.CorrectedOn).NotNull().WithMessage("是正した日を入力してください。");
        RuleFor(x => x.CorrectionNote).NotEmpty().WithMessage("是正の内容（何をどう直したか）を入力してください。")
            .MaximumLength(ModelLengths.Of<ControlDeficiency>(d => d.CorrectionNote)).WithMessage("是正の内容は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
    }
}

/// The 評価部局 confirms a correction, or sends it back (Reopen) with the reason.
public sealed class CorrectionReviewForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "差し戻す")]
    public bool Reopen { get; set; }
    public string? ReopenNote { get; set; }
}

public sealed class CorrectionReviewFormValidator : AbstractValidator<CorrectionReviewForm>
{
    /// The column keeps the reason after the day and the reviewer's name.
    public static readonly int NoteLength = ModelLengths.Of<ControlDeficiency>(d => d.ReopenNote) - 200;

    public CorrectionReviewFormValidator()
    {
        RuleFor(x => x.ReopenNote).NotEmpty().When(x => x.Reopen).WithMessage("差し戻す理由（是正として足りない点）を入力してください。")
            .MaximumLength(NoteLength).WithMessage("差し戻す理由は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
    }
}

/// 督促 of a 課 by the 推進部局; without a message the standard wording is sent.
public sealed class ChaseForm
{
    [Display(Name = "課")]
    public int UnitId { get; set; }
    public string? Message { get; set; }
}

public sealed class ChaseFormValidator : AbstractValidator<ChaseForm>
{
    public ChaseFormValidator() =>
        RuleFor(x => x.Message).MaximumLength(ModelLengths.Of<ControlChase>(c => c.Message)).WithMessage("督促の文面は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
}

/// The year's due dates, set by the 推進部局.
public sealed class ControlScheduleForm
{
    [Display(Name = "各課の記入期限")]
    public DateOnly? EntryDue { get; set; }
    [Display(Name = "評価の期限")]
    public DateOnly? EvaluationDue { get; set; }
}

public sealed class ControlScheduleFormValidator : AbstractValidator<ControlScheduleForm>
{
    public ControlScheduleFormValidator()
    {
        RuleFor(x => x.EntryDue).SensibleDate();
        RuleFor(x => x.EvaluationDue).SensibleDate();
        RuleFor(x => x.EntryDue).NotNull().WithMessage("各課の記入期限を入力してください。");
        RuleFor(x => x.EvaluationDue).NotNull().WithMessage("評価の期限を入力してください。")
            .GreaterThanOrEqualTo(x => x.EntryDue).When(x => x.EntryDue is not null).WithMessage("評価の期限は記入期限より後にしてください。");
    }
}

/// A date of the year's cycle on its confirmation page: the day, the audit committee's opinion (its review only) and,
/// when something is not done yet, the reason to go on. Whether an opinion or a reason is needed is the command's.
public sealed class ControlStepForm
{
    [Display(Name = "日付")]
    public DateOnly? On { get; set; }
    public string? Opinion { get; set; }
    public string? Reason { get; set; }
}

public sealed class ControlStepFormValidator : AbstractValidator<ControlStepForm>
{
    /// The reason is kept in the frozen report and in the year's notes, both beside other text; this is its share.
    public const int ReasonLength = 2000;

    public ControlStepFormValidator()
    {
        RuleFor(x => x.On).SensibleDate();
        RuleFor(x => x.On).NotNull().WithMessage("日付を入力してください。");
        RuleFor(x => x.Opinion).MaximumLength(ModelLengths.Of<ControlYear>(y => y.AuditOpinion)).WithMessage("意見は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
        RuleFor(x => x.Reason).MaximumLength(ReasonLength).WithMessage("理由は{MaxLength}文字以内で入力してください（いま{TotalLength}文字）。");
    }
}
