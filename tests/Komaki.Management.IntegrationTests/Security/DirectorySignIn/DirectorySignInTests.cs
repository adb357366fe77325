using System.Net;
using Komaki.Management.Core;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Personnel;
using Komaki.Management.IntegrationTests.Support;
using Komaki.Management.Web.Infrastructure.Directory;
using Microsoft.AspNetCore.Hosting;
using Komaki.Management.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Security.DirectorySignIn;

/// Sign-in through a real Active Directory (Samba, LDAP over TLS): the directory checks the password, the person is
/// linked to the staff register by 職員番号 and then by objectGUID, roles come from the city's mapping at every sign-in,
/// and leaving — disabled in the directory or 退職 in the register — ends access within a minute.
[Collection(SambaCollection.Name)]
public sealed class DirectorySignInTests(DirectorySignInTests.Factory app) : IClassFixture<DirectorySignInTests.Factory>
{
    public sealed class Factory : DirectoryFactory;

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string account, string password = SambaDirectory.Password)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", KomakiFactory.Form(token, ("Email", account), ("Password", password)));
    }

    private async Task<HttpClient> SignedInAsync(string account)
    {
        var client = app.NewClient();
        var response = await SignInAsync(client, account);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{account}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    private static async Task<bool> SignedOutAsync(HttpClient client)
    {
        var response = await client.GetAsync("/");
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("/Account/Login", StringComparison.Ordinal);
    }

    private (AppUser User, string[] Roles, StaffMember Staff, string[] Logins) Person(string staffNumber) => app.WithDb(db =>
    {
        var staff = db.StaffMembers.AsNoTracking().Single(s => s.StaffNumber == staffNumber);
        var user = db.Users.AsNoTracking().Single(u => u.Id == staff.UserId);
        var roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).OrderBy(r => r).ToArray();
        var logins = db.UserLogins.Where(l => l.UserId == user.Id).Select(l => l.LoginProvider + ":" + l.ProviderKey).ToArray();
        return (user, roles, staff, logins);
    });

    [Fact]
    public async Task Staff_sign_in_with_their_directory_password_over_tls_linked_by_staff_number_then_by_object_guid()
    {
        await SambaDirectory.ReadyAsync("komaki-staff");
        var client = await SignedInAsync("komaki-staff");
        Assert.Contains("小牧 一", await client.GetStringAsync("/"));
        var (user, roles, staff, logins) = Person("990001");
        Assert.Equal([Roles.DepartmentStaff], roles);
        Assert.Equal(staff.UserId, user.Id);
        Assert.Equal(ExternalSignIns.UnitOn(app.WithDb(db => db.StaffMembers.Include(s => s.Assignments).Single(s => s.StaffNumber == "990001")), DateOnly.FromDateTime(DateTime.Today)), user.OrgUnitId);
        var login = Assert.Single(logins);
        Assert.StartsWith(DirectoryOptions.Provider + ":", login, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(login[(DirectoryOptions.Provider.Length + 1)..], out _));
        // No password of the person is kept by the app.
        Assert.Null(user.PasswordHash);

        // A wrong password, an empty one (an anonymous bind a directory would accept) and an unknown account: one message.
        foreach (var (account, password) in new[] { ("komaki-staff", "wrong-Password-1"), ("komaki-staff", ""), ("nobody-here", SambaDirectory.Password) })
        {
            var refused = await SignInAsync(app.NewClient(), account, password);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(account == "komaki-staff" && password == "" ? "ユーザー名とパスワードを入力してください" : "このアカウントでは現在サインインできません", await refused.Content.ReadAsStringAsync());
        }

        // Once linked, the directory's immutable id finds the person: a changed 職員番号 in the directory changes nothing,
        // and the same account typed as DOMAIN\name or as its UPN is the same person.
        SambaDirectory.SetStaffNumber("komaki-staff", "990999");
        try
        {
            foreach (var typed in new[] { "KOMAKI\\komaki-staff", "komaki-staff@komaki.test" })
            {
                await SignedInAsync(typed);
                Assert.Equal(user.Id, Person("990001").User.Id);
            }
            Assert.Equal(1, app.WithDb(db => db.Users.Count(u => u.DisplayName == "小牧 一")));
        }
        finally
        {
            SambaDirectory.SetStaffNumber("komaki-staff", "990001");
        }
    }

    [Fact]
    public async Task A_group_change_in_the_directory_changes_the_role_at_the_next_sign_in_ends_older_sessions_and_keeps_local_grants()
    {
        await SambaDirectory.ReadyAsync("komaki-head");
        var first = await SignedInAsync("komaki-head");
        Assert.Equal([Roles.DepartmentHead, Roles.DepartmentStaff], Person("990002").Roles);

        // 監査委員 is a local grant the directory knows nothing of.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(Person("990002").User.Id))!, Roles.Auditor)).Succeeded);
        }

        // 4月1日の異動: no longer a division head.
        SambaDirectory.SetGroups("komaki-head", "KM-Staff");
        try
        {
            var second = await SignedInAsync("komaki-head");
            Assert.Equal([Roles.Auditor, Roles.DepartmentStaff], Person("990002").Roles);
            Assert.True(await SignedOutAsync(first), "the session signed in with the old role must end");
            Assert.False(await SignedOutAsync(second));
        }
        finally
        {
            SambaDirectory.SetGroups("komaki-head", "KM-DivisionHeads", "KM-Staff");
        }
    }

    [Fact]
    public async Task A_directory_unit_other_than_the_registers_is_shown_to_administrators_once_and_the_register_unit_is_used()
    {
        await SambaDirectory.ReadyAsync("komaki-head");
        SambaDirectory.SetAttribute("komaki-head", "department", "総務部 総務課");
        try
        {
            await SignedInAsync("komaki-head");
            await SignedInAsync("komaki-head");
            var (user, _, _, _) = Person("990002");
            Assert.Equal(app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id), user.OrgUnitId);
            string[] Lines() => app.WithDb(db => db.SignInRecords.Where(r => r.UserId == user.Id && r.Kind == SignInKinds.UnitDiffers).Select(r => r.Reason!).ToArray());
            var line = Assert.Single(Lines());
            Assert.Contains("ディレクトリの所属「総務部 総務課」と職員名簿の所属「", line);
            Assert.Contains("道路課」が違います", line);
            var admin = await app.SignedInAsync("admin@komaki.example");
            var log = await admin.GetStringAsync("/SignInLog?kind=" + SignInKinds.UnitDiffers);
            Assert.Contains("総務部 総務課", log);
            Assert.Contains("要確認", log);

            // The same unit as the directory writes it (department and division, a space between) is no difference.
            SambaDirectory.SetAttribute("komaki-head", "department", "都市建設部　道路課");
            await SignedInAsync("komaki-head");
            Assert.Single(Lines());
        }
        finally
        {
            SambaDirectory.SetAttribute("komaki-head", "department", null);
        }
    }

    [Fact]
    public async Task A_person_in_no_mapped_group_reads_which_groups_would_let_them_in()
    {
        await SambaDirectory.ReadyAsync("komaki-nogroup");
        var response = await SignInAsync(app.NewClient(), "komaki-nogroup");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("このシステムを使えるグループに入っていません", html);
        Assert.Contains("KM-Staff", html);
        Assert.Contains("担当職員", html);
        Assert.Contains("今入っているグループ：KM-Unmapped", html);
        Assert.Empty(Person("990006").Roles);
    }

    [Fact]
    public async Task A_directory_account_without_a_staff_number_in_the_register_is_not_linked_by_name_or_mail()
    {
        await SambaDirectory.ReadyAsync("komaki-noid");
        var response = await SignInAsync(app.NewClient(), "komaki-noid");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("職員番号が登録されていません", await response.Content.ReadAsStringAsync());

        SambaDirectory.SetStaffNumber("komaki-noid", "123456");
        try
        {
            response = await SignInAsync(app.NewClient(), "komaki-noid");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("職員番号「123456」が、このシステムの職員名簿にありません", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            SambaDirectory.SetStaffNumber("komaki-noid", null);
        }
        // Nothing was linked: no account was made for the directory's person.
        Assert.Equal(0, app.WithDb(db => db.Users.Count(u => u.UserName == "komaki-noid")));
    }

    [Fact]
    public async Task A_disabled_directory_account_loses_its_session_within_a_minute_and_cannot_sign_in_again()
    {
        await SambaDirectory.ReadyAsync("komaki-leaver");
        var client = await SignedInAsync("komaki-leaver");
        SambaDirectory.SetEnabled("komaki-leaver", false);
        try
        {
            Assert.True(await Eventually.HoldsWithinAsync(TimeSpan.FromSeconds(60), () => SignedOutAsync(client)), "the session of a disabled account must end within a minute");
            Assert.False(Person("990005").User.IsActive);
            var again = await SignInAsync(app.NewClient(), "komaki-leaver");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("このアカウントでは現在サインインできません", await again.Content.ReadAsStringAsync());
        }
        finally
        {
            SambaDirectory.SetEnabled("komaki-leaver", true);
        }
    }

    [Fact]
    public async Task An_account_deleted_from_the_directory_loses_its_session_within_a_minute_and_the_end_is_recorded()
    {
        const string account = "komaki-gone";
        // Another linked person still in the directory: a directory that knows none of the linked accounts is taken to
        // be misread (a wrong base DN), and nobody is ended as deleted then.
        await SambaDirectory.ReadyAsync("komaki-staff");
        await SignedInAsync("komaki-staff");
        SambaDirectory.CreateAccount(account, "990008", "KM-Staff");
        try
        {
            app.WithDb(db =>
            {
                var road = db.OrgUnits.Single(u => u.Name == "道路課");
                db.StaffMembers.Add(new StaffMember
                {
                    StaffNumber = "990008", Name = "小牧 八重",
                    Assignments = [new StaffAssignment { FiscalYear = 2020, StartsOn = new DateOnly(2020, 4, 1), OrgUnitId = road.Id, Position = "主事", JobLevel = JobLevel.General }],
                });
                return db.SaveChanges();
            });
            var client = await SignedInAsync(account);
            var id = Person("990008").User.Id;
            SambaDirectory.DeleteAccount(account);
            Assert.True(await Eventually.HoldsWithinAsync(TimeSpan.FromSeconds(60), () => SignedOutAsync(client)), "the session of an account deleted from the directory must end within a minute");
            Assert.False(Person("990008").User.IsActive);
            Assert.Contains(app.WithDb(db => db.SignInRecords.Where(r => r.UserId == id && r.Kind == SignInKinds.AccessEnded).Select(r => r.Reason).ToList()),
                r => r!.Contains(Leavers.DeletedReason, StringComparison.Ordinal));
            // The others linked to the directory, still in it, keep their accounts.
            Assert.Equal(1, app.WithDb(db => db.SignInRecords.Count(r => r.Kind == SignInKinds.AccessEnded && r.Reason!.Contains(Leavers.DeletedReason))));
        }
        finally
        {
            SambaDirectory.DeleteAccount(account);
        }
    }

    [Fact]
    public async Task Leaving_in_the_staff_register_ends_access_within_a_minute_whatever_the_directory_says()
    {
        await SambaDirectory.ReadyAsync("komaki-jinji");
        var client = await SignedInAsync("komaki-jinji");
        Assert.Equal([Roles.DepartmentStaff, Roles.Personnel], Person("990003").Roles);
        app.WithDb(db =>
        {
            var staff = db.StaffMembers.Single(s => s.StaffNumber == "990003");
            staff.LeftOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
            return db.SaveChanges();
        });
        Assert.True(await Eventually.HoldsWithinAsync(TimeSpan.FromSeconds(60), () => SignedOutAsync(client)), "a person who left must be out within a minute");
        var again = await SignInAsync(app.NewClient(), "komaki-jinji");
        Assert.Contains("このアカウントでは現在サインインできません", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_the_directory_on_staff_cannot_use_local_passwords_but_break_glass_administrators_and_outside_members_can()
    {
        await SambaDirectory.ReadyAsync();
        var staff = await SignInAsync(app.NewClient(), "doro-tanto@komaki.example", Core.Data.Seeding.DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Contains("このアカウントでは現在サインインできません", await staff.Content.ReadAsStringAsync());
        foreach (var local in new[] { "admin@komaki.example", "hyoka@komaki.example", "kansa@komaki.example" })
            Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app.NewClient(), local, Core.Data.Seeding.DemoSeeder.DemoPassword)).StatusCode);
        Assert.Contains("Windows にサインインするときのユーザー名", await app.NewClient().GetStringAsync("/Account/Login"));
    }

    [Fact]
    public async Task With_the_directory_on_a_local_account_with_totp_still_needs_its_code_after_the_password()
    {
        const string member = "kansa@komaki.example";
        string secret;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var totp = scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Security.TotpFactor>();
            var user = (await users.FindByEmailAsync(member))!;
            secret = await totp.StartAsync(user);
            Assert.True(await totp.ConfirmAsync(user, new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(-30))));
        }
        var client = app.NewClient();
        var password = await SignInAsync(client, member, Core.Data.Seeding.DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/Account/LoginCode", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(await SignedOutAsync(client), "the password alone must open nothing");
        var token = await KomakiFactory.TokenAsync(client, "/Account/LoginCode");
        var code = await client.PostAsync("/Account/LoginCode", KomakiFactory.Form(token, ("Code", new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp()), ("ReturnUrl", "")));
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.False(await SignedOutAsync(client));
    }

    [Fact]
    public async Task The_administrator_maps_groups_to_roles_on_a_screen_with_history_and_local_only_roles_are_refused()
    {
        var admin = await app.SignedInAsync("admin@komaki.example");
        var page = await admin.GetStringAsync("/DirectoryMappings");
        Assert.Contains("KOMAKI\\KM-Personnel", page);

        async Task<HttpResponseMessage> AddAsync(string group, string role) =>
            await admin.PostAsync("/DirectoryMappings", KomakiFactory.Form(KomakiFactory.TokenIn(page), ("Group", group), ("Role", role)));
        var refused = await AddAsync("KM-Auditors", Roles.Auditor);
        Assert.Contains("監査委員はディレクトリのグループでは与えません", await refused.Content.ReadAsStringAsync());
        Assert.Contains("ディレクトリのグループ名を入力してください", await (await AddAsync(" ", Roles.Planning)).Content.ReadAsStringAsync());
        Assert.Contains("役割を選んでください", await (await AddAsync("KM-Planning", "")).Content.ReadAsStringAsync());
        // The same group written as a DN is the same group.
        Assert.Contains("すでに担当職員に対応付けられています", await (await AddAsync("CN=KM-Staff,CN=Users,DC=komaki,DC=test", Roles.DepartmentStaff)).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("CN=KM-Planning,OU=Groups,DC=komaki,DC=test", Roles.Planning)).StatusCode);
        var id = app.WithDb(db => db.DirectoryRoleMappings.Single(m => m.Key == "KM-PLANNING").Id);
        page = await admin.GetStringAsync("/DirectoryMappings");
        Assert.Contains("CN=KM-Planning,OU=Groups,DC=komaki,DC=test", page);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/DirectoryMappings/{id}/Delete", KomakiFactory.Form(KomakiFactory.TokenIn(page)))).StatusCode);
        Assert.Contains("「CN=KM-Planning,OU=Groups,DC=komaki,DC=test」と企画担当の対応を外しました", await admin.GetStringAsync("/DirectoryMappings"));
        Assert.DoesNotContain("KM-Planning", await admin.GetStringAsync("/DirectoryMappings"));

        var history = await admin.GetStringAsync($"/History/DirectoryRoleMapping/{id}");
        Assert.Contains("ディレクトリのグループ", history);
        Assert.Contains("照合に使うグループ名", history);
        Assert.Contains("KM-PLANNING", history);

        await SambaDirectory.ReadyAsync("komaki-head");
        var head = await SignedInAsync("komaki-head");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/DirectoryMappings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/History/DirectoryRoleMapping/{id}")).StatusCode);
    }
}

