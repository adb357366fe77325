using System.Text.RegularExpressions;
using Komaki.Management.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Komaki.Management.BrowserTests;

/// A year of each cycle in the browser: a risk entered by the division, submitted by its head, found deficient by the
/// 評価部局, corrected from 対応待ち and counted in the report; a staffing request made from 対応待ち, assessed by the
/// personnel division and shown against the evaluations' 人工.
[Collection(nameof(AppServer))]
public class ControlWalkTests(AppServer server)
{
    [Fact]
    public async Task A_risk_goes_from_entry_to_a_corrected_deficiency_in_the_report()
    {
        var planning = await server.SignedInPageAsync("gyosei@komaki.example");
        await planning.GotoAsync(server.BaseUrl + "/Control/Report?year=2026");
        var correctedBefore = int.Parse(await planning.InnerTextAsync("[data-count=corrected]"));
        var risksBefore = int.Parse(await planning.InnerTextAsync("[data-count=risks]"));

        var staff = await server.SignedInPageAsync("doro-tanto@komaki.example");
        await staff.GotoAsync(server.BaseUrl + "/Control");
        await staff.ClickAsync("#new-risk");
        await staff.FillAsync("#Process", "除雪作業の委託");
        await staff.FillAsync("#Description", "出動の連絡が遅れ、通学路の除雪が間に合わない");
        await staff.FillAsync("#Cause", "連絡網が紙で、更新されていない");
        await staff.FillAsync("#ExistingControl", "年1回の連絡網の配布");
        await staff.SelectOptionAsync("#Likelihood", "2");
        await staff.SelectOptionAsync("#Impact", "3");
        await staff.FillAsync("#Measures", "連絡網を電子化し、毎月更新する");
        await staff.FillAsync("#Owner", "道路課長");
        await staff.FillAsync("#DueOn", "2027-01-31");
        await staff.ClickAsync("#risk-form button[type=submit]");
        await staff.WaitForURLAsync(new Regex("/Control/Risks/\\d+$"));
        var riskUrl = staff.Url;
        Assert.Contains("高", await staff.InnerTextAsync("#priority"));
        Assert.Equal(0, await staff.Locator("#submit-risk").CountAsync());

        var head = await server.SignedInPageAsync("doro-kacho@komaki.example");
        await head.GotoAsync(riskUrl);
        await head.ClickAsync("#submit-risk");
        Assert.Equal("提出済", await head.InnerTextAsync("#state"));

        var evaluator = await server.SignedInPageAsync("somu@komaki.example");
        await evaluator.GotoAsync(riskUrl);
        await evaluator.SelectOptionAsync("#DesignRating", "Deficient");
        await evaluator.FillAsync("#DesignEvidence", "連絡網の更新手順が定められていない");
        await evaluator.SelectOptionAsync("#OperationRating", "Effective");
        await evaluator.FillAsync("#OperationEvidence", "昨冬の出動記録5件を確認");
        await evaluator.ClickAsync("#evaluate button[type=submit]");
        Assert.Contains("不備の種類を選んでください。", await evaluator.InnerTextAsync("#evaluate"));
        await evaluator.SelectOptionAsync("#DeficiencyKind", "Design");
        await evaluator.FillAsync("#DeficiencyDescription", "連絡網の更新手順がない");
        await evaluator.FillAsync("#CorrectiveAction", "更新手順を定め、毎月の更新を記録する");
        await evaluator.FillAsync("#DeficiencyDue", "2026-12-25");
        await evaluator.ClickAsync("#evaluate button[type=submit]");
        Assert.Equal("評価済", await evaluator.InnerTextAsync("#state"));

        await head.GotoAsync(server.BaseUrl + "/Goals/Waiting");
        await head.Locator("#other-work tr", new() { HasTextString = "整備上の不備の是正" }).Last.Locator("a").ClickAsync();
        await head.Locator("#deficiencies input[name=correctionNote]").Last.FillAsync("更新手順を定め、11月分の更新を記録した");
        await head.Locator("#deficiencies button[type=submit]").Last.ClickAsync();
        Assert.Contains("是正済", await head.InnerTextAsync("#deficiencies"));

        await planning.GotoAsync(server.BaseUrl + "/Control/Report?year=2026");
        Assert.Equal(risksBefore + 1, int.Parse(await planning.InnerTextAsync("[data-count=risks]")));
        Assert.Equal(correctedBefore + 1, int.Parse(await planning.InnerTextAsync("[data-count=corrected]")));
    }

