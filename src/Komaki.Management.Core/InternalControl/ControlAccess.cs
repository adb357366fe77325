using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.InternalControl;

/// Who does what in the internal-control cycle. A division enters and corrects its own risks (its head submits them);
/// the 推進部局 asks, consolidates and writes the report; the 評価部局 evaluates; both see every division's register, as
/// do the mayor and deputy mayors (最高責任者). The audit committee (監査委員) reads the report and records its review;
/// planning records the council and publication. Everyone else sees their own division's risks only.
public static class ControlAccess
{
    public static bool IsPromotion(Actor actor, ControlPolicy? policy, OrgTree org) =>
        policy is not null && actor.UnitId is int mine && org.IsSameOrUnder(mine, policy.PromotionUnitId) && IsUnitStaff(actor);

    public static bool IsEvaluation(Actor actor, ControlPolicy? policy, OrgTree org) =>
        policy is not null && actor.UnitId is int mine && org.IsSameOrUnder(mine, policy.EvaluationUnitId) && IsUnitStaff(actor);

    public static bool SeesAll(Actor actor, ControlPolicy? policy, OrgTree org) =>
        actor.IsIn(Roles.Executive) || IsPromotion(actor, policy, org) || IsEvaluation(actor, policy, org);

    public static bool IsOwnUnit(Actor actor, int unitId, OrgTree org) =>
        IsUnitStaff(actor) && actor.UnitId is int mine && org.IsSameOrUnder(unitId, mine);

    /// The audit committee reads (never edits) the register behind a report once the report is written.
    public static bool CanRead(Actor actor, ControlRisk risk, ControlPolicy? policy, OrgTree org, DateOnly? reportedOn = null) =>
        SeesAll(actor, policy, org) || IsOwnUnit(actor, risk.OrgUnitId, org) || AuditorReads(actor, reportedOn);

    public static bool AuditorReads(Actor actor, DateOnly? reportedOn) => actor.IsIn(Roles.Auditor) && reportedOn is not null;

    /// The 評価部局 confirms a division's correction, or sends it back (not on its own division's).
    public static string? CheckConfirmCorrection(Actor actor, ControlRisk risk, ControlDeficiency deficiency, ControlPolicy? policy, OrgTree org) =>
        !IsEvaluator(actor, risk, policy, org) ? "是正を確認するのは評価部局です。"
        : IsOwnDivision(actor, risk.OrgUnitId, org) ? "自分の所属の是正は、評価部局の別の所属の職員が確認します。"
        : deficiency.CorrectedOn is null ? "所属が是正を記録した後に確認します。"
        : deficiency.CorrectionConfirmedOn is not null ? "この是正は確認済です。"
        : null;

    /// The whole register of a 課 is submitted at once, by its head.
    public static string? CheckSubmitRegister(Actor actor, int unitId, OrgTree org) =>
        !(actor.IsIn(Roles.DepartmentHead) && IsOwnUnit(actor, unitId, org)) ? "登録簿を提出するのは、その課の所属長です。" : null;

    /// The report and its counts: those who see all, the audit committee and planning.
    public static bool CanReadReport(Actor actor, ControlPolicy? policy, OrgTree org) =>
        SeesAll(actor, policy, org) || actor.IsIn(Roles.Auditor) || actor.IsIn(Roles.Planning);

    public static string? CheckEdit(Actor actor, ControlRisk risk, OrgTree org) =>
        !IsOwnUnit(actor, risk.OrgUnitId, org) ? "リスクを記入するのは、その課の職員です。"
        : risk.State != RiskState.Draft ? $"このリスクは「{risk.State.Label()}」のため変更できません。"
        : null;

    public static string? CheckSubmit(Actor actor, ControlRisk risk, OrgTree org) =>
        !(actor.IsIn(Roles.DepartmentHead) && IsOwnUnit(actor, risk.OrgUnitId, org)) ? "提出するのは、その課の所属長です。"
        : risk.State != RiskState.Draft ? $"このリスクは「{risk.State.Label()}」です。"
        : null;

