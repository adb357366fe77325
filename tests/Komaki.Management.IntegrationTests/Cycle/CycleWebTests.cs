using Moq;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Features.Cycle;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Cycle;

public class CycleWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Planning = "kikaku@komaki.example";
    private const string RoadHead = "doro-kacho@komaki.example";
    private const int Year = 2026;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    private async Task<(int RoadId, CycleStage Stage, int Missing)> RoadStageWithWorkLeftAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var org = new OrgTree(await db.OrgUnits.AsNoTracking().ToListAsync());
        // The demo's road division has filed its mid-year progress; one report taken back leaves it work of its own.
        var roadUnit = await db.OrgUnits.Where(u => u.Name == "道路課").Select(u => u.Id).SingleAsync();
        var plan = await db.ExecutionPlans.Where(e => e.FiscalYear == Year && e.OwnerUnitId == roadUnit).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        await db.ExecutionPlans.Where(e => e.Id == plan).ExecuteUpdateAsync(u => u.SetProperty(e => e.MidYearStatus, (Core.Execution.ProgressStatus?)null).SetProperty(e => e.MidYearProgress, (string?)null));
        await db.RaiseVersionsAsync([DataArea.Do]);
        var snapshot = await CycleSnapshot.LoadAsync(db, org, Year, Today);
        var road = snapshot.Divisions.Single(d => d.Unit == "道路課");
        // A published year's missing actuals are planning's (StageCell.Planning): the division's own stages are chosen.
        // A goal counts as missing at every goal stage it has not passed, but is listed once, at its next step: the
        // row count below is compared where the two agree, so the later goal stages are left out.
        var cell = road.Stages.Values.First(c => c.Stage.Owner() is StageOwner.Unit or StageOwner.UnitHead && c.Progress.Missing > 0 && !c.Planning
            && c.Stage is not (CycleStage.GoalsAgreed or CycleStage.GoalsAssessed));
        return (road.UnitId, cell.Stage, cell.Progress.Missing);
    }

    private static async Task SetDueAsync(HttpClient planning, CycleStage stage, DateOnly due)
    {
        var token = await KomakiFactory.TokenAsync(planning, $"/Cycle/Calendar?year={Year}");
        var response = await planning.PostAsync($"/Cycle/Calendar?year={Year}", KomakiFactory.Form(token, ("Due[0].Stage", stage.ToString()), ("Due[0].On", due.ToString("yyyy-MM-dd"))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static string BoardCell(string html, int unitId, CycleStage stage) =>
        Regex.Match(html, $"<tr data-unit=\"{unitId}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value is var row
            ? Regex.Match(row, $"<td class=\"num ([^\"]*)\" data-stage=\"{stage}\">").Groups[1].Value
            : "";

    [Fact]
    public async Task A_due_date_set_by_planning_makes_unfinished_work_stand_out_and_reach_its_owner()
    {
        var (roadId, stage, missing) = await RoadStageWithWorkLeftAsync();
        var planning = await app.SignedInAsync(Planning);

        await SetDueAsync(planning, stage, Today.AddDays(20));
        // Not yet due: no red frame, and nothing done reads neutral rather than 未着手 pink.
        Assert.Matches("^board-(part|notdue)$", BoardCell(await planning.GetStringAsync($"/Board?year={Year}"), roadId, stage));

        await SetDueAsync(planning, stage, Today.AddDays(-3));
        // Overdue: the colour of how much is done stays, with the red frame added.
        Assert.Matches("^board-(part|none) board-overdue$", BoardCell(await planning.GetStringAsync($"/Board?year={Year}"), roadId, stage));
        var calendar = await planning.GetStringAsync($"/Cycle/Calendar?year={Year}");
        Assert.Matches($"<tr class=\"table-danger\" data-stage=\"{stage}\">", calendar);

        // The head of the road division finds it in 「対応待ち」: one overdue row per record left, each opening its form —
        // except actuals of a year already published (the demo's 令和7年度), which planning enters as 未入力.
        var head = await app.SignedInAsync(RoadHead);
        var reader = stage == CycleStage.IndicatorActuals ? planning : head;
        var waiting = await reader.GetStringAsync("/Goals/Waiting");
        var rows = Regex.Matches(waiting, $"<tr class=\"table-danger\" data-stage=\"{stage}\" data-kind=\"\\w+\">(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .Where(r => r.Contains("道路課", StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count == missing, $"{stage}: {rows.Count} rows for {missing} left");
        Assert.All(rows, r => Assert.Contains("期限超過 3日", r));
        Assert.All(rows, r => Assert.Contains("道路課", r));
        Assert.All(rows, r => Assert.Matches("class=\"btn btn-sm btn-danger work-link\" href=\"/[^\"]+\"", r));

        // A reminder goes to the head (and not twice in a week), and only its owner can mark it read.
        app.WithDb(db => db.Reminders.ExecuteDelete());
        var token = await KomakiFactory.TokenAsync(planning, $"/Cycle/Calendar?year={Year}");
        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync($"/Cycle/Remind?year={Year}", KomakiFactory.Form(token))).StatusCode);
        var headId = app.WithDb(db => db.Users.Single(u => u.Email == RoadHead).Id);
        var reminders = app.WithDb(db => db.Reminders.Where(r => r.UserId == headId && r.Stage == stage && r.FiscalYear == Year).ToList());
        var reminder = Assert.Single(reminders);
        Assert.True(reminder.Message.Contains($"「{stage.Label()}」: 期限（{Wareki.Date(Today.AddDays(-3))}）を3日過ぎています"), reminder.Message);
        var unread = app.WithDb(db => db.Reminders.Count(r => r.UserId == headId && r.ReadAt == null));
        var home = await head.GetStringAsync("/");
        Assert.True(home.Contains($">{unread}<span class=\"visually-hidden\">件の未読"), Regex.Match(home, "reminder-badge.{0,300}", RegexOptions.Singleline).Value + " unread=" + unread);
        Assert.Contains(reminder.Message, await head.GetStringAsync("/Reminders"));

        token = await KomakiFactory.TokenAsync(planning, $"/Cycle/Calendar?year={Year}");
        await planning.PostAsync($"/Cycle/Remind?year={Year}", KomakiFactory.Form(token));
        Assert.Single(app.WithDb(db => db.Reminders.Where(r => r.UserId == headId && r.Stage == stage && r.FiscalYear == Year).ToList()));

        var otherToken = await KomakiFactory.TokenAsync(planning, "/Reminders");
        await planning.PostAsync($"/Reminders/Read?id={reminder.Id}", KomakiFactory.Form(otherToken));
        Assert.Null(app.WithDb(db => db.Reminders.Single(r => r.Id == reminder.Id).ReadAt));
        var headToken = await KomakiFactory.TokenAsync(head, "/Reminders");
        await head.PostAsync($"/Reminders/Read?id={reminder.Id}", KomakiFactory.Form(headToken));
        Assert.NotNull(app.WithDb(db => db.Reminders.Single(r => r.Id == reminder.Id).ReadAt));
    }

    private async Task<(IServiceScope Scope, ReminderSender Sender, AppDbContext Db, CycleStage Stage)> WithMailerAsync(WebApplicationFactory<Program> withMail)
    {
        var scope = withMail.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (_, stage, _) = await RoadStageWithWorkLeftAsync();
        var deadline = await db.CycleDeadlines.FirstOrDefaultAsync(d => d.FiscalYear == Year && d.Stage == stage);
        if (deadline is null) db.CycleDeadlines.Add(new CycleDeadline { FiscalYear = Year, Stage = stage, DueOn = Today.AddDays(2) });
        else deadline.DueOn = Today.AddDays(2);
        await db.Reminders.ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        return (scope, scope.ServiceProvider.GetRequiredService<ReminderSender>(), db, stage);
    }

    [Fact]
    public async Task Reminders_are_mailed_when_a_mail_server_is_configured()
    {
        // The mail transport is the edge replaced here; the database is the real one.
        var mailer = new Mock<IReminderMailer>();
        mailer.SetupGet(m => m.IsConfigured).Returns(true);
        using var withMail = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(mailer.Object)));
        var (scope, sender, db, stage) = await WithMailerAsync(withMail);
        using var _ = scope;

        var run = await sender.SendAsync(Today);

        Assert.True(run.Created > 0);
        Assert.Equal(run.Created, run.Mailed);
        mailer.Verify(m => m.SendAsync(RoadHead, It.Is<string>(s => s.Contains(stage.Label())), It.Is<string>(b => b.Contains("あと2日")), It.IsAny<CancellationToken>()), Times.Once);
        Assert.All(await db.Reminders.ToListAsync(), r => Assert.True(r.Mailed));
    }

    [Fact]
    public async Task A_mail_server_that_refuses_leaves_the_reminders_in_the_app_and_counts_the_failures()
    {
        var mailer = new Mock<IReminderMailer>();
        mailer.SetupGet(m => m.IsConfigured).Returns(true);
        mailer.Setup(m => m.SendAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ReminderMailException("メールを送れませんでした", new IOException("connection refused")));
        using var withMail = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(mailer.Object)));
        var (scope, sender, db, _) = await WithMailerAsync(withMail);
        using var _ = scope;

        var run = await sender.SendAsync(Today);

        Assert.True(run.Created > 0);
        Assert.Equal((0, run.Created), (run.Mailed, run.MailFailed));
        Assert.Equal(run.Created, await db.Reminders.CountAsync(r => !r.Mailed));
    }

    [Fact]
    public void The_reminder_mail_says_who_from_and_to_with_the_japanese_subject_intact()
    {
        var message = MailKitReminderMailer.Message("keiei@city.komaki.example", "doro-kacho@komaki.example", "【自治体経営システム】予算要求の期限", "期限は令和8年10月31日です。");
        Assert.Equal("keiei@city.komaki.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("doro-kacho@komaki.example", message.To.Mailboxes.Single().Address);
        Assert.Equal("【自治体経営システム】予算要求の期限", message.Subject);
        Assert.Equal("期限は令和8年10月31日です。", message.TextBody);
        Assert.False(new MailKitReminderMailer(Microsoft.Extensions.Options.Options.Create(new SmtpOptions())).IsConfigured);
    }

    /// The calendar binds a list of rows that carry their stage: a stage sent twice is refused beside its field, not
    /// decided by whichever row came last.
    [Fact]
    public async Task A_stage_sent_twice_is_refused_and_nothing_is_saved()
    {
        var planning = await app.SignedInAsync(Planning);
        var token = await KomakiFactory.TokenAsync(planning, $"/Cycle/Calendar?year={Year}");
        var before = app.WithDb(db => db.CycleDeadlines.Where(d => d.FiscalYear == Year).OrderBy(d => d.Id).Select(d => $"{d.Stage}:{d.DueOn}").ToList());
        var twice = await planning.PostAsync($"/Cycle/Calendar?year={Year}", KomakiFactory.Form(token,
            ("Due[0].Stage", "PlanEntry"), ("Due[0].On", "2025-08-20"), ("Due[1].Stage", "PlanEntry"), ("Due[1].On", "2025-08-31")));
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("の期限が二つ送られました。一つの段階に期限は一つです。", await twice.Content.ReadAsStringAsync());
        Assert.Equal(before, app.WithDb(db => db.CycleDeadlines.Where(d => d.FiscalYear == Year).OrderBy(d => d.Id).Select(d => $"{d.Stage}:{d.DueOn}").ToList()));
    }

    [Fact]
    public async Task Only_planning_sets_the_calendar_and_a_bad_date_is_refused_beside_its_field()
    {
        var planning = await app.SignedInAsync(Planning);
        var token = await KomakiFactory.TokenAsync(planning, $"/Cycle/Calendar?year={Year}");
        var before = app.WithDb(db => db.CycleDeadlines.Count());
        var bad = await planning.PostAsync($"/Cycle/Calendar?year={Year}", KomakiFactory.Form(token, ("Due[0].Stage", "PlanEntry"), ("Due[0].On", "2031-08-31"), ("Due[1].Stage", "BudgetRequest"), ("Due[1].On", "2025-10-31")));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("実施計画の事業登録の期限は2024年から2028年の日付にしてください。", html);
        Assert.Contains("value=\"2031-08-31\"", html);
        Assert.Equal(before, app.WithDb(db => db.CycleDeadlines.Count()));

        // A year no page can be about is a 404, not an error.
        foreach (var url in new[] { "/Board?year=0", "/Board?year=99999", "/Cycle/Calendar?year=0" }) Assert.Equal(HttpStatusCode.NotFound, (await planning.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await planning.PostAsync("/Cycle/Calendar?year=10000", KomakiFactory.Form(token, ("Due[0].Stage", "PlanEntry"), ("Due[0].On", "2026-08-31")))).StatusCode);

        var head = await app.SignedInAsync(RoadHead);
        var headPage = await head.GetStringAsync($"/Cycle/Calendar?year={Year}");
        Assert.DoesNotContain("日程を保存", headPage);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/Cycle/Calendar?year={Year}", KomakiFactory.Form(KomakiFactory.TokenIn(await head.GetStringAsync("/Reminders")), ("Due[0].Stage", "PlanEntry"), ("Due[0].On", "2025-08-31")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/Cycle/Remind?year={Year}", KomakiFactory.Form(KomakiFactory.TokenIn(await head.GetStringAsync("/Reminders"))))).StatusCode);
    }
}
