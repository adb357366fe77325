using System.ComponentModel.DataAnnotations;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Komaki.Management.Web.Features.Account;

public sealed class LoginForm
{
    [Display(Name = "メールアドレス")]
    public string Email { get; set; } = "";

    [Display(Name = "パスワード")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordForm
{
    [Display(Name = "現在のパスワード")]
    public string CurrentPassword { get; set; } = "";

    [Display(Name = "新しいパスワード")]
    public string NewPassword { get; set; } = "";

    [Display(Name = "新しいパスワード（確認）")]
    public string ConfirmPassword { get; set; } = "";
}

/// Sign-in, sign-out and password change. There is no self-registration: administrators create users.
public sealed class AccountController(SignInManager<AppUser> signIn, UserManager<AppUser> users) : Controller
{
    [AllowAnonymous]
    [HttpGet]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError(string.Empty, "メールアドレスとパスワードを入力してください。");
            return View(form);
        }
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is { IsActive: false })
        {
            ModelState.AddModelError(string.Empty, "このアカウントは利用停止中です。システム管理者に連絡してください。");
            return View(form);
        }
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : RedirectToAction("Index", "Home");
        }
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "パスワードを続けて間違えたため、このアカウントは15分間ロックされています。時間をおいて再度お試しいただくか、システム管理者に連絡してください。"
            : "メールアドレスまたはパスワードが正しくありません。");
        form.Password = "";
        return View(form);
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (form.NewPassword != form.ConfirmPassword)
        {
            ModelState.AddModelError(nameof(form.ConfirmPassword), "確認用のパスワードが一致しません。");
            return View(form);
        }
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(e.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword), e.Description);
            return View(new ChangePasswordForm());
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "パスワードを変更しました。";
        return RedirectToAction("Index", "Home");
    }

    [AllowAnonymous]
    public IActionResult AccessDenied() => View();
}
