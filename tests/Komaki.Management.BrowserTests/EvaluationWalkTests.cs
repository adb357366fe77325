using System.Text.RegularExpressions;
using Komaki.Management.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.BrowserTests;

[Collection(nameof(AppServer))]
public class EvaluationWalkTests(AppServer server)
{
    [Fact]
    public async Task One_project_goes_from_the_departments_sheet_through_first_and_second_review_to_publication()
    {
        // A road division project, with the demo evaluation of the year cleared so the walk starts at the beginning.
        int projectId;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unit = await db.OrgUnits.SingleAsync(u => u.Name == "道路課");
            projectId = await db.Projects.Where(p => p.OwnerUnitId == unit.Id && p.RetiredAt == null).OrderByDescending(p => p.Code).Select(p => p.Id).FirstAsync();
            await db.ImprovementActions.Where(a => a.ProjectEvaluation!.ProjectId == projectId && a.FiscalYear == 2025).ExecuteDeleteAsync();
            await db.ProjectEvaluations.Where(e => e.ProjectId == projectId && e.FiscalYear == 2025).ExecuteDeleteAsync();
            await db.RaiseVersionsAsync([DataArea.Check]);
        }
        var head = await server.SignedInPageAsync("doro-kacho@komaki.example");
        await head.ClickAsync("a.dropdown-toggle:has-text('評価')");
        await head.ClickAsync("a.dropdown-item:has-text('事務事業評価')");
        await head.GotoAsync($"{server.BaseUrl}/Evaluations/2025/{projectId}");
        var settled = await head.InnerTextAsync("#settled");
        Assert.Matches(@"^[\d,]+$", settled);
        await head.ClickAsync("#start");
        await head.FillAsync("#StaffPersonYears", "0.8");
        await head.FillAsync("#PurposeTarget", "市道を通行する歩行者と車両");
        await head.FillAsync("#PurposeIntent", "安全に通行できる");
        foreach (var rating in new[] { "Necessity", "Effectiveness", "Efficiency", "Equity" })
        {
            await head.CheckAsync($"#{rating}-B");
            await head.FillAsync($"#{rating}Reason", "標準的な水準。");
        }
        await head.SelectOptionAsync("#FirstDirection", "Reduce");
        await head.FillAsync("#Improvement", "点検結果を地図で公開し、補修の優先順位を示す。");
        await head.ClickAsync("button:has-text('保存する')");
        await head.WaitForURLAsync(new Regex($"/Evaluations/2025/{projectId}$"));
        Assert.NotEqual("", await head.InnerTextAsync("#full-cost"));
        await head.ClickAsync("#do-firstreview");
        Assert.Contains("企画担当の二次評価に回ります", await head.InnerTextAsync("#consequences"));
        // The demo city evaluated from 令和6年度: the sheet's 令和5年度 has no 人件費, which the head confirms with a reason.
        Assert.Contains("令和5年度の人件費がありません", await head.InnerTextAsync("#findings"));
        await head.FillAsync("#Explanation", "令和5年度は評価を始める前で、人工の記録がない。");
        await head.ClickAsync("#confirm");
        await head.WaitForURLAsync(new Regex($"/Evaluations/2025/{projectId}$"));
        Assert.Equal("一次評価済", await head.InnerTextAsync("#state"));

        var planning = await server.SignedInPageAsync("kikaku@komaki.example");
        await planning.GotoAsync($"{server.BaseUrl}/Evaluations?year=2025&state=FirstReviewed");
        await planning.ClickAsync($"#evaluations a[href$='/Evaluations/2025/{projectId}']");
        await planning.ClickAsync("#do-secondreview");
        await planning.SelectOptionAsync("#SecondDirection", "Expand");
        await planning.ClickAsync("#confirm");
        Assert.Contains("一次評価と異なる方向性にするときは、その理由を入力してください。", await planning.InnerTextAsync("main"));
        await planning.SelectOptionAsync("#SecondDirection", "Expand");
        await planning.FillAsync("#SecondReason", "通学路対策と一体で進めるため拡大とする。");
        await planning.FillAsync("#Explanation", "令和5年度の人件費は記録がない（一次評価のとおり）。");
        await planning.ClickAsync("#confirm");
        await planning.WaitForURLAsync(new Regex($"/Evaluations/2025/{projectId}$"));
        Assert.Equal("二次評価済", await planning.InnerTextAsync("#state"));
        Assert.Contains("拡大（変更）", await planning.InnerTextAsync("#second-direction"));
        await planning.ClickAsync("#do-publish");
        Assert.Contains("公表は取り消せません", await planning.InnerTextAsync("#consequences"));
        await planning.ClickAsync("#confirm");
        await planning.WaitForURLAsync(new Regex($"/Evaluations/2025/{projectId}$"));
        Assert.Equal("公表済", await planning.InnerTextAsync("#state"));

        await head.GotoAsync($"{server.BaseUrl}/Evaluations/2025/{projectId}");
        Assert.Equal("公表済", await head.InnerTextAsync("#state"));
        Assert.Equal(0, await head.Locator("a:has-text('評価を入力')").CountAsync());

        // The changed direction opened an improvement; the head answers it with next year's plan line.
        await head.GotoAsync($"{server.BaseUrl}/Improvements?state=Open");
        await head.ClickAsync("#improvements a:has-text('点検結果を地図で公開し')");
        Assert.Equal("対応中", await head.InnerTextAsync("#state"));
        var option = await head.Locator("#planLineId option", new() { HasTextString = "令和8年度版 令和8年度" }).GetAttributeAsync("value");
        await head.SelectOptionAsync("#planLineId", option!);
        await head.FillAsync("#answer-note", "点検結果の公開を令和8年度の計画に盛り込んだ。");
        await head.ClickAsync("#do-answer");
        // The division proposes; someone outside it (planning) confirms.
        Assert.Equal("反映案の確認待ち", await head.InnerTextAsync("#state"));
        Assert.Equal(0, await head.Locator("#do-confirm").CountAsync());
        var improvement = head.Url;
        await planning.GotoAsync(improvement);
        await planning.ClickAsync("#do-confirm");
        Assert.Equal("計画・予算に反映", await planning.InnerTextAsync("#state"));
        Assert.Contains("令和8年度版 実施計画 令和8年度", await planning.InnerTextAsync("#answer"));
    }
}
