using System.Net;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Data.Seeding;
using Komaki.Management.Web.Infrastructure.Directory;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Security;

/// サインイン記録 (issue 32, item 7): local sign-ins and their refusals are kept in the app, shown to administrators
/// only, and removed after SignInLog:RetentionDays by the periodic cleanup.
public class SignInLogTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    private const string Admin = "admin@komaki.example";
    private const string Planning = "kikaku@komaki.example";

    private async Task<HttpStatusCode> PostLoginAsync(string email, string password)
    {
        var client = app.NewClient();
        var token = await KomakiFactory.TokenAsync(client, "/Account/Login");
        return (await client.PostAsync("/Account/Login", KomakiFactory.Form(token, ("Email", email), ("Password", password)))).StatusCode;
    }

    private int RecordsOf(string account) => app.WithDb(db => db.SignInRecords.Count(r => r.Account == account));

    [Fact]
    public async Task Sign_ins_and_refusals_are_shown_to_administrators_only_and_removed_after_the_retention()
    {
        var typed = $"nobody-{Guid.NewGuid():N}@komaki.example";
        Assert.Equal(HttpStatusCode.OK, await PostLoginAsync(typed, "wrong-password"));
        Assert.Equal(HttpStatusCode.Redirect, await PostLoginAsync(Planning, DemoSeeder.DemoPassword));

        var admin = await app.SignedInAsync(Admin);
        Assert.Contains("/SignInLog", await admin.GetStringAsync("/"));
        var page = await admin.GetStringAsync("/SignInLog?q=" + Uri.EscapeDataString(typed));
        Assert.Contains(typed, page);
        Assert.Contains("登録のないアカウント", page);
        Assert.Contains("拒否", page);
        Assert.DoesNotContain(Planning, page);
        page = await admin.GetStringAsync("/SignInLog?kind=SignIn&q=kikaku");
        Assert.Contains(Planning, page);
        Assert.Contains("ローカルのパスワード", page);
        Assert.Contains("成功", page);
        Assert.DoesNotContain(typed, page);

        var planner = await app.SignedInAsync(Planning);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.GetAsync("/SignInLog")).StatusCode);

        var cleanup = app.Services.GetRequiredService<SignInLogCleanup>();
        Assert.Equal(1095, cleanup.RetentionDays);
        app.Clock.Advance(TimeSpan.FromDays(1094));
        await cleanup.RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, RecordsOf(typed));
        Assert.True(RecordsOf(Planning) >= 2);

        app.Clock.Advance(TimeSpan.FromDays(2));
        await cleanup.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, RecordsOf(typed));
        Assert.Equal(0, RecordsOf(Planning));
    }
}
