namespace Komaki.Management.Core.Staffing;

/// 定員: every staff member reads it; a division's head requests for their division and 人事担当 sets and assesses
/// (StaffingAccess; which fields each of them changes StaffingCommands decides). A division's lines not yet made are
/// asked about as a new line of the division.
public sealed class StaffingLineRule : IRecordRule<StaffingLine>
{
    public Task<string?> RefusalAsync(RuleAsker asker, StaffingLine record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => null,
        RecordOperation.Edit => StaffingAccess.IsPersonnel(asker.Actor) || StaffingAccess.IsDivisionHead(asker.Actor, record.OrgUnitId, asker.Org)
            ? null : "定員の要求を出せるのは、その課の所属長です（査定は人事担当）。",
        _ => RecordOperation.Unknown(operation),
    });
}
