using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.InternalControl;

/// 内部統制のリスク: its division, the 推進部局 and 評価部局 of the current policy and the executives read it, and the
/// audit committee once the year's report is written (ControlAccess.CanRead); its division edits it while in draft
/// (ControlAccess.CheckEdit) and its head submits it (ControlAccess.CheckSubmit), or the division's whole register at
/// once (asked about as a new risk of the division); the 評価部局 evaluates it (ControlAccess.CheckEvaluate). A risk not
/// yet entered is asked about as a new risk of its division.
public sealed class ControlRiskRule(ControlPages pages) : IRecordRule<ControlRisk>
{
    /// The division head's submission of the risk.
    public const string Submit = nameof(Submit);

    /// The division head's submission of the division's whole register of the year.
    public const string SubmitRegister = nameof(SubmitRegister);

    /// The 評価部局's evaluation of how the risk's controls are set up and run.
    public const string Evaluate = nameof(Evaluate);

    public async Task<string?> RefusalAsync(RuleAsker asker, ControlRisk record, string operation)
    {
        var actor = asker.Actor;
        return operation switch
        {
            RecordOperation.Read => ControlAccess.CanRead(actor, record, await pages.PolicyAsync(), asker.Org,
                    actor.IsIn(Roles.Auditor) ? (await pages.YearAsync(record.FiscalYear))?.ReportedOn : null)
                ? null : "このリスクは、その課の職員と推進部局・評価部局・市長・副市長が見られます。",
            RecordOperation.Edit => ControlAccess.CheckEdit(actor, record, asker.Org),
            Submit => ControlAccess.CheckSubmit(actor, record, asker.Org),
            SubmitRegister => ControlAccess.CheckSubmitRegister(actor, record.OrgUnitId, asker.Org),
            Evaluate => ControlAccess.CheckEvaluate(actor, record, await pages.PolicyAsync(), await pages.YearAsync(record.FiscalYear), asker.Org),
            _ => RecordOperation.Unknown(operation),
        };
    }

    /// Recording the correction of one of the risk's deficiencies, for the risk's page that decides every deficiency
    /// at once (and the step on one of them).
    public static string? CorrectRefusal(Actor actor, ControlRisk risk, ControlDeficiency deficiency, OrgTree org) =>
        ControlAccess.CheckCorrect(actor, risk, deficiency, org);

    /// The 評価部局's confirmation of a deficiency's correction, decided like CorrectRefusal with the policy read once.
    public static string? ConfirmCorrectionRefusal(Actor actor, ControlRisk risk, ControlDeficiency deficiency, ControlPolicy? policy, OrgTree org) =>
        ControlAccess.CheckConfirmCorrection(actor, risk, deficiency, policy, org);
}
