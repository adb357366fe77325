using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Staffing;

/// 定員: every staff member reads it; a division's head requests for their division and 人事担当 sets and assesses
/// (StaffingAccess; which fields each of them changes StaffingCommands decides). A division's lines not yet made are
/// asked about as a new line of the division.
public sealed class StaffingLineRule : IRecordRule<StaffingLine>
{
    /// 要求: the division head's request for the next year, with the reason.
    public const string Request = nameof(Request);

    /// 査定: 人事担当's figures and assessment — never of the division the officer heads (separation of duties).
    public const string Assess = nameof(Assess);

    public Task<string?> RefusalAsync(RuleAsker asker, StaffingLine record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => null,
        RecordOperation.Edit => EditRefusal(asker.Actor, record.OrgUnitId, asker.Org),
        Request => StaffingAccess.IsDivisionHead(asker.Actor, record.OrgUnitId, asker.Org) ? null : "定員の要求を出せるのは、その課の所属長です。",
        Assess => AssessRefusal(asker.Actor, record.OrgUnitId, asker.Org),
        _ => RecordOperation.Unknown(operation),
    });

    /// Edit of a division's lines, for a list that decides every division at once.
    public static string? EditRefusal(Actor actor, int unitId, OrgTree org) =>
        StaffingAccess.IsPersonnel(actor) || StaffingAccess.IsDivisionHead(actor, unitId, org) ? null : "定員の要求を出せるのは、その課の所属長です（査定は人事担当）。";

    private static string? AssessRefusal(Actor actor, int unitId, OrgTree org) =>
        !StaffingAccess.IsPersonnel(actor) ? "配分定数・実員を入れ、査定するのは人事担当です。"
        : StaffingAccess.IsDivisionHead(actor, unitId, org) ? "自分が所属長の課の定員は査定できません。ほかの人事担当者が査定します。"
        : SeparationOfDuties.IsAboutOwnUnit(actor, unitId, org) ? "自分の所属の定員は査定できません。ほかの所属の人事担当者が査定します。"
        : null;
}
