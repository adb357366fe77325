using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Personnel;

public sealed class LeavingForm
{
    [Display(Name = "退職日")]
    public DateOnly? LeftOn { get; set; }
    /// 退職の取消 (a date registered by mistake): the date is removed; the account stays stopped until an administrator
    /// starts it again, since the leavers' check may already have ended it.
    [Display(Name = "退職の取消")]
    public bool Clear { get; set; }
    [Display(Name = "版")]
    public int Version { get; set; }
    /// Set by the confirmation page's button: without it nothing is saved.
    [Display(Name = "確認")]
    public bool Confirmed { get; set; }
}

public sealed class LeavingFormValidator : AbstractValidator<LeavingForm>
{
    public LeavingFormValidator()
    {
        RuleFor(x => x.LeftOn).SensibleDate();
        RuleFor(f => f.LeftOn).NotNull().When(f => !f.Clear).WithMessage("退職日を入力してください。");
        RuleFor(f => f.Version).GreaterThanOrEqualTo(0);
    }
}

/// The person's account as the 退職日 page names it.
public sealed record LeavingAccount(string Id, string Name, bool IsActive);

/// 退職日 set by 人事課 or an administrator on the staff page (the staff import sets it too): from that day the person's
/// account and sessions end within a minute on every server (Leavers). Audited (StaffMember's history) and never on
/// one's own record.
public sealed class StaffLeaving(AppDbContext db, RecordSaver saver) : IUseCase
{
    public Task<StaffMember?> FindAsync(int id, CancellationToken ct = default) =>
        db.StaffMembers.Include(s => s.Assignments).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);

    public Task<LeavingAccount?> AccountAsync(string? userId, CancellationToken ct = default) => userId is null
        ? Task.FromResult<LeavingAccount?>(null)
        : db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new LeavingAccount(u.Id, u.Email ?? u.UserName ?? "", u.IsActive)).FirstOrDefaultAsync(ct);

    public static IReadOnlyList<FieldError> Check(StaffMember staff, LeavingForm form, string? actorUserId, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (staff.UserId is not null && staff.UserId == actorUserId)
            errors.Add(new(string.Empty, StaffMemberRule.OwnLeaving));
        if (form.Clear)
        {
            if (staff.LeftOn is null) errors.Add(new(nameof(form.LeftOn), "退職日は登録されていないため、取り消すものがありません。"));
        }
        else if (form.LeftOn is not DateOnly left) errors.Add(new(nameof(form.LeftOn), "退職日を入力してください。"));
        else if (left < new DateOnly(2000, 1, 1) || left > today.AddYears(2))
            errors.Add(new(nameof(form.LeftOn), $"退職日は2000年1月1日から{Wareki.Date(today.AddYears(2))}までの日付で入力してください。"));
        else if (staff.LeftOn == left) errors.Add(new(nameof(form.LeftOn), $"退職日はすでに {Wareki.Date(left)} で登録されています。"));
        return errors;
    }

    public async Task<CommandResult> SaveAsync(StaffMember staff, LeavingForm form, string? actorUserId, DateOnly today)
    {
        var errors = Check(staff, form, actorUserId, today);
        if (errors.Count > 0) return CommandResult.Refused(errors);
        staff.LeftOn = form.Clear ? null : form.LeftOn;
        return await saver.SaveEditAsync(staff, form.Version, staff.AuditTarget);
    }
}
