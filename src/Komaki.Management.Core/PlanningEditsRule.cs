namespace Komaki.Management.Core;

/// A record kind every staff member reads and planning (企画課, and administrators) alone changes: a register the
/// planning division keeps for the city. Only the refusal's wording is the kind's own.
public abstract class PlanningEditsRule<T>(string editRefusal) : IRecordRule<T> where T : class
{
    public Task<string?> RefusalAsync(RuleAsker asker, T record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => null,
        RecordOperation.Edit => asker.Actor.IsPlanMasterEditor ? null : editRefusal,
        _ => RecordOperation.Unknown(operation),
    });
}
