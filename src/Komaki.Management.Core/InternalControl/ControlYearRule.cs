using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.InternalControl;

/// 内部統制の年度: its register and its report. Everyone the control pages admit reads the year's register (their own
/// division's risks), the audit committee only once the report is written; the 推進部局, the 評価部局 and the executives
/// see every division's; the 推進部局 runs the year (schedule, 督促, levels); the report is read by those who see all,
/// the audit committee and planning (ControlAccess). A year not yet scheduled is asked about as a new year.
public sealed class ControlYearRule(ControlPages pages) : IRecordRule<ControlYear>
{
    /// Seeing every division's register of the year.
    public const string ReadCity = nameof(ReadCity);

    /// Opening the register on the whole city: those who see every division's, and the audit committee, which has no
    /// division of its own, once the year's report is written.
    public const string OpenCity = nameof(OpenCity);

    /// The 推進部局's work on the year: its schedule, the 督促 of a 課, the wording of the levels.
    public const string Promote = nameof(Promote);

    /// The 評価部局's evaluation of the year's risks.
    public const string Evaluate = nameof(Evaluate);

    /// Reading the year's 評価報告書.
    public const string ReadReport = nameof(ReadReport);

    private const string RecordPrefix = "Record:";

    /// Recording a date of the year's cycle: 依頼・取りまとめ・報告書 the 推進部局, the review the audit committee, the
    /// council and publication planning (ControlYearSteps.Who; the order of the steps is the command's).
    public static string Record(ControlYearStep step) => RecordPrefix + step;

    public async Task<string?> RefusalAsync(RuleAsker asker, ControlYear record, string operation)
    {
        var actor = asker.Actor;
        return operation switch
        {
            RecordOperation.Read => ControlAccess.AuditorReads(actor, record.ReportedOn) || !actor.IsIn(Roles.Auditor)
                ? null : "監査委員は、評価報告書が作成された年度のリスク一覧を見られます（評価報告書から開いてください）。",
            ReadCity => ControlAccess.SeesAll(actor, await pages.PolicyAsync(), asker.Org) ? null : "市全体のリスク一覧を見られるのは、推進部局・評価部局・市長・副市長です。",
            OpenCity => ControlAccess.SeesAll(actor, await pages.PolicyAsync(), asker.Org) || ControlAccess.AuditorReads(actor, record.ReportedOn)
                ? null : "市全体のリスク一覧を見られるのは、推進部局・評価部局・市長・副市長と、評価報告書が作成された年度の監査委員です。",
            Promote => ControlAccess.IsPromotion(actor, await pages.PolicyAsync(), asker.Org) ? null : "日程・督促・発生可能性と影響度の定義を決めるのは推進部局です。",
            Evaluate => ControlAccess.IsEvaluation(actor, await pages.PolicyAsync(), asker.Org) ? null : "リスクの整備・運用状況を評価するのは評価部局です。",
            ReadReport => ControlAccess.CanReadReport(actor, await pages.PolicyAsync(), asker.Org)
                ? null : "評価報告書を読めるのは、推進部局・評価部局・市長・副市長・監査委員・企画課です。",
            _ when operation.StartsWith(RecordPrefix, StringComparison.Ordinal) && Enum.TryParse<ControlYearStep>(operation[RecordPrefix.Length..], out var step) && Enum.IsDefined(step)
                => ControlYearSteps.Who(step, actor, await pages.PolicyAsync(), asker.Org),
            _ => RecordOperation.Unknown(operation),
        };
    }
}
