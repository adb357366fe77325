using System.Text.RegularExpressions;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.BrowserTests;

[Collection(nameof(AppServer))]
public class CycleTests(AppServer server)
{
    [Fact]
    public async Task Planning_sets_a_due_date_the_board_shows_it_overdue_and_the_head_is_reminded()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        CycleStage stage;
        int roadId;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var snapshot = await CycleSnapshot.LoadAsync(db, new OrgTree(await db.OrgUnits.AsNoTracking().ToListAsync()), 2026, today);
            var road = snapshot.Divisions.Single(d => d.Unit == "道路課");
            roadId = road.UnitId;
            // A published year's missing actuals are planning's to enter (issue 27), so the head's own stages are chosen.
            stage = road.Stages.Values.First(c => c.Stage != CycleStage.IndicatorActuals
                && (c.Stage.Owner() == StageOwner.UnitHead && c.Progress.Missing > 0 || c.Stage.Owner() == StageOwner.Unit && c.Progress.Missing > 0)).Stage;
            await db.Reminders.ExecuteDeleteAsync();
            await db.RaiseVersionsAsync([DataArea.Cycle]);
        }

        var planning = await server.SignedInPageAsync("kikaku@komaki.example");
        await planning.ClickAsync("a.dropdown-toggle:has-text('PDCA')");
        await planning.ClickAsync("a.dropdown-item:has-text('サイクルの日程')");
        await planning.FillAsync($"#due-{stage}", today.AddDays(-2).ToString("yyyy-MM-dd"));
        await planning.ClickAsync("button:has-text('日程を保存')");
        Assert.Contains("日程を保存しました", await planning.InnerTextAsync("[role=status]"));
        Assert.Contains("期限超過", await planning.InnerTextAsync($"tr[data-stage={stage}]"));

        await planning.ClickAsync("a.dropdown-toggle:has-text('PDCA')");
        await planning.ClickAsync("a.dropdown-item:has-text('PDCAボード')");
        var cell = planning.Locator($"tr[data-unit='{roadId}'] td[data-stage={stage}]");
        Assert.Contains("board-overdue", await cell.GetAttributeAsync("class"));
        Assert.Contains("期限超過", await cell.InnerTextAsync());

        await planning.GotoAsync(server.BaseUrl + "/Cycle/Calendar?year=2026");
        await planning.ClickAsync("button:has-text('今すぐ通知する')");
        Assert.Matches(new Regex(@"\d+件の通知を作成しました"), await planning.InnerTextAsync("[role=status]"));

        var head = await server.SignedInPageAsync("doro-kacho@komaki.example");
        Assert.Matches(new Regex(@"通知\s*\d+"), await head.InnerTextAsync("#reminder-badge"));
        await head.ClickAsync("#reminder-badge");
        var item = head.Locator("#reminders li", new() { HasText = stage.Label() });
        Assert.Contains("【期限超過】", await item.InnerTextAsync());
        Assert.Contains("を2日過ぎています", await item.InnerTextAsync());
        await head.ClickAsync("button:has-text('すべて既読にする')");
        Assert.Equal("通知", (await head.InnerTextAsync("#reminder-badge")).Trim());

        await head.ClickAsync("a.dropdown-toggle:has-text('PDCA')");
        await head.ClickAsync("a.dropdown-item:has-text('あなたの対応待ち')");
        Assert.Contains("期限超過 2日", await head.Locator($"#work-list tr[data-stage={stage}]").First.InnerTextAsync());
        await head.Context.CloseAsync();
        await planning.Context.CloseAsync();
    }
}