    public static string? CheckEvaluate(Actor actor, ControlRisk risk, ControlPolicy? policy, ControlYear? year, OrgTree org) =>
        !IsEvaluator(actor, risk, policy, org) ? "整備・運用状況を評価するのは評価部局です。"
        : IsOwnDivision(actor, risk.OrgUnitId, org) ? "自分の所属のリスクは、評価部局の別の所属の職員が評価します（評価部局自身のリスクは推進部局が評価します）。"
        : risk.State == RiskState.Draft ? "所属が提出した後に評価します。"
        : year?.ReportedOn is not null ? "評価報告書を作成した年度の評価は変更できません。"
        : null;

    public static string? CheckCorrect(Actor actor, ControlRisk risk, ControlDeficiency deficiency, OrgTree org) =>
        !(actor.IsIn(Roles.DepartmentHead) && IsOwnUnit(actor, risk.OrgUnitId, org)) ? "是正を記録するのは、その課の所属長です。"
        : deficiency.CorrectedOn is not null ? "この不備は是正済です。"
        : null;

    /// The 評価部局 evaluates every division's risks but its own; the 評価部局's own risks are evaluated by the 推進部局.
    private static bool IsEvaluator(Actor actor, ControlRisk risk, ControlPolicy? policy, OrgTree org) =>
        IsEvaluation(actor, policy, org)
        || policy is not null && IsPromotion(actor, policy, org) && org.IsSameOrUnder(risk.OrgUnitId, policy.EvaluationUnitId);

    /// Separation of duties: the risk belongs to the actor's own unit, or a unit above or below it.
    public static bool IsOwnDivision(Actor actor, int unitId, OrgTree org) =>
        actor.UnitId is int mine && (org.IsSameOrUnder(unitId, mine) || org.IsSameOrUnder(mine, unitId));

    private static bool IsUnitStaff(Actor actor) =>
        actor.IsIn(Roles.DepartmentHead) || actor.IsIn(Roles.DepartmentStaff) || actor.IsIn(Roles.Planning) || actor.IsIn(Roles.Personnel);
}

/// A step of the year's cycle and who records it.
public enum ControlYearStep
{
    Request = 1,
    Consolidate = 2,
    Report = 3,
    AuditReview = 4,
    Council = 5,
    Publish = 6,
}

public static class ControlYearSteps
{
    public static string Label(ControlYearStep step) => step switch
    {
        ControlYearStep.Request => "各課への依頼",
        ControlYearStep.Consolidate => "取りまとめ",
        ControlYearStep.Report => "評価報告書の作成",
        ControlYearStep.AuditReview => "監査委員の審査",
        ControlYearStep.Council => "議会への提出",
        _ => "公表",
    };

    /// Who records the step: null when the person may.
    public static string? Who(ControlYearStep step, Actor actor, ControlPolicy? policy, OrgTree org) => step switch
    {
        ControlYearStep.Request or ControlYearStep.Consolidate or ControlYearStep.Report when !ControlAccess.IsPromotion(actor, policy, org) => "依頼・取りまとめ・報告書の作成は推進部局が行います。",
        ControlYearStep.AuditReview when !actor.IsIn(Roles.Auditor) => "審査の記録は監査委員が行います。",
        ControlYearStep.Council or ControlYearStep.Publish when !actor.IsIn(Roles.Planning) => "議会への提出と公表の記録は企画課が行います。",
        _ => null,
    };

    /// The day the step was recorded, or null while it is not.
    public static DateOnly? RecordedOn(ControlYearStep step, ControlYear year) => step switch
    {
        ControlYearStep.Request => year.RequestedOn,
        ControlYearStep.Consolidate => year.ConsolidatedOn,
        ControlYearStep.Report => year.ReportedOn,
        ControlYearStep.AuditReview => year.AuditReviewedOn,
        ControlYearStep.Council => year.CouncilOn,
        _ => year.PublishedOn,
    };

