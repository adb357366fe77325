using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Komaki.Management.BrowserTests;

[Collection(nameof(AppServer))]
public class GoalWorkflowTests(AppServer server)
{
    [Fact]
    public async Task A_department_head_drafts_and_submits_the_mayor_agrees_and_the_head_later_reviews_and_self_assesses()
    {
        var head = await server.SignedInPageAsync("doro-kacho@komaki.example");
        await head.ClickAsync("a.dropdown-toggle:has-text('組織目標')");
        await head.ClickAsync("a.dropdown-item:has-text('組織目標')");
        await head.ClickAsync("a:has-text('目標を作成')");
        await head.FillAsync("#Title", "橋梁の点検結果に基づく補修を前倒しする");
        await head.FillAsync("#Reason", "早期に補修が必要な橋が12橋残っている。");
        await head.FillAsync("#MeasureCodes", "6-2");
        await head.FillAsync("#ind-name-0", "補修に着手した橋");
        await head.FillAsync("#ind-unit-0", "橋");
        await head.FillAsync("#ind-target-0", "8");
        await head.FillAsync("#step-action-0", "補修設計");
        // The schedule is left out: the form says so beside the field and keeps what was typed.
        await head.ClickAsync("button:has-text('下書きを保存する')");
        Assert.Contains("時期を入力してください", await head.InnerTextAsync(".invalid-feedback"));
        Assert.Equal("橋梁の点検結果に基づく補修を前倒しする", await head.InputValueAsync("#Title"));
        await head.FillAsync("#step-schedule-0", "5月〜8月");
        await head.ClickAsync("button:has-text('下書きを保存する')");
        await head.WaitForURLAsync(new Regex("/Goals/\\d+$"));
        var goalUrl = head.Url;
        Assert.Contains("下書き", await head.InnerTextAsync("dl"));

        await head.ClickAsync("#do-submitted");
        Assert.Contains("ヒアリングに回ります", await head.InnerTextAsync("#consequences"));
        await head.ClickAsync("#confirm");
        await head.WaitForURLAsync(new Regex("/Goals/\\d+$"));
        Assert.Contains("提出済", await head.InnerTextAsync("dl"));
        Assert.Equal(0, await head.Locator("#do-selfassessed").CountAsync());

        var mayor = await server.SignedInPageAsync("shicho@komaki.example");
        await mayor.GotoAsync(server.BaseUrl + "/Goals/Waiting");
        await mayor.Locator("#work-list tr", new() { HasTextString = "橋梁の点検結果に基づく補修を前倒しする" }).Locator("a.work-link").ClickAsync();
        await mayor.FillAsync("#comment-Agreed", "防災の観点からも重要。進めてください。");
        await mayor.ClickAsync("#do-agreed");
        Assert.Contains("合意済", await mayor.InnerTextAsync("dl"));

        await head.GotoAsync(goalUrl);
        Assert.Contains("防災の観点からも重要。進めてください。", await head.InnerTextAsync("#events"));
        await head.FillAsync("#MidYearReview", "5橋で設計が終わった。");
        await head.ClickAsync("#do-midyearreviewed");
        Assert.Contains("中間確認済", await head.InnerTextAsync("dl"));
        await head.FillAsync("#actual-0", "9");
        await head.SelectOptionAsync("#Grade", "A");
        await head.FillAsync("#GradeEvidence", "目標の8橋を上回る9橋で補修に着手した。");
        await head.ClickAsync("#do-selfassessed");
        var body = await head.InnerTextAsync("main");
        Assert.Contains("自己評価済", body);
        Assert.Contains("A（目標を上回った）", body);
        Assert.Contains("9 橋", body);

        var planning = await server.SignedInPageAsync("kikaku@komaki.example");
        await planning.GotoAsync(server.BaseUrl + "/Goals/Waiting");
        Assert.Contains("橋梁の点検結果に基づく補修を前倒しする", await planning.InnerTextAsync("#work-list"));
    }

    [Fact]
    public async Task Planning_finds_a_promise_with_no_home_and_links_it_to_a_measure()
    {
        var page = await server.SignedInPageAsync("kikaku@komaki.example");
        await page.GotoAsync(server.BaseUrl + "/Manifesto");
        await page.ClickAsync("#coverage-unlinked");
        await page.ClickAsync("#matrix a:has-text('フレイル予防の全市展開')");
        await page.SelectOptionAsync("#level", "Measure");
        await page.FillAsync("#code", "2-3");
        await page.ClickAsync("button:has-text('結び付ける')");
        Assert.Contains("高齢者福祉の充実", await page.InnerTextAsync("#links"));
        Assert.Contains("反映済", await page.InnerTextAsync("h1"));
        await page.GotoAsync(server.BaseUrl + "/Manifesto?coverage=Unlinked");
        Assert.DoesNotContain("フレイル予防の全市展開", await page.InnerTextAsync("main"));
    }
}
