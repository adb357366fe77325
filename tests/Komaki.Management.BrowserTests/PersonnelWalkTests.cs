using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Komaki.Management.BrowserTests;

/// One person's 人事評価 year in the browser, each step by the one who takes it: 道路 三郎 writes goals from his unit's
/// goals and submits them; his 課長 agrees at the first interview, changes a goal at mid-year with the reason and
/// records the interview; he self-assesses; the 課長 and the 部長 evaluate; the personnel division adjusts against
/// the distribution, confirms and discloses; he sees the grade, acknowledges it, files a complaint that is answered.
[Collection(nameof(AppServer))]
public class PersonnelWalkTests(AppServer server)
{
    private static Task SubmitAsync(IPage page, string step) => page.ClickAsync($"#form-{step} button[type=submit]");

    private static async Task<string> StateAsync(IPage page) => await page.InnerTextAsync("#state");

    [Fact]
    public async Task A_person_s_year_goes_from_goals_to_an_answered_complaint()
    {
        var person = await server.SignedInPageAsync("doro-shuji@komaki.example");
        await person.GotoAsync(server.BaseUrl + "/Goals/Waiting");
        await person.Locator("#personnel-work tr", new() { HasTextString = "目標の提出" }).Locator("a").ClickAsync();
        await person.WaitForURLAsync(new Regex("/Personnel/\\d+$"));
        var sheet = person.Url;
        Assert.Equal("目標設定中", await StateAsync(person));

        await person.ClickAsync("#edit-goals");
        await person.FillAsync("#Goals_0_Title", "通学路の路面標示を更新する");
        await person.SelectOptionAsync("#Goals_0_Serves", new SelectOptionValue { Index = 1 });
        await person.FillAsync("#Goals_0_Target", "北部3校区の路面標示をすべて更新");
        await person.SelectOptionAsync("#Goals_0_Difficulty", "High");
        await person.FillAsync("#Goals_0_Weight", "60");
        await person.FillAsync("#Goals_1_Title", "補修依頼の受付を記録する");
        await person.FillAsync("#Goals_1_Target", "受付から回答まで平均7日以内");
        await person.FillAsync("#Goals_1_Weight", "30");
        await person.ClickAsync("#goals-form button[type=submit]");
        await person.WaitForURLAsync(sheet);
        // Weights that do not add up to 100 keep the goals from being submitted, with the reason.
        await SubmitAsync(person, "SubmitGoals");
        Assert.Contains("ウエイトの合計が90です", await person.InnerTextAsync("main"));
        await person.ClickAsync("#edit-goals");
        await person.FillAsync("#Goals_1_Weight", "40");
        await person.ClickAsync("#goals-form button[type=submit]");
        await SubmitAsync(person, "SubmitGoals");
        Assert.Equal("期首面談待ち", await StateAsync(person));

        var head = await server.SignedInPageAsync("doro-kacho@komaki.example");
        await head.GotoAsync(sheet);
        await head.FillAsync("#InterviewNote-AgreeGoals", "達成基準を校区ごとに確認することで合意。");
        await SubmitAsync(head, "AgreeGoals");
        Assert.Equal("目標合意済", await StateAsync(head));
        await head.ClickAsync("#edit-goals");
        await head.FillAsync("#Goals_1_Target", "受付から回答まで平均5日以内");
        await head.FillAsync("#ChangeReason", "受付システムの導入で処理が早くなったため、基準を引き上げた。");
        await head.ClickAsync("#goals-form button[type=submit]");
        await head.WaitForURLAsync(sheet);
        Assert.Contains("受付システムの導入で処理が早くなった", await head.InnerTextAsync("#goal-changes"));
        await head.FillAsync("#InterviewNote-MidYearInterview", "路面標示は2校区で完了。残る1校区は年明けに発注。");
        await SubmitAsync(head, "MidYearInterview");
        Assert.Equal("中間面談済", await StateAsync(head));

        await person.GotoAsync(sheet);
        foreach (var select in await person.Locator("#form-SelfAssess select").AllAsync()) await select.SelectOptionAsync("B");
        foreach (var result in await person.Locator("#form-SelfAssess textarea").AllAsync()) await result.FillAsync("達成基準どおりに進めた。");
        await SubmitAsync(person, "SelfAssess");
        Assert.Equal("自己評価済", await StateAsync(person));

        await head.GotoAsync(sheet);
        await head.SelectOptionAsync("#CompetenceGrade", "B");
        await head.SelectOptionAsync("#PerformanceGrade", "B");
        await SubmitAsync(head, "FirstEvaluate");
        Assert.Equal("一次評価済", await StateAsync(head));
        Assert.Contains("加重平均 3.00", await head.InnerTextAsync("#overall"));

        var chief = await server.SignedInPageAsync("toshi-bucho@komaki.example");
        await chief.GotoAsync(sheet);
        await chief.SelectOptionAsync("#CompetenceGrade", "B");
        await chief.SelectOptionAsync("#PerformanceGrade", "B");
        await SubmitAsync(chief, "SecondEvaluate");
        Assert.Equal("二次評価済", await StateAsync(chief));

        var division = await server.SignedInPageAsync("jinji@komaki.example");
        await division.GotoAsync(sheet);
        await division.SelectOptionAsync("#PerformanceGrade-c", "A");
        await SubmitAsync(division, "Confirm");
        Assert.Contains("調整の理由を書いてください", await division.InnerTextAsync("main"));
        await division.FillAsync("#AdjustmentReason", "部内の分布を確かめ、困難度の高い目標の達成を評価した。");
        await SubmitAsync(division, "Confirm");
        Assert.Contains("この評語が今年度の結果として確定し", await division.InnerTextAsync("#consequences"));
        await division.ClickAsync("#confirm");
        await division.WaitForURLAsync(sheet);
        Assert.Equal("調整・確認済", await StateAsync(division));
        await SubmitAsync(division, "Disclose");
        await division.ClickAsync("#confirm");
        await division.WaitForURLAsync(sheet);
        Assert.Equal("開示済", await StateAsync(division));

        await person.GotoAsync(sheet);
        Assert.Contains("A", await person.InnerTextAsync("#final-performance"));
        await SubmitAsync(person, "Acknowledge");
        Assert.Equal("本人確認済", await StateAsync(person));
        await person.FillAsync("#Complaint", "受付件数の増加が評価に含まれているか確認したい。");
        await SubmitAsync(person, "FileComplaint");
        Assert.Contains("回答待ち", await person.InnerTextAsync("#complaints"));

        await division.GotoAsync(server.BaseUrl + "/Goals/Waiting");
        await division.Locator("#personnel-work tr", new() { HasTextString = "道路 三郎" }).Locator("a").ClickAsync();
        await division.FillAsync("#Comment-answer", "一次評価者に確認し、受付件数の増加も含めて評価したことを説明しました。");
        await division.CheckAsync("#Outcome-Upheld");
        await SubmitAsync(division, "AnswerComplaint");
        await person.GotoAsync(sheet);
        Assert.Contains("評価を維持", await person.InnerTextAsync("#complaints"));
        var events = await person.InnerTextAsync("#events");
        foreach (var step in new[] { "目標の提出", "期首面談", "目標の変更", "中間面談", "自己評価", "一次評価", "二次評価", "調整・確認", "開示", "開示内容の確認", "苦情相談の申出", "苦情相談への回答" })
            Assert.Contains(step, events);
    }
}
