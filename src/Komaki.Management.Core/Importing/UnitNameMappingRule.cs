namespace Komaki.Management.Core.Importing;

/// 部課名の対応 (which unit a 部課名 of another system names): every staff member reads it; planning and administrators
/// add one (answering an import's question) and remove one.
public sealed class UnitNameMappingRule : IRecordRule<UnitNameMapping>
{
    public Task<string?> RefusalAsync(RuleAsker asker, UnitNameMapping record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => null,
        RecordOperation.Edit => asker.Actor.IsPlanMasterEditor ? null : "部課名の対応を変えられるのは企画課です。",
        _ => RecordOperation.Unknown(operation),
    });
}
