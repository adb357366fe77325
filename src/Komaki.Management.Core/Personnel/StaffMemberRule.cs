using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Personnel;

/// 職員名簿: the personnel division (人事担当) and system administrators keep it; nobody sets their own 退職日 (it
/// would end their own account, or keep it open).
public sealed class StaffMemberRule : IRecordRule<StaffMember>
{
    /// 退職日の登録・取消 (StaffLeaving).
    public const string SetLeaving = nameof(SetLeaving);

    public const string OwnLeaving = "自分の退職日は登録・変更できません。人事課の別の担当者かシステム管理者が行います。";

    public Task<string?> RefusalAsync(RuleAsker asker, StaffMember record, string operation) => Task.FromResult(operation switch
    {
        SetLeaving => !asker.Actor.IsIn(Roles.Personnel) && !asker.Actor.IsIn(Roles.Administrator) ? "退職日を登録できるのは人事担当とシステム管理者です。"
            : record.UserId is not null && record.UserId == asker.UserId ? OwnLeaving
            : null,
        _ => RecordOperation.Unknown(operation),
    });
}
