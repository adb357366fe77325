using System.Net;
using Komaki.Management.Core.Data.Seeding;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Komaki.Management.IntegrationTests.Security;

/// The sign-in, second-factor and password forms refuse only what needs no account (blank fields, lengths, a code that
/// is no code) beside their fields, before anything is counted or recorded; what a wrong password is told stays one
/// message whether or not the account exists.
public sealed class AccountFormsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Refused = "メールアドレスまたはパスワードが正しくないか、このアカウントでは現在サインインできません。";

    private int SignInLines() => app.WithDb(db => db.SignInRecords.Count(r => r.Kind == SignInKinds.SignIn));

    private int FailedCount(string email) => app.WithDb(db => db.Users.AsNoTracking().Single(u => u.Email == email).AccessFailedCount);

    private static async Task<string> PostAsync(HttpClient client, string url, params (string, string)[] fields) =>
        await (await client.PostAsync(url, KomakiFactory.Form(await KomakiFactory.TokenAsync(client, url), fields))).Content.ReadAsStringAsync();

    [Fact]
    public async Task Sign_in_refuses_blank_and_over_long_fields_before_anything_is_counted_and_a_wrong_password_is_one_message()
    {
        var lines = SignInLines();
        Assert.Contains("メールアドレスとパスワードを入力してください。", await PostAsync(app.NewClient(), "/Account/Login", ("Email", "doro-tanto@komaki.example"), ("Password", "")));
        Assert.Contains("メールアドレスとパスワードを入力してください。", await PostAsync(app.NewClient(), "/Account/Login", ("Email", " "), ("Password", "x")));
        var tooLong = await PostAsync(app.NewClient(), "/Account/Login", ("Email", new string('a', 250) + "@komaki.example"), ("Password", "x"));
        Assert.Contains("メールアドレスは256文字以内で入力してください。", tooLong);
        Assert.Equal(lines, SignInLines());
        Assert.Equal(0, FailedCount("doro-tanto@komaki.example"));

        // A wrong password of an account and any password of no account: the same words, and both recorded.
        var wrong = await PostAsync(app.NewClient(), "/Account/Login", ("Email", "doro-tanto@komaki.example"), ("Password", "not-the-password-1"));
        var nobody = await PostAsync(app.NewClient(), "/Account/Login", ("Email", "dare-mo-inai@komaki.example"), ("Password", "not-the-password-1"));
        foreach (var page in new[] { wrong, nobody })
        {
            Assert.Contains(Refused, page);
            Assert.DoesNotContain("入力してください", page);
        }
        Assert.Equal(lines + 2, SignInLines());
        Assert.Equal(1, FailedCount("doro-tanto@komaki.example"));
    }

    [Fact]
    public async Task A_second_factor_code_that_is_no_code_is_refused_beside_the_field_without_counting_towards_the_lockout()
    {
        const string email = "gyosei@komaki.example";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var totp = scope.ServiceProvider.GetRequiredService<TotpFactor>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.True(await totp.ConfirmAsync(user, new Totp(Base32Encoding.ToBytes(await totp.StartAsync(user))).ComputeTotp()));
        }
        var client = app.NewClient();
        var password = await client.PostAsync("/Account/Login", KomakiFactory.Form(await KomakiFactory.TokenAsync(client, "/Account/Login"),
            ("Email", email), ("Password", DemoSeeder.DemoPassword)));
        Assert.StartsWith("/Account/LoginCode", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var code in new[] { "", "12a456", "1234567" })
            Assert.Contains("確認コードは、認証アプリに今表示されている6桁の数字で入力してください。", await PostAsync(client, "/Account/LoginCode", ("Code", code), ("ReturnUrl", "")));
        Assert.Equal(0, FailedCount(email));
        // A code of six digits that is wrong is the second factor's to refuse, and counts.
        var wrong = await PostAsync(client, "/Account/LoginCode", ("Code", "000000"), ("ReturnUrl", ""));
        Assert.Contains("確認コードが正しくないか、すでに使われています。", wrong);
        Assert.Equal(1, FailedCount(email));
    }

    [Fact]
    public async Task The_password_form_refuses_blank_fields_and_a_confirmation_that_differs_before_the_current_password_is_checked()
    {
        const string email = "somu@komaki.example";
        var me = await app.SignedInAsync(email);
        // The account's pages moved into controllers of their own keep their addresses.
        var home = await me.GetStringAsync("/");
        Assert.Contains("href=\"/Account/ChangePassword\"", home);
        Assert.Contains("href=\"/Account/TwoFactor\"", home);
        Assert.Contains("action=\"/Account/Logout\"", home);
        Assert.Contains("action=\"/Account/ChangePassword\"", await me.GetStringAsync("/Account/ChangePassword"));
        Assert.Contains("action=\"/Account/Login\"", await app.NewClient().GetStringAsync("/Account/Login"));
        var blank = await PostAsync(me, "/Account/ChangePassword", ("CurrentPassword", ""), ("NewPassword", ""), ("ConfirmPassword", ""));
        Assert.Contains("現在のパスワードを入力してください。", blank);
        Assert.Contains("新しいパスワードを入力してください。", blank);
        var differs = await PostAsync(me, "/Account/ChangePassword", ("CurrentPassword", "not-the-password-1"), ("NewPassword", "kaze-hikari-2026"), ("ConfirmPassword", "kaze-hikari-2027"));
        Assert.Contains("確認用のパスワードが一致しません。", differs);
        Assert.Equal(0, FailedCount(email));
        // With the form in order, a wrong current password counts towards the lockout (PasswordRecheck) and changes nothing.
        var wrong = await PostAsync(me, "/Account/ChangePassword", ("CurrentPassword", "not-the-password-1"), ("NewPassword", "kaze-hikari-2026"), ("ConfirmPassword", "kaze-hikari-2026"));
        Assert.Contains(PasswordRecheck.WrongMessage, wrong);
        Assert.Equal(1, FailedCount(email));
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_directory_group_longer_than_its_column_is_refused_beside_the_field()
    {
        var admin = await app.SignedInAsync("admin@komaki.example");
        var refused = await PostAsync(admin, "/DirectoryMappings", ("Group", new string('G', 257)), ("Role", Roles.Planning));
        Assert.Contains("グループ名は256文字以内で入力してください。", refused);
        Assert.Equal(0, app.WithDb(db => db.DirectoryRoleMappings.Count(m => m.Group.StartsWith("GGG"))));
    }
}
