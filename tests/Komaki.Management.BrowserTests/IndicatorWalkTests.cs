using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Komaki.Management.BrowserTests;

[Collection(nameof(AppServer))]
public class IndicatorWalkTests(AppServer server)
{
    [Fact]
    public async Task A_department_head_walks_the_tree_enters_an_actual_and_sees_the_achievement_change()
    {
        var page = await server.SignedInPageAsync("doro-kacho@komaki.example");
        Assert.Contains("道路 一郎", await page.InnerTextAsync("nav"));

        await page.ClickAsync("a.dropdown-toggle:has-text('計画')");
        await page.ClickAsync("a.dropdown-item:has-text('計画体系')");
        await page.ClickAsync("summary:has-text('道路・橋梁の整備')");
        // The tree loads a measure's projects when it is opened (a large city has thousands).
        var treeUrl = page.Url;
        await page.ClickAsync("details:has(> summary:has-text('道路・橋梁の整備')) a:has-text('件を表示')");
        await page.Locator("a:has-text('生活道路改良事業')").WaitForAsync();
        Assert.Equal(treeUrl, page.Url); // opened in place, the page not reloaded
        await page.ClickAsync("a:has-text('生活道路改良事業')");
        await page.WaitForURLAsync(new Regex("/Plan/Project/\\d+$"));
        Assert.Contains("都市建設部 道路課", await page.InnerTextAsync("dl"));

        var row2026 = page.Locator("tr", new PageLocatorOptions { HasText = "令和8年度 (2026)" }).First;
        Assert.Contains("実績未入力", await row2026.InnerTextAsync());
        var target = decimal.Parse((await row2026.Locator("td").Nth(0).InnerTextAsync()).Replace(",", ""));

        await page.ClickAsync("text=目標値・実績値を入力");
        await page.FillAsync("#actual-2026", (target * 2).ToString());
        await page.ClickAsync("button:has-text('保存する')");
        await page.WaitForURLAsync(new Regex("/Indicators/\\d+$"));

        Assert.Contains("目標値・実績値を保存しました", await page.InnerTextAsync("[role=status]"));
        var updated = page.Locator("tr", new PageLocatorOptions { HasText = "令和8年度 (2026)" }).First;
        var text = await updated.InnerTextAsync();
        Assert.Contains("200.0%", text);
        Assert.Contains("達成", text);
        Assert.DoesNotContain("実績未入力", text);
    }

    [Fact]
    public async Task A_department_head_sees_no_edit_button_on_another_units_project_and_the_url_is_refused()
    {
        var page = await server.SignedInPageAsync("doro-kacho@komaki.example");
        await page.GotoAsync(server.BaseUrl + "/PlanTree/Projects?q=" + Uri.EscapeDataString("防災訓練推進事業"));
        await page.ClickAsync("a:has-text('防災訓練推進事業')");
        Assert.Equal(0, await page.Locator("a:has-text('編集')").CountAsync());
        var response = await page.GotoAsync(page.Url + "/Edit");
        Assert.Equal(403, response!.Status);
        Assert.Contains("権限がありません", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task Pages_load_every_asset_from_the_app_itself_without_csp_violations()
    {
        var page = await server.SignedInPageAsync("admin@komaki.example");
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add(m.Text); };
        page.RequestFailed += (_, r) => problems.Add("failed: " + r.Url);
        page.Request += (_, r) => { if (!r.Url.StartsWith(server.BaseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) problems.Add("external: " + r.Url); };
        foreach (var path in new[] { "/", "/PlanTree", "/PlanTree/Projects", "/OrgUnits", "/Plans", "/Users", "/ImplementationPlans", "/ImplementationPlans/2026", "/ImplementationPlans/2026/Compare", "/Budgets", "/Budgets/2025/Comparison", "/ExecutionPlans", "/Imports/implementation-plan/2026/Upload", "/Manifesto", "/Goals", "/Goals/Board", "/Goals/Waiting", "/Personnel", "/CitizenInputs", "/Survey" })
        {
            var response = await page.GotoAsync(server.BaseUrl + path);
            Assert.Equal(200, response!.Status);
        }
        Assert.Empty(problems);
    }
}
