using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Implementation;

/// 実施計画の版: every staff member reads an edition; planning starts the next one (PlanAccess.CanEditStructure). The
/// edition not yet made is asked about as a new edition of its year.
public sealed class ImplementationPlanRule : IRecordRule<ImplementationPlan>
{
    public Task<string?> RefusalAsync(RuleAsker asker, ImplementationPlan record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => null,
        RecordOperation.Edit => PlanAccess.CanEditStructure(asker.Actor) ? null : "実施計画の版を作れるのは企画課です。",
        _ => RecordOperation.Unknown(operation),
    });
}
