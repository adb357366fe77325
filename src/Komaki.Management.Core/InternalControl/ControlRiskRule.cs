using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.InternalControl;

/// 内部統制のリスク: its division, the 推進部局 and 評価部局 of the current policy and the executives read it, and the
/// audit committee once the year's report is written (ControlAccess.CanRead); its division edits it while in draft
/// (ControlAccess.CheckEdit) and its head submits it (ControlAccess.CheckSubmit).
public sealed class ControlRiskRule(ControlPages pages) : IRecordRule<ControlRisk>
{
    /// The division head's submission of the risk.
    public const string Submit = nameof(Submit);

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
            _ => RecordOperation.Unknown(operation),
        };
    }
}
