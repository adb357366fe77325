using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.InternalControl;

/// 内部統制の基本方針: a new edition is adopted by the 推進部局 the edition in force names, or an administrator; the
/// first (asked about as a new policy, none in force) by planning or an administrator. Every staff member reads it.
public sealed class ControlPolicyRule : IRecordRule<ControlPolicy>
{
    public Task<string?> RefusalAsync(RuleAsker asker, ControlPolicy record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => null,
        RecordOperation.Edit => EditRefusal(asker, record),
        _ => RecordOperation.Unknown(operation),
    });

    private static string? EditRefusal(RuleAsker asker, ControlPolicy inForce) =>
        asker.Actor.IsIn(Roles.Administrator) || (inForce.Id == 0 ? asker.Actor.IsIn(Roles.Planning) : ControlAccess.IsPromotion(asker.Actor, inForce, asker.Org))
            ? null : "方針を改めるのは推進部局です（最初の方針は企画課または管理者）。";
}
