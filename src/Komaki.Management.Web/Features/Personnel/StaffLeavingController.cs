using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;
using Komaki.Management.Web.Infrastructure.Directory;

namespace Komaki.Management.Web.Features.Personnel;

/// 退職日 on the staff register, set by 人事課 (人事担当) or a system administrator after a confirmation page: from
/// that day the account and every session end within a minute on every server, whatever the directory says.
[Authorize(Policy = Policies.StaffRegisterKeepers)]
[Route("Personnel/Division/Staff/{id:int}/Leaving")]
public sealed class StaffLeavingController(StaffLeaving leaving, CurrentUser me, PrivilegedLog audit, OrgTreeProvider orgTree) : AppController()
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id)
    {
        var staff = await leaving.FindAsync(id);
        if (staff is null) return NotFound();
        return View("Leaving", await ModelAsync(staff, new LeavingForm { LeftOn = staff.LeftOn, Version = staff.Version }));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(int id, LeavingForm form)
    {
        var staff = await leaving.FindAsync(id);
        if (staff is null) return NotFound();
        if (!await ValidateAsync(form)) return View("Leaving", await ModelAsync(staff, form));
        if (await RefusalAsync(staff, StaffMemberRule.SetLeaving) is string refused)
        {
            Accept(CommandResult.Refused(string.Empty, refused));
            return View("Leaving", await ModelAsync(staff, form));
        }
        var errors = StaffLeaving.Check(staff, form, me.UserId, Clock.Today);
        if (errors.Count > 0)
        {
            Accept(CommandResult.Refused(errors));
            return View("Leaving", await ModelAsync(staff, form));
        }
        var account = (await leaving.AccountAsync(staff.UserId))?.Name;
        if (!form.Confirmed) return View("Confirm", ConfirmStepFor(staff, form, account));
        var before = staff.LeftOn;
        if (!Accept(await leaving.SaveAsync(staff, form, me.UserId, Clock.Today))) return View("Leaving", await ModelAsync(staff, form));
        var who = $"{staff.Name}（職員番号 {staff.StaffNumber}）";
        await audit.RecordAsync(HttpContext, staff.UserId, form.Clear
            ? $"{who}の退職日（{Wareki.Date(before!.Value)}）を取り消した"
            : $"{who}の退職日を{(before is DateOnly b ? $" {Wareki.Date(b)} から" : "")} {Wareki.Date(form.LeftOn!.Value)} とした" + (account is null ? "" : $"（アカウント「{account}」）"));
        TempData["Message"] = form.Clear
            ? $"{who}の退職日を取り消しました。すでに停止したアカウントは、システム管理者が「ユーザー」画面で再開するまで停止されたままです。"
            : $"{who}の退職日を {Wareki.Date(form.LeftOn!.Value)} として登録しました。" + (account is null ? "" : form.LeftOn <= Clock.Today
                ? $"アカウント「{account}」は1分以内に使えなくなり、すべての端末のサインインが終了します。"
                : $"その日になると、アカウント「{account}」は1分以内に使えなくなります。");
        return RedirectToAction(nameof(Index), new { id });
    }

    private ConfirmStep ConfirmStepFor(StaffMember staff, LeavingForm form, string? account)
    {
        var who = $"{staff.Name}（職員番号 {staff.StaffNumber}）";
        var consequences = new List<string>();
        if (form.Clear)
        {
            consequences.Add($"{who}の退職日（{Wareki.Date(staff.LeftOn!.Value)}）を取り消します。");
            consequences.Add("すでに利用を終了したアカウントは停止されたままです。再開はシステム管理者が「ユーザー」画面で行います。");
        }
        else
        {
            var left = form.LeftOn!.Value;
            consequences.Add($"{who}の退職日を {Wareki.Date(left)} として職員名簿に登録します。");
            consequences.Add(account is null ? "この人にはアカウントがありません。" : left <= Clock.Today
                ? $"退職日が今日以前のため、アカウント「{account}」は1分以内に使えなくなり、すべての端末のサインインが終了します。"
                : $"{Wareki.Date(left)} になると、アカウント「{account}」は1分以内に使えなくなり、すべての端末のサインインが終了します。");
            consequences.Add("ディレクトリ（Active Directory など）でサインインする人も、ディレクトリの状態にかかわらずサインインできなくなります。");
        }
        consequences.Add("変更は職員名簿の履歴とサインイン記録に残ります。");
        var hidden = new Dictionary<string, string>
        {
            [nameof(LeavingForm.LeftOn)] = form.LeftOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            [nameof(LeavingForm.Clear)] = form.Clear ? "true" : "false",
            [nameof(LeavingForm.Version)] = form.Version.ToString(CultureInfo.InvariantCulture),
            [nameof(LeavingForm.Confirmed)] = "true",
        };
        var here = Url.Action(nameof(Index), new { id = staff.Id })!;
        return new ConfirmStep(form.Clear ? "退職日の取消" : "退職日の登録", who, consequences, here, form.Clear ? "退職日を取り消す" : "退職日を登録する", here, hidden, Danger: !form.Clear);
    }

    private async Task<LeavingModel> ModelAsync(StaffMember staff, LeavingForm form)
    {
        var account = await leaving.AccountAsync(staff.UserId);
        var post = staff.Assignments.Where(a => a.StartsOn <= Clock.Today).OrderByDescending(a => a.StartsOn).ThenByDescending(a => a.Id).FirstOrDefault();
        var unit = post is null ? null : $"{(await orgTree.GetAsync()).PathName(post.OrgUnitId)} {post.Position}";
        return new LeavingModel(staff, form, account, unit, User.IsInRole(Roles.Administrator), await RefusalAsync(staff, StaffMemberRule.SetLeaving));
    }
}

/// Refusal: why the reader may not set this person's 退職日 (their own), shown instead of the form.
public sealed record LeavingModel(StaffMember Staff, LeavingForm Form, LeavingAccount? Account, string? Post, bool IsAdministrator, string? Refusal);