    [Fact]
    public async Task A_staffing_request_is_made_assessed_and_shown_against_the_person_years()
    {
        var chief = await server.SignedInPageAsync("toshi-bucho@komaki.example");
        await chief.GotoAsync(server.BaseUrl + "/Goals/Waiting");
        await chief.Locator("#other-work tr", new() { HasTextString = "交通政策課" }).Locator("a").ClickAsync();
        var requested = chief.Locator("#staffing-form input[name$='.Requested']").Last;
        var allocated = decimal.Parse(await chief.Locator("#staffing-form input[name$='.Allocated']").Last.InputValueAsync());
        await requested.FillAsync((allocated + 1).ToString());
        await chief.ClickAsync("#staffing-form button[type=submit]");
        Assert.Contains("理由を書いてください", await chief.InnerTextAsync("#staffing-form"));
        await chief.Locator("#staffing-form textarea[name$='.RequestReason']").Last.FillAsync("バス路線の再編で調整業務が増えるため。");
        await chief.ClickAsync("#staffing-form button[type=submit]");
        await chief.WaitForURLAsync(new Regex("/Staffing\\?"));

        var personnel = await server.SignedInPageAsync("jinji@komaki.example");
        await personnel.GotoAsync(server.BaseUrl + "/Goals/Waiting");
        await personnel.Locator("#other-work tr", new() { HasTextString = "交通政策課" }).Locator("a").ClickAsync();
        foreach (var input in await personnel.Locator("#staffing-form input[name$='.Assessed']").AllAsync())
            if (await input.IsEditableAsync()) await input.FillAsync(await input.EvaluateAsync<string>("e => e.closest('tr').querySelector(\"input[name$='.Requested']\").value"));
        await personnel.ClickAsync("#staffing-form button[type=submit]");
        await personnel.WaitForURLAsync(new Regex("/Staffing\\?"));
        Assert.Contains("査定済", await personnel.InnerTextAsync("#staffing"));

        await personnel.GotoAsync(server.BaseUrl + "/Staffing/Reconcile?year=2025");
        Assert.Matches(new Regex("差が許容を超える課：\\d+ / \\d+ 課"), await personnel.InnerTextAsync("#flagged-count"));
        Assert.Contains("許容超過", await personnel.InnerTextAsync("tr[data-flagged=true]"));
    }

