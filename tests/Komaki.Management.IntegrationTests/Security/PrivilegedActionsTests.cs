using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Komaki.Management.IntegrationTests.Security;

/// Privileged actions are in the サインイン記録 (issue 32, item 7). The POST actions of every controller that manages
/// who may sign in and as what — the administrators' controllers, the account controller, 退職日 — are read from the
/// app itself; each must have a scenario here, and each scenario must leave a 管理操作 line naming what was done. A new
/// action that is not logged (or not listed here) fails this test.
public sealed partial class PrivilegedActionsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    /// Administrators' controllers that manage no account, role or sign-in: their changes are in the records' history.
    private static readonly Dictionary<string, string> NotAccessManagement = new()
    {
        ["ControlPolicy"] = "内部統制の基本方針（記録の履歴に残る）",
        ["OrgUnits"] = "組織（記録の履歴に残る）",
    };

    /// The sign-in steps themselves: each is recorded as a サインイン line (SignInLogTests, DirectorySignInTests).
    private static readonly HashSet<string> SignInSteps = ["Account.Login", "Account.LoginCode", "Account.Logout"];

    private static IEnumerable<string> PrivilegedPosts()
    {
        var controllers = typeof(Web.AppHost).Assembly.GetTypes().Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        foreach (var c in controllers)
        {
            // The account's own pages are split by concern (sign-in, password, second factor) under /Account.
            var name = c.Namespace?.EndsWith(".Features.Account", StringComparison.Ordinal) == true ? "Account" : c.Name[..^"Controller".Length];
            var admin = c.GetCustomAttributes<AuthorizeAttribute>().Any(a => a.Policy == Web.Infrastructure.Authorization.Policies.Administrator
                || (a.Roles ?? "").Split(',').Contains(Roles.Administrator));
            if (!admin && name != "Account") continue;
            if (NotAccessManagement.ContainsKey(name)) continue;
            foreach (var m in c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.GetCustomAttribute<HttpPostAttribute>() is not null))
                if (!SignInSteps.Contains($"{name}.{m.Name}")) yield return $"{name}.{m.Name}";
        }
    }

    private const string Admin = "admin@komaki.example";
    private const string NewAccount = "kiroku-shiken@komaki.example";

    private string UserId(string email) => app.WithDb(db => db.Users.Single(u => u.Email == email).Id);

    private List<string> PrivilegedLines() => app.WithDb(db => db.SignInRecords.Where(r => r.Kind == SignInKinds.Privileged).OrderBy(r => r.Id).Select(r => r.Account + "|" + r.Reason).ToList());

    [Fact]
    public async Task Every_privileged_post_of_the_account_managing_controllers_is_in_the_sign_in_log()
    {
        var admin = await app.SignedInAsync(Admin);
        async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string url, params (string, string)[] fields) =>
            await client.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(await client.GetStringAsync(page)), fields));
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id.ToString(CultureInfo.InvariantCulture));

        // In order: the account made first is the one the later steps act on.
        var scenarios = new List<(string Action, Func<Task<HttpResponseMessage>> Run, string Logged)>
        {
            ("Users.Create", () => PostAsync(admin, "/Users/Create", "/Users/Create", ("Email", NewAccount), ("DisplayName", "記録 試験"), ("Role", Roles.DepartmentStaff),
                ("OrgUnitId", road), ("IsActive", "true"), ("Password", "tsuki-hoshi-2026x")), $"アカウント「{NewAccount}」（記録 試験）を作成した"),
            ("Users.Edit", () => PostAsync(admin, "/Users", $"/Users/Edit/{UserId(NewAccount)}", ("Email", NewAccount), ("DisplayName", "記録 試験"), ("Role", Roles.Planning),
                ("OrgUnitId", road), ("IsActive", "true")), "役割 担当職員→企画担当"),
            ("Users.Unlock", () => PostAsync(admin, "/Users", $"/Users/Unlock/{UserId(NewAccount)}"), "のロックを解除した"),
            ("Users.ResetPassword", () => PostAsync(admin, "/Users", $"/Users/ResetPassword/{UserId(NewAccount)}", ("newPassword", "umi-yama-2026x")), "のパスワードを再設定した"),
            ("Users.ConfirmGrant", async () =>
            {
                var grant = app.WithDb(db =>
                {
                    var g = new RoleGrant { UserId = UserId(NewAccount), Role = Roles.Personnel, RequestedById = UserId("kikaku@komaki.example"), RequestedByName = "kikaku@komaki.example", RequestedAt = DateTime.UtcNow };
                    db.RoleGrants.Add(g);
                    db.SaveChanges();
                    return g.Id;
                });
                return await PostAsync(admin, "/Users", $"/Users/ConfirmGrant?grantId={grant}");
            }, "への役割「人事担当」の付与を確認した"),
            ("Users.SignOutEverywhere", () => PostAsync(admin, "/Users", $"/Users/SignOutEverywhere/{UserId(NewAccount)}"), "のサインインをすべての端末で終了した"),
            ("Users.ResetTwoFactor", async () =>
            {
                using (var scope = app.Services.CreateScope())
                {
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                    var totp = scope.ServiceProvider.GetRequiredService<TotpFactor>();
                    var user = (await users.FindByIdAsync(UserId(NewAccount)))!;
                    var secret = await totp.StartAsync(user);
                    Assert.True(await totp.ConfirmAsync(user, new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp()));
                }
                Assert.Contains("2段階認証を解除する", await admin.GetStringAsync($"/Users/Edit/{UserId(NewAccount)}"));
                return await PostAsync(admin, "/Users", $"/Users/ResetTwoFactor/{UserId(NewAccount)}");
            }, "の2段階認証を解除した"),
            ("DirectoryMappings.Create", () => PostAsync(admin, "/DirectoryMappings", "/DirectoryMappings", ("Group", "KM-Kiroku"), ("Role", Roles.Planning)),
                "ディレクトリのグループ「KM-Kiroku」を企画担当に対応付けた"),
            ("DirectoryMappings.Delete", () => PostAsync(admin, "/DirectoryMappings", $"/DirectoryMappings/{app.WithDb(db => db.DirectoryRoleMappings.Single(m => m.Key == "KM-KIROKU").Id)}/Delete"),
                "ディレクトリのグループ「KM-Kiroku」と企画担当の対応を外した"),
            ("Account.TwoFactor", async () =>
            {
                var member = await app.SignedInAsync("kansa@komaki.example");
                var setup = await member.GetStringAsync("/Account/TwoFactor");
                var secret = Secret().Match(setup).Groups[1].Value;
                return await member.PostAsync("/Account/TwoFactor", KomakiFactory.Form(KomakiFactory.TokenIn(setup), ("code", new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp())));
            }, "2段階認証を有効にした"),
            ("Account.ChangePassword", async () =>
            {
                var person = await app.SignedInAsync("somu@komaki.example");
                return await PostAsync(person, "/Account/ChangePassword", "/Account/ChangePassword", ("CurrentPassword", Core.Data.Seeding.DemoSeeder.DemoPassword),
                    ("NewPassword", "kaze-hikari-2026"), ("ConfirmPassword", "kaze-hikari-2026"));
            }, "自分のパスワードを変更した"),
            ("StaffLeaving.Index", () =>
            {
                var staff = app.WithDb(db => db.StaffMembers.AsNoTracking().Single(s => s.StaffNumber == "10103"));
                return PostAsync(admin, $"/Personnel/Division/Staff/{staff.Id}/Leaving", $"/Personnel/Division/Staff/{staff.Id}/Leaving",
                    ("Version", staff.Version.ToString(CultureInfo.InvariantCulture)), ("LeftOn", "2027-03-31"), ("Clear", "false"), ("Confirmed", "true"));
            }, "道路 次郎（職員番号 10103）の退職日を 令和9年3月31日 とした"),
        };

        var posts = PrivilegedPosts().ToHashSet();
        Assert.Contains("Users.Create", posts);
        var missing = posts.Except(scenarios.Select(s => s.Action)).ToList();
        Assert.True(missing.Count == 0, $"privileged POST actions with no scenario here (add one, and log the action with PrivilegedLog): {string.Join(", ", missing)}");

        var unlogged = new List<string>();
        foreach (var (action, run, logged) in scenarios)
        {
            var before = PrivilegedLines().Count;
            var response = await run();
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(int)response.StatusCode}");
            var lines = PrivilegedLines().Skip(before).ToList();
            if (!lines.Any(l => l.Contains(logged, StringComparison.Ordinal))) unlogged.Add($"{action} (got: {string.Join(" / ", lines)})");
        }
        Assert.True(unlogged.Count == 0, "not in the sign-in log: " + string.Join("; ", unlogged));

        // The actor is named: the administrator's lines carry the administrator's account.
        Assert.Contains(PrivilegedLines(), l => l.StartsWith(Admin + "|アカウント「" + NewAccount, StringComparison.Ordinal));
        var log = await admin.GetStringAsync("/SignInLog?kind=Privileged&q=" + Uri.EscapeDataString(NewAccount));
        Assert.Contains("の2段階認証を解除した", log);
    }

    [GeneratedRegex("id=\"totp-secret\">([A-Z2-7]+)<")]
    private static partial Regex Secret();
}
