namespace Komaki.Management.Core.CitizenVoice;

/// 市民の声: every staff member reads it; planning records, answers and publishes it.
public sealed class CitizenInputRule : IRecordRule<CitizenInput>
{
    public Task<string?> RefusalAsync(RuleAsker asker, CitizenInput record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => null,
        RecordOperation.Edit => asker.Actor.IsPlanMasterEditor ? null : "市民の声を登録・回答・公開できるのは企画課です。",
        _ => RecordOperation.Unknown(operation),
    });
}