    /// A step is recorded once: what the council received and the city published stays as it was.
    public static string? Recorded(ControlYearStep step, ControlYear year) =>
        RecordedOn(step, year) is DateOnly on ? $"{Label(step)}は記録済です（{Wareki.Date(on)}）。記録した日付・意見・報告書は変えられません。" : null;

    /// The day of a step: not before the year before the fiscal year (the request comes before it begins), not
    /// before the step before it, and not in the future. Null when the day may be recorded.
    public static string? DayRefusal(ControlYearStep step, ControlYear year, DateOnly day, DateOnly today)
    {
        var earliest = new DateOnly(year.FiscalYear - 1, 4, 1);
        if (day < earliest) return $"{Label(step)}の日は{Wareki.Date(earliest)}以降の日付を入力してください。";
        if (day > today) return "先の日付は入れられません（行った後に記録します）。";
        var before = Enum.GetValues<ControlYearStep>().Where(s => s < step).Select(s => (Step: s, On: RecordedOn(s, year))).LastOrDefault(s => s.On is not null);
        return before.On is DateOnly previous && day < previous
            ? $"{Label(step)}の日は、{Label(before.Step)}の日（{Wareki.Date(previous)}）以降の日付を入力してください。" : null;
    }

    /// The order of the steps: null when the step may be recorded now.
    public static string? Order(ControlYearStep step, ControlYear year) => Recorded(step, year) ?? step switch
    {
        ControlYearStep.Consolidate when year.RequestedOn is null => "各課に依頼した後に取りまとめます。",
        ControlYearStep.Report when year.ConsolidatedOn is null => "取りまとめの後に報告書を作成します。",
        ControlYearStep.AuditReview when year.ReportedOn is null => "報告書の作成後に審査します。",
        ControlYearStep.Council when year.AuditReviewedOn is null => "監査委員の審査の後に議会へ提出します。",
        ControlYearStep.Publish when year.CouncilOn is null => "議会への提出の後に公表します。",
        _ => null,
    };

    /// What recording the step fixes, as its confirmation page says it.
    public static IReadOnlyList<string> Consequences(ControlYearStep step, ControlYear year) => step switch
    {
        ControlYearStep.Request => ["各課にリスクの洗い出しと登録簿の記入を依頼した日を記録します。", $"各課の対応待ちに、記入期限（{Wareki.Date(year.EntryDue)}）までの登録簿の記入が出ます。"],
        ControlYearStep.Consolidate => ["各課から提出されたリスク登録簿を取りまとめた日を記録します。", "各課の対応待ちから登録簿の記入が外れ、提出されていないリスクはそのまま残ります。",
            $"評価部局が、評価期限（{Wareki.Date(year.EvaluationDue)}）までに整備・運用状況を評価します。"],
        ControlYearStep.Report => ["評価報告書を作成した日を記録し、報告書の数値をこの日の内容で確定します（後からリスクが変わっても、確定した報告書は変わりません）。",
            "この年度の評価は変更できなくなります。", "監査委員がこの年度の報告書を審査できるようになります。"],
        ControlYearStep.AuditReview => ["監査委員の審査の日と意見を記録します。", "意見は評価報告書に載ります。"],
        ControlYearStep.Council => ["評価報告書を議会に提出した日を記録します。", year.ReportSnapshot is null ? "報告書の数値をこの日の内容で確定します。" : "議会に提出するのは、作成の日に確定した報告書です。"],
        _ => ["評価報告書を公表した日を記録します。", year.ReportSnapshot is null ? "報告書の数値をこの日の内容で確定します。" : "公表するのは、作成の日に確定した報告書です。"],
    };

    /// The next step of the year and whether this person records it.
    public static ControlYearStep? Next(ControlYear year) =>
        year.RequestedOn is null ? ControlYearStep.Request : year.ConsolidatedOn is null ? ControlYearStep.Consolidate : year.ReportedOn is null ? ControlYearStep.Report
        : year.AuditReviewedOn is null ? ControlYearStep.AuditReview : year.CouncilOn is null ? ControlYearStep.Council : year.PublishedOn is null ? ControlYearStep.Publish : null;
}