    /// A 内部統制 year as the 推進部局 runs it: the coverage table shows 人事課 with no register and it is chased (the 課
    /// sees the chase); 環境対策課's head submits the whole register through its confirmation page; the 評価部局 confirms a
    /// 収税課 correction; the audit committee opens the register behind the written report from the report and reads it.
    [Fact]
    public async Task A_control_year_runs_from_the_coverage_table_to_the_audit_committee_reading_the_register()
    {
        var promotion = await server.SignedInPageAsync("gyosei@komaki.example");
        await promotion.GotoAsync(server.BaseUrl + "/Control?year=2026");
        Assert.Contains("全庁のリスクを表示しています", await promotion.InnerTextAsync("main"));
        var personnelRow = promotion.Locator("#coverage tr", new() { HasTextString = "人事課" });
        Assert.Contains("未着手", await personnelRow.InnerTextAsync());
        await personnelRow.Locator("button:has-text('督促する')").ClickAsync();
        await promotion.WaitForSelectorAsync("text=に督促しました");
        Assert.Contains("督促済", await promotion.Locator("#coverage tr", new() { HasTextString = "人事課" }).InnerTextAsync());
        await promotion.Locator("#coverage tr", new() { HasTextString = "人事課" }).Locator("a").ClickAsync();
        await promotion.WaitForURLAsync(new Regex("unitId=\\d+"));
        Assert.Contains("この年度のリスクはまだありません", await promotion.InnerTextAsync("#risks"));
        var personnel = await server.SignedInPageAsync("jinji@komaki.example");
        await personnel.GotoAsync(server.BaseUrl + "/Control?year=2026");
        Assert.Contains("推進部局から督促があります", await personnel.InnerTextAsync("#chases"));
        // The year's next step opens its confirmation page (what it fixes, the date); going back takes nothing.
        await promotion.GotoAsync(server.BaseUrl + "/Control?year=2026");
        await promotion.ClickAsync("#next-step a");
        await promotion.WaitForURLAsync(new Regex("/Control/Report/2026/Steps/\\w+$"));
        Assert.Contains("を記録します", await promotion.InnerTextAsync("#consequences"));
        Assert.Equal("date", await promotion.GetAttributeAsync("#confirm-form input[name=on]", "type"));
        await promotion.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "control-step-confirm.png"), FullPage = true });
        await promotion.ClickAsync("text=やめる");
        await promotion.WaitForURLAsync(new Regex("/Control\\?year=2026$"));

        var environment = await server.SignedInPageAsync("kankyo-kacho@komaki.example");
        await environment.GotoAsync(server.BaseUrl + "/Control?year=2026");
        Assert.Contains("記入期限（7月31日）を過ぎています", await environment.InnerTextAsync("#chases"));
        await environment.ClickAsync("#submit-register");
        var consequences = await environment.InnerTextAsync("#consequences");
        Assert.Contains("まとめて提出します", consequences);
        await environment.ClickAsync("#confirm");
        await environment.WaitForSelectorAsync("text=件を提出しました");
        Assert.DoesNotContain("記入中", await environment.InnerTextAsync("#risks tbody"));

        // 収税課 (no demo account) recorded its correction; the 評価部局 confirms it.
        int riskId;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var deficiency = await db.ControlDeficiencies.FirstAsync(d => d.CorrectedOn == null && d.CorrectionConfirmedOn == null && db.ControlRisks.Any(r => r.Id == d.ControlRiskId && r.FiscalYear == 2026 && r.Code.Contains("-02")));
            deficiency.CorrectedOn = new DateOnly(2026, 11, 27);
            deficiency.CorrectionNote = "照合結果に確認印の欄を設け、11月末に課長が点検した。";
            riskId = deficiency.ControlRiskId;
            await db.SaveChangesAsync();
        }
        var evaluation = await server.SignedInPageAsync("somu@komaki.example");
        await evaluation.GotoAsync($"{server.BaseUrl}/Control/Risks/{riskId}");
        Assert.Contains("評価部局の確認待ち", await evaluation.InnerTextAsync("#deficiencies"));
        await evaluation.ClickAsync("#deficiencies button:has-text('是正を確認する')");
        await evaluation.WaitForSelectorAsync("[data-correction=confirmed]");
        Assert.Contains("総務 評価", await evaluation.InnerTextAsync("[data-correction=confirmed]"));

        var auditor = await server.SignedInPageAsync("kansa@komaki.example");
        await auditor.GotoAsync(server.BaseUrl + "/Control/Report?year=2025");
        await auditor.ClickAsync("#read-register");
        await auditor.WaitForURLAsync(new Regex("/Control\\?year=2025"));
        Assert.Contains("R25-", await auditor.InnerTextAsync("#risks"));
        Assert.Equal(0, await auditor.Locator("#new-risk").CountAsync());
        await auditor.Locator("#risks a").First.ClickAsync();
        await auditor.WaitForURLAsync(new Regex("/Control/Risks/\\d+$"));
        Assert.Equal(0, await auditor.Locator("#submit-risk, #evaluate, a[href$='/Edit']").CountAsync());
    }
}
