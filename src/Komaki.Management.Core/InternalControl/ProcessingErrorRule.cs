using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.InternalControl;

/// 事務処理ミス: its division, the 推進部局 and 評価部局 of the current policy, the executives and planning read it
/// (ControlAccess); the division's own staff report it (Edit); planning publishes it. An error not yet reported is
/// asked about as a new error of the division.
public sealed class ProcessingErrorRule(ControlPages pages) : IRecordRule<ProcessingError>
{
    /// Publishing the error on the citizens' site.
    public const string Publish = nameof(Publish);

    public async Task<string?> RefusalAsync(RuleAsker asker, ProcessingError record, string operation) => operation switch
    {
        RecordOperation.Read => ReadRefusal(asker.Actor, record, await pages.PolicyAsync(), asker.Org),
        RecordOperation.Edit => ControlAccess.IsOwnUnit(asker.Actor, record.OrgUnitId, asker.Org) ? null : "事務処理ミスを報告するのは、その課の職員です。",
        Publish => asker.Actor.IsIn(Roles.Planning) ? null : "公表は企画課が行います。",
        _ => RecordOperation.Unknown(operation),
    };

    /// Read for a list that decides every row at once (the year's errors), with the policy it read once.
    public static string? ReadRefusal(Actor actor, ProcessingError record, ControlPolicy? policy, OrgTree org) =>
        ControlAccess.SeesAll(actor, policy, org) || actor.IsIn(Roles.Planning) || ControlAccess.IsOwnUnit(actor, record.OrgUnitId, org)
            ? null : "この事務処理ミスは、その課の職員と推進部局・評価部局・市長・副市長、企画課が見られます。";
}
