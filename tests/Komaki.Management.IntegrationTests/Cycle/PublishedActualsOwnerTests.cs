using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Publishing;
using Komaki.Management.Web.Features.Cycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Cycle;

/// After a year's actuals are published the divisions cannot type the missing ones in: the PDCA board, the calendar,
/// what is due and the reminders then put them on planning, never on a division; withdrawn, they are the divisions'
/// again.
public class PublishedActualsOwnerTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const int Year = 2026;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    private static string BoardCell(string html, int unitId) =>
        Regex.Match(Regex.Match(html, $"<tr data-unit=\"{unitId}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value,
            $"<td class=\"num ([^\"]*)\" data-stage=\"{CycleStage.IndicatorActuals}\">(.*?)</td>", RegexOptions.Singleline).Value;

    /// Every active account with its roles, as the reminder sender reads them.
    private List<(string Id, string Email, Actor Actor)> Accounts() => app.WithDb(db => db.Users.AsNoTracking().Where(u => u.IsActive)
        .Select(u => new { u.Id, u.Email, u.UserName, u.OrgUnitId, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToList() })
        .ToList().Select(u => (u.Id, u.Email!, new Actor(u.UserName ?? "", u.Roles.ToHashSet(), u.OrgUnitId))).ToList());

    private async Task<(CycleSnapshot Snapshot, OrgTree Org)> SnapshotAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var org = new OrgTree(await db.OrgUnits.AsNoTracking().ToListAsync());
        return (await CycleSnapshot.LoadAsync(db, org, Year, Today), org);
    }

    private async Task<List<Reminder>> RemindAsync()
    {
        app.WithDb(db => db.Reminders.ExecuteDelete());
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReminderSender>().SendAsync(Today);
        return app.WithDb(db => db.Reminders.AsNoTracking().Where(r => r.Stage == CycleStage.IndicatorActuals && r.FiscalYear == Year).ToList());
    }

    [Fact]
    public async Task A_published_years_missing_actuals_are_on_planning_on_the_board_the_due_list_and_the_reminders_never_on_a_division()
    {
        var roadId = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            var project = db.Projects.Where(p => p.OwnerUnitId == road && p.RetiredAt == null).OrderBy(p => p.Code).First();
            var indicator = new Indicator { ProjectId = project.Id, Name = "公表までに入らなかった指標", Unit = "件", Kind = IndicatorKind.Activity, Direction = IndicatorDirection.HigherIsBetter, SortOrder = 98 };
            indicator.SetValue(Year - 1, 10, null);
            db.Indicators.Add(indicator);
            db.SaveChanges();
            return road;
        });
        Assert.True(app.WithDb(db => db.Publications.Any(p => p.Kind == PublicationKind.IndicatorActuals && p.FiscalYear == Year - 1)), "the demo publishes 令和7年度's actuals");
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var token = await KomakiFactory.TokenAsync(planning, $"/Cycle/Calendar?year={Year}");
        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync($"/Cycle/Calendar?year={Year}",
            KomakiFactory.Form(token, ("Due[0].Stage", nameof(CycleStage.IndicatorActuals)), ("Due[0].On", Today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))).StatusCode);

        // The board: the division's cell is not red and says the rest is planning's; the calendar names planning.
        var board = await planning.GetStringAsync($"/Board?year={Year}");
        var cell = BoardCell(board, roadId);
        Assert.Contains("board-planning", cell);
        Assert.DoesNotContain("board-overdue", cell);
        Assert.Contains("残りは企画課", cell);
        Assert.Contains("id=\"actuals-published\"", board);
        var calendar = await planning.GetStringAsync($"/Cycle/Calendar?year={Year}");
        Assert.Contains("（公表後の未入力）", Regex.Match(calendar, $"data-stage=\"{CycleStage.IndicatorActuals}\">.*?</tr>", RegexOptions.Singleline).Value);

        // Every division's cell, every account's due list and every reminder: none sends a division to the stage.
        var (snapshot, org) = await SnapshotAsync();
        Assert.True(snapshot.ActualsPublished);
        Assert.All(snapshot.Divisions, d => Assert.False(d.Stages[CycleStage.IndicatorActuals].Overdue, d.Unit));
        var accounts = Accounts();
        foreach (var (_, email, actor) in accounts)
        {
            var due = DueWork.For(actor, org, [snapshot]).Where(i => i.Stage == CycleStage.IndicatorActuals).ToList();
            if (actor.IsIn(Roles.Planning)) Assert.Contains(due.Single().Units, u => u.Division.UnitId == roadId);
            else Assert.True(due.Count == 0, $"{email} is sent to actuals of a published year");
        }
        var reminders = await RemindAsync();
        var planners = accounts.Where(a => a.Actor.IsIn(Roles.Planning)).Select(a => a.Id).ToHashSet();
        Assert.NotEmpty(reminders);
        Assert.All(reminders, r => Assert.Contains(r.UserId, planners));
        Assert.All(reminders, r => Assert.Contains("指標実績の入力（前年度）", r.Message, StringComparison.Ordinal));

        // Withdrawn, the year's actuals are the divisions' to enter again: red on the board, the head reminded.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Publications.Where(p => p.Kind == PublicationKind.IndicatorActuals && p.FiscalYear == Year - 1).ExecuteDeleteAsync();
            await db.RaiseVersionsAsync([DataArea.Publishing]);
        }
        Assert.Contains("board-overdue", BoardCell(await planning.GetStringAsync($"/Board?year={Year}"), roadId));
        var headId = accounts.Single(a => a.Email == "doro-kacho@komaki.example").Id;
        var again = await RemindAsync();
        Assert.True(again.Any(r => r.UserId == headId), string.Join(" / ", again.Select(r => $"{accounts.Single(a => a.Id == r.UserId).Email}: {r.Message}")));
    }
}