/// A demo city signing in through the Samba directory: the test accounts' 職員番号 in the staff register (道路課), and
/// the groups mapped as a city maps them.
public class DirectoryFactory : KomakiFactory
{
    protected override void Configure(IWebHostBuilder builder)
    {
        foreach (var (key, value) in SambaDirectory.Settings()) builder.UseSetting(key, value);
    }

    public override async Task InitializeAsync()
    {
        await SambaDirectory.ReadyAsync([.. SambaDirectory.Accounts.Keys]);
        await base.InitializeAsync();
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var road = await db.OrgUnits.SingleAsync(u => u.Name == "道路課");
        var names = new Dictionary<string, string>
        {
            ["990001"] = "小牧 一", ["990002"] = "小牧 二郎", ["990003"] = "小牧 三子", ["990004"] = "小牧 四郎",
            ["990005"] = "小牧 五月", ["990006"] = "小牧 六助", ["990007"] = "小牧 七海",
        };
        foreach (var (number, name) in names)
        {
            db.StaffMembers.Add(new StaffMember
            {
                StaffNumber = number, Name = name,
                Assignments = [new StaffAssignment { FiscalYear = 2020, StartsOn = new DateOnly(2020, 4, 1), OrgUnitId = road.Id, Position = "主事", JobLevel = JobLevel.General }],
            });
        }
        await db.SaveChangesAsync();
        var mappings = scope.ServiceProvider.GetRequiredService<DirectoryMappingCommands>();
        foreach (var (group, role) in new[] { ("KM-Staff", Roles.DepartmentStaff), ("KM-DivisionHeads", Roles.DepartmentHead), ("KOMAKI\\KM-Personnel", Roles.Personnel), ("KM-SystemAdmins", Roles.Administrator) })
            Assert.True((await mappings.AddAsync(new DirectoryMappingForm { Group = group, Role = role })).Succeeded);
    }
}
