using System.Globalization;
using System.Net;
using System.Text;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Personnel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Security;

/// 退職日 (issue 32, item 5): set from the staff register's import (a 退職日 column read like every other date, an
/// unreadable one refused naming its cell) and on the staff page by 人事課 or an administrator after a confirmation
/// page — audited, in the history and the サインイン記録, never on one's own record; the leavers' check then ends the
/// account and its sessions.
public sealed class StaffLeavingTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const int Year = 2026;

    private StaffMember Staff(string number) => app.WithDb(db => db.StaffMembers.AsNoTracking().Single(s => s.StaffNumber == number));

    [Fact]
    public async Task The_register_import_reads_a_leaving_date_column_and_refuses_an_unreadable_one_naming_the_cell()
    {
        static byte[] Csv(params string[] rows) => new UTF8Encoding(true).GetBytes(
            "職員番号,氏名,所属,職名,職層,級,任用形態,発令日,メールアドレス,退職年月日\r\n" + string.Join("\r\n", rows) + "\r\n");
        var refused = await app.ImportAsync(StaffImport.Kind, Csv(
            "40101,退職 予定,道路課,主事,一般職員,2,正規,,,令和9年3月31日",
            "40102,読めず 太郎,道路課,主事,一般職員,2,正規,,,年度末",
            "40103,二重 花子,道路課,主事,一般職員,2,正規,,,2027/3/31",
            "40103,二重 花子,道路課,主任,一般職員,3,正規,2026/10/1,,2027/2/28"), Year, apply: false, fileName: "名簿.csv");
        Assert.Contains(refused.Refused, r => r.Reason.Contains("退職日「年度末」を日付として読めません（J3", StringComparison.Ordinal));
        Assert.Contains(refused.Refused, r => r.Reason.Contains("職員番号 40103 の退職日が、J4 では 令和9年3月31日、J5 では 令和9年2月28日 と違います", StringComparison.Ordinal));
        Assert.Contains(refused.Created, c => c.Key == "40101" && c.Changes.Any(f => f.Field == "退職日" && f.New == "令和9年3月31日"));
        Assert.Equal(0, app.WithDb(db => db.StaffMembers.Count(s => s.StaffNumber.StartsWith("401"))));

        var applied = await app.ImportAsync(StaffImport.Kind, Csv("40101,退職 予定,道路課,主事,一般職員,2,正規,,,R9.3.31", "40104,在職 続,道路課,主事,一般職員,2,正規,,,"),
            Year, apply: true, fileName: "名簿.csv");
        Assert.True(applied.Applied, string.Join(" ", applied.Refused.Select(r => r.Reason)));
        Assert.Contains(applied.Notes, n => n.Contains("退職日を 1 人に登録します", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2027, 3, 31), Staff("40101").LeftOn);
        Assert.Null(Staff("40104").LeftOn);

        // A blank 退職日 in a later register leaves the registered date alone (取消 is a step on the staff page).
        var blank = await app.ImportAsync(StaffImport.Kind, Csv("40101,退職 予定,道路課,主任,一般職員,3,正規,,,"), Year, apply: true, fileName: "名簿.csv");
        Assert.True(blank.Applied);
        Assert.DoesNotContain(blank.Updated.SelectMany(u => u.Changes), f => f.Field == "退職日");
        Assert.Equal(new DateOnly(2027, 3, 31), Staff("40101").LeftOn);
    }

    [Fact]
    public async Task Personnel_set_a_leaving_date_after_a_confirmation_the_account_ends_and_the_change_is_in_the_history_and_the_sign_in_log()
    {
        var leaver = Staff("10104");
        var account = await app.SignedInAsync("doro-shuji@komaki.example");
        var jinji = await app.SignedInAsync("jinji@komaki.example");
        var url = $"/Personnel/Division/Staff/{leaver.Id}/Leaving";
        Assert.Contains(url, await jinji.GetStringAsync("/Personnel/Division/Staff?q=10104"));
        var page = await jinji.GetStringAsync(url);
        Assert.Contains("道路 三郎", page);

        // Nothing is saved before the confirmation page's button; an empty date is refused beside the field.
        Assert.Contains("退職日を入力してください", await (await jinji.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(page), ("Version", leaver.Version.ToString(CultureInfo.InvariantCulture)), ("LeftOn", "")))).Content.ReadAsStringAsync());
        var today = app.WithDb(_ => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)));
        var confirm = await jinji.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(page), ("Version", leaver.Version.ToString(CultureInfo.InvariantCulture)), ("LeftOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        var confirmPage = await confirm.Content.ReadAsStringAsync();
        Assert.Contains("1分以内に使えなくなり", confirmPage);
        Assert.Contains("doro-shuji@komaki.example", confirmPage);
        Assert.Null(Staff("10104").LeftOn);

        var done = await jinji.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(confirmPage), ("Version", leaver.Version.ToString(CultureInfo.InvariantCulture)),
            ("LeftOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Clear", "false"), ("Confirmed", "true")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(today, Staff("10104").LeftOn);
        var history = await jinji.GetStringAsync($"/History/StaffMember/{leaver.Id}");
        Assert.Contains("退職日", history);
        Assert.Contains(app.WithDb(db => db.SignInRecords.Where(r => r.Kind == SignInKinds.Privileged && r.Account == "jinji@komaki.example").Select(r => r.Reason!).ToList()),
            r => r.Contains("道路 三郎（職員番号 10104）の退職日を", StringComparison.Ordinal));

        // The leavers' check (every server runs it) ends the account and its sessions.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Web.Infrastructure.Directory.LeaversService>().Single().RunOnceAsync(CancellationToken.None);
        var home = await account.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(app.WithDb(db => db.Users.Single(u => u.Email == "doro-shuji@komaki.example").IsActive));
    }

    [Fact]
    public async Task Nobody_sets_their_own_leaving_date_staff_cannot_open_the_page_and_administrators_can()
    {
        var jinjiId = app.WithDb(db => db.Users.Single(u => u.Email == "jinji@komaki.example").Id);
        var own = app.WithDb(db =>
        {
            var member = new StaffMember { StaffNumber = "40901", Name = "人事 担当", UserId = jinjiId };
            db.StaffMembers.Add(member);
            db.SaveChanges();
            return member.Id;
        });
        var jinji = await app.SignedInAsync("jinji@komaki.example");
        var page = await jinji.GetStringAsync($"/Personnel/Division/Staff/{own}/Leaving");
        Assert.Contains("自分の退職日は登録・変更できません", page);
        var refused = await jinji.PostAsync($"/Personnel/Division/Staff/{own}/Leaving", KomakiFactory.Form(KomakiFactory.TokenIn(page), ("Version", "0"), ("LeftOn", "2026-04-01"), ("Confirmed", "true")));
        Assert.Contains("自分の退職日は登録・変更できません", await refused.Content.ReadAsStringAsync());
        Assert.Null(Staff("40901").LeftOn);

        var other = Staff("10103").Id;
        var tanto = await app.SignedInAsync("doro-kacho@komaki.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await tanto.GetAsync($"/Personnel/Division/Staff/{other}/Leaving")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tanto.GetAsync($"/History/StaffMember/{other}")).StatusCode);
        var admin = await app.SignedInAsync("admin@komaki.example");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Personnel/Division/Staff/{other}/Leaving")).StatusCode);
        var userId = app.WithDb(db => db.Users.Single(u => u.Email == "doro-tanto@komaki.example").Id);
        Assert.Contains($"/Personnel/Division/Staff/{other}/Leaving", await admin.GetStringAsync($"/Users/Edit/{userId}"));
    }
}
