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

    /// A stage's marks go to the confirmation page (kept as a draft on the way) and are fixed there.
    private static async Task ConfirmStageAsync(IPage page, string step, string sheet)
    {
        await page.ClickAsync($"#form-{step} #to-confirm");
        await page.WaitForSelectorAsync("#confirm-marks");
        await page.ClickAsync("#confirm");
        await page.WaitForURLAsync(sheet);
    }

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
        await ConfirmStageAsync(person, "SelfAssess", sheet);
        Assert.Equal("自己評価済", await StateAsync(person));

        await head.GotoAsync(sheet);
        await head.SelectOptionAsync("#CompetenceGrade", "B");
        await head.SelectOptionAsync("#PerformanceGrade", "B");
        await ConfirmStageAsync(head, "FirstEvaluate", sheet);
        Assert.Equal("一次評価済", await StateAsync(head));
        Assert.Contains("加重平均 3.00", await head.InnerTextAsync("#overall"));

        var chief = await server.SignedInPageAsync("toshi-bucho@komaki.example");
        await chief.GotoAsync(sheet);
        await chief.SelectOptionAsync("#CompetenceGrade", "B");
        await chief.SelectOptionAsync("#PerformanceGrade", "B");
        await ConfirmStageAsync(chief, "SecondEvaluate", sheet);
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

    /// A 部長's year, evaluated by the 副市長 (特別職): drafts saved and resumed by each holder, confirmed on a page that
    /// shows the weighted average beside the chosen grade; 人事課's adjustment with the reason disclosed and the internal
    /// note kept; the next year's design copied from this one; the payroll file listing every evaluation of the year.
    [Fact]
    public async Task A_department_chief_is_evaluated_by_the_deputy_mayor_from_drafts_to_the_payroll_file()
    {
        var division = await server.SignedInPageAsync("jinji@komaki.example");
        await division.GotoAsync(server.BaseUrl + "/Personnel/Division?year=2026");
        await division.ClickAsync("#special-link");
        Assert.Contains("大野 隆", await division.InnerTextAsync("#special"));

        var chief = await server.SignedInPageAsync("toshi-bucho@komaki.example");
        await chief.GotoAsync(server.BaseUrl + "/Personnel?year=2026");
        await chief.ClickAsync("#my-evaluation a");
        await chief.WaitForURLAsync(new Regex("/Personnel/\\d+$"));
        var sheet = chief.Url;
        Assert.Contains("大野 隆", await chief.InnerTextAsync("#sheet-head"));
        // The draft the demo left opens as it was; he finishes it over two sittings.
        Assert.Contains("一時保存した内容", await chief.InnerTextAsync("#draft-note"));
        foreach (var select in await chief.Locator("#form-SelfAssess select").AllAsync()) await select.SelectOptionAsync("B");
        await chief.ClickAsync("#save-draft");
        await chief.WaitForSelectorAsync("text=一時保存しました");
        Assert.Equal("中間面談済", await StateAsync(chief));
        await chief.ReloadAsync();
        foreach (var select in await chief.Locator("#form-SelfAssess select").AllAsync()) Assert.Equal("B", await select.InputValueAsync());
        foreach (var result in await chief.Locator("#form-SelfAssess textarea").AllAsync()) await result.FillAsync("主要事業を計画どおり進めた。");
        await chief.ClickAsync("#form-SelfAssess #to-confirm");
        Assert.Contains("加重平均 3.00", await chief.InnerTextAsync("#confirm-overall"));
        await chief.ClickAsync("#confirm");
        await chief.WaitForURLAsync(sheet);
        Assert.Equal("自己評価済", await StateAsync(chief));

        var deputy = await server.SignedInPageAsync("fukushicho@komaki.example");
        await deputy.GotoAsync(server.BaseUrl + "/Personnel?year=2026");
        await deputy.Locator("#to-evaluate a", new() { HasTextString = "建設 正人" }).ClickAsync();
        await deputy.WaitForURLAsync(sheet);
        foreach (var select in await deputy.Locator("#form-FirstEvaluate tbody select").AllAsync()) await select.SelectOptionAsync("A");
        await deputy.SelectOptionAsync("#CompetenceGrade", "A");
        await deputy.ClickAsync("#save-draft");
        await deputy.WaitForSelectorAsync("text=一時保存しました");
        await deputy.GotoAsync(sheet);
        Assert.Equal("A", await deputy.InputValueAsync("#CompetenceGrade"));
        await deputy.SelectOptionAsync("#PerformanceGrade", "B");
        await deputy.ClickAsync("#form-FirstEvaluate #to-confirm");
        var overall = await deputy.InnerTextAsync("#confirm-overall");
        Assert.Contains("加重平均 4.00", overall);
        Assert.Contains("最も近い評語（A）と違います", overall);
        await deputy.ClickAsync("#confirm");
        await deputy.WaitForURLAsync(sheet);
        Assert.Equal("一次評価済", await StateAsync(deputy));

        await division.GotoAsync(sheet);
        await division.SelectOptionAsync("#PerformanceGrade-c", "B");
        await division.FillAsync("#AdjustmentReason", "長寿命化計画の改定が翌年度に延びたことを業績評価に反映した。");
        await division.FillAsync("#AdjustmentNote", "部長級のA評語は目安の上限に達している。");
        await SubmitAsync(division, "Confirm");
        var consequences = await division.InnerTextAsync("#consequences");
        Assert.Contains("本人に開示する調整の理由: 長寿命化計画の改定", consequences);
        Assert.Contains("人事課内のメモ（開示しません）: 部長級のA評語", consequences);
        await division.ClickAsync("#confirm");
        await division.WaitForURLAsync(sheet);
        Assert.Contains("部長級のA評語は目安の上限", await division.InnerTextAsync("#adjustment-note"));
        await SubmitAsync(division, "Disclose");
        await division.ClickAsync("#confirm");
        await division.WaitForURLAsync(sheet);

        await chief.GotoAsync(sheet);
        var shown = await chief.InnerTextAsync("main");
        Assert.Contains("長寿命化計画の改定が翌年度に延びた", shown);
        Assert.DoesNotContain("目安の上限", shown);
        Assert.Contains("開示", await chief.InnerTextAsync("#disclosed-versions"));

        // Next year starts from this one.
        await division.GotoAsync(server.BaseUrl + "/Personnel/Division/Design/2027");
        await division.ClickAsync("#copy-previous button");
        await division.WaitForURLAsync(new Regex("/Design/2027$"));
        Assert.Contains("構想・判断", await division.InnerHTMLAsync("#criteria-form"));
        var rows = await division.Locator("#criteria-form tbody tr").CountAsync();
        await division.ClickAsync("#add-rows");
        Assert.Equal(rows + 5, await division.Locator("#criteria-form tbody tr").CountAsync());

        var csv = await (await division.APIRequest.GetAsync(server.BaseUrl + "/Personnel/Division/Payroll/2026")).TextAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("10001,建設 正人,2026,部長級,A,B,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("20001,市民 和子,2026,部長級,,,,未確定,", StringComparison.Ordinal));
        Assert.Equal(14, lines.Length);
    }
}
