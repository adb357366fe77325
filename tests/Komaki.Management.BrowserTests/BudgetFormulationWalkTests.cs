using System.Globalization;
using System.Text.RegularExpressions;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Implementation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Komaki.Management.BrowserTests;

/// 予算編成 in the browser, the way each role clicks through it: one 部 (都市建設部, through 道路課) goes through every stage
/// of a year nobody has formulated yet — the 財政課's policy, a request entered with the evaluation beside it, a check
/// refused without a reason and taken with one, 財政課査定, 市長査定, 内示, a 復活要求 answered, 復活査定 and 予算案 — and
/// the 評価の効き目 report then reconciles to the yen with the budget table.
[Collection(nameof(AppServer))]
public class BudgetFormulationWalkTests(AppServer server)
{
    private const int Year = 2028;

    [Fact]
    public async Task One_department_goes_through_every_stage_in_the_browser_and_the_effect_report_reconciles_with_the_budget_table()
    {
        int projectId, departmentId;
        long plan;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var road = await db.OrgUnits.SingleAsync(u => u.Name == "道路課");
            departmentId = road.ParentId!.Value;
            // The edition the request form reads its 実施計画 amount from. Another walk may have brought in a newer edition
            // planning only its own projects (ExcelRoundTripTests); then the road project is planned in it here, as the
            // 課 would have planned it.
            var edition = await new BudgetFormulationPages(db).PlanEditionIdAsync(Year) ?? throw new InvalidOperationException($"no 実施計画 edition plans {Year}");
            var roadProjects = await db.Projects.Where(p => p.OwnerUnitId == road.Id && p.RetiredAt == null && p.StartYear <= Year && (p.EndYear == null || p.EndYear >= Year))
                .OrderByDescending(p => p.Id).Select(p => p.Id).ToListAsync();
            var line = await db.ImplementationPlanLines.Where(l => l.ImplementationPlanId == edition && l.FiscalYear == Year && roadProjects.Contains(l.ProjectId) && l.Cost > 0)
                .OrderByDescending(l => l.ProjectId).FirstOrDefaultAsync();
            if (line is null)
            {
                line = new ImplementationPlanLine
                {
                    ImplementationPlanId = edition, ProjectId = roadProjects[0], FiscalYear = Year, Status = ImplementationStatus.Continuing,
                    Content = "橋りょうの計画的な補修", Cost = 48_000_000, Funding = Funding.None with { General = 48_000_000 },
                };
                db.ImplementationPlanLines.Add(line);
                await db.SaveChangesAsync();
            }
            (projectId, plan) = (line.ProjectId, line.Cost);
        }
        var over = plan / 1000 + 1_000;
        var finance = await server.SignedInPageAsync("zaisei@komaki.example", 1366, 768);

        // The 財政課 sets the year's policy: the default stages and their due dates.
        await finance.GotoAsync($"{server.BaseUrl}/BudgetFormulation?year={Year}");
        await finance.ClickAsync("a:has-text('予算編成方針・枠')");
        await finance.WaitForURLAsync(new Regex($"/BudgetFormulation/{Year}/Policy/Create$"));
        await finance.FillAsync("#Policy", "各部は一般財源の枠の内で要求し、評価で「縮小」とした事業は評価どおりに見直すこと。");
        await finance.ClickAsync("#policy-form button[type=submit]");
        await finance.WaitForURLAsync(new Regex($"/BudgetFormulation\\?year={Year}$"));

        // The 課 enters the request with the project's evaluation and the 実施計画's amount beside the form.
        var staff = await server.SignedInPageAsync("doro-tanto@komaki.example", 1366, 768);
        await staff.GotoAsync($"{server.BaseUrl}/BudgetFormulation/{Year}/Request/{projectId}");
        Assert.True(await staff.IsVisibleAsync("#evaluation-beside"));
        Assert.Contains(Amounts.Thousands(plan), await staff.InnerTextAsync("#plan-beside"));
        await FillAmountsAsync(staff, over, 10);
        await staff.FillAsync("#Reason", "老朽化した橋りょうの補修を前倒しする。");
        await staff.ClickAsync("#request-form button[type=submit]");
        await staff.WaitForURLAsync(new Regex($"/BudgetFormulation/{Year}/Lines/\\d+$"));
        var lineUrl = staff.Url;
        var requestId = int.Parse(lineUrl[(lineUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

        // The head submits; the request is above the 実施計画, so submitting without a reason is refused beside the field.
        var head = await server.SignedInPageAsync("doro-kacho@komaki.example", 1366, 768);
        await head.GotoAsync(lineUrl);
        await head.ClickAsync("#submit-request");
        Assert.Contains("実施計画の額", await head.InnerTextAsync("#findings"));
        await head.ClickAsync("#confirm");
        Assert.Contains("提出する理由を書いてください", await head.InnerTextAsync(".invalid-feedback"));
        Assert.EndsWith("/Submit", head.Url, StringComparison.Ordinal);
        await head.FillAsync("#Comment", "資材価格の上昇で、計画の額では補修が終わらないため。");
        await head.ClickAsync("#confirm");
        await head.WaitForURLAsync(lineUrl);
        Assert.Contains("要求", await head.InnerTextAsync("#stage-history tr[data-stage=Request]"));

        // 財政課査定: the 財政課 cuts the line with its reason, then commits the 部 — refused until the finding has a reason.
        await finance.GotoAsync(lineUrl);
        await finance.ClickAsync("a:has-text('財政課査定を入力')");
        await FillAmountsAsync(finance, over - 500, 10);
        await finance.FillAsync("#Reason", "単価を見直して減額する。");
        await finance.ClickAsync("#assess-form button[type=submit]");
        await finance.WaitForURLAsync(lineUrl);
        await CommitNextAsync(finance, departmentId, "財政課査定", requestId, refuseFirst: true);

        // 市長査定 by the mayor, then 内示 by the 財政課.
        var mayor = await server.SignedInPageAsync("shicho@komaki.example", 1366, 768);
        await CommitNextAsync(mayor, departmentId, "市長査定", requestId);
        await CommitNextAsync(finance, departmentId, "内示", requestId);

        // The head sees the 内示 and asks for part of the cut back; the 財政課 closes 復活要求 and answers it.
        await head.GotoAsync(lineUrl);
        Assert.Contains(Amounts.Thousands((over - 500) * 1000), await head.InnerTextAsync("#stage-history tr[data-stage=Notice]"));
        await head.ClickAsync("#restore");
        await head.FillAsync("#Amount", "300");
        await head.FillAsync("#Reason", "通学路の安全対策分は、減額されると今年度中に着手できない。");
        await head.ClickAsync("#restoration-form button[type=submit]");
        await head.WaitForURLAsync(lineUrl);
        await CommitNextAsync(finance, departmentId, "復活要求", requestId);
        await finance.GotoAsync($"{server.BaseUrl}/BudgetFormulation/{Year}/Department/{departmentId}");
        Assert.Contains("復活査定を確定する", await finance.InnerTextAsync("#commit-next"));
        await finance.ClickAsync("#restorations a:has-text('回答する')");
        await finance.FillAsync("#Granted", "200");
        await finance.FillAsync("#Answer", "通学路の安全対策分として200千円を認める。");
        await finance.ClickAsync("#answer-form button[type=submit]");
        await finance.WaitForURLAsync(lineUrl);
        Assert.Contains("認めた額 200 千円", await finance.InnerTextAsync("body"));
        await CommitNextAsync(finance, departmentId, "復活査定", requestId);
        await CommitNextAsync(finance, departmentId, "予算案", requestId);

        // The line's history is its seven stages, each kept with its amount.
        await head.GotoAsync(lineUrl);
        var history = await head.Locator("#stage-history tbody tr").AllInnerTextsAsync();
        Assert.Equal(7, history.Count);
        Assert.Equal(new[] { over, over - 500, over - 500, over - 500, over - 200, over - 300, over - 300 }.Select(t => Amounts.Thousands(t * 1000)),
            await head.Locator("#stage-history tbody tr td:nth-child(2)").AllInnerTextsAsync());

        // 評価の効き目 of the evaluations carried out in N = Year − 1, from N's budget into Year's: its totals are the budget table's to the yen, and the budget table's pages say the same.
        var planning = await server.SignedInPageAsync("kikaku@komaki.example", 1366, 768);
        await planning.GotoAsync($"{server.BaseUrl}/BudgetFormulation/Effect?year={Year - 1}");
        async Task<long> Total(string name) => long.Parse(await planning.GetAttributeAsync($"#effect-total td[data-{name}]", $"data-{name}") is { Length: > 0 } v ? v : "0", CultureInfo.InvariantCulture);
        var (baseTotal, requested, assessed, initial) = (await Total("base"), await Total("requested"), await Total("assessed"), await Total("initial"));
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(await db.BudgetLines.Where(b => b.FiscalYear == Year - 1).SumAsync(b => b.Initial ?? 0), baseTotal);
            Assert.Equal(await db.BudgetLines.Where(b => b.FiscalYear == Year).SumAsync(b => b.Requested ?? 0), requested);
            Assert.Equal(await db.BudgetLines.Where(b => b.FiscalYear == Year).SumAsync(b => b.Assessed ?? 0), assessed);
            Assert.Equal(await db.BudgetLines.Where(b => b.FiscalYear == Year).SumAsync(b => b.Initial ?? 0), initial);
            Assert.Equal((over - 300) * 1000, await db.BudgetLines.Where(b => b.FiscalYear == Year && b.ProjectId == projectId).Select(b => b.Assessed).SingleAsync());
        }
        var cityRows = await planning.Locator("#effect-city tbody td[data-requested]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.requested)");
        Assert.Equal(requested, cityRows.Sum(v => v.Length == 0 ? 0 : long.Parse(v, CultureInfo.InvariantCulture)));

        // 一般財源 to the yen: the city's requested 一般財源 is the requests' (their committed 要求), its assessed 一般財源 each
        // line's latest committed assessment, and the 部 walked here is what its 予算案 committed.
        var totalRow = await planning.InnerHTMLAsync("#effect-total");
        long? Yen(string html, string name) => Regex.Match(html, $"data-{name}=\"(-?\\d+)\"") is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var entries = await db.BudgetStageEntries.Where(e => e.Committed && db.BudgetRequests.Any(r => r.Id == e.BudgetRequestId && r.FiscalYear == Year))
                .Select(e => new { e.BudgetRequestId, e.Stage, e.Funding.General }).ToListAsync();
            BudgetStage[] assessing = [BudgetStage.FinanceAssessment, BudgetStage.MayorAssessment, BudgetStage.RestorationAssessment, BudgetStage.Proposal];
            Assert.Equal(entries.Where(e => e.Stage == BudgetStage.Request).Sum(e => e.General), Yen(totalRow, "requested-general"));
            Assert.Equal(entries.Where(e => assessing.Contains(e.Stage)).GroupBy(e => e.BudgetRequestId).Sum(g => g.MaxBy(e => e.Stage)!.General), Yen(totalRow, "assessed-general"));
            var proposal = await db.BudgetStageCommits.SingleAsync(c => c.FiscalYear == Year && c.Stage == BudgetStage.Proposal && c.DepartmentId == departmentId);
            var departmentName = (await db.OrgUnits.SingleAsync(u => u.Id == departmentId)).Name;
            var departmentGeneral = await planning.Locator("#effect-departments tbody tr").EvaluateAllAsync<string[]>(
                "(rows, name) => rows.filter(r => r.cells[0].textContent.trim() === name).map(r => r.cells[8].dataset.assessedGeneral || '')", departmentName);
            Assert.NotEmpty(departmentGeneral);
            Assert.Equal(proposal.General, departmentGeneral.Sum(v => v.Length == 0 ? 0 : long.Parse(v, CultureInfo.InvariantCulture)));
        }

        // 人工 to the evaluations: the demo's report of the evaluations carried out in 令和7年度 (令和6年度's projects, all
        // published) counts the 人工 of each published one of a project with a budget in either year, once.
        await planning.GotoAsync($"{server.BaseUrl}/BudgetFormulation/Effect?year=2025");
        var personYears = decimal.Parse(await planning.GetAttributeAsync("#effect-total td[data-person-years]", "data-person-years") ?? "", CultureInfo.InvariantCulture);
        var verdictRows = await planning.Locator("#effect-city tbody td[data-person-years]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.personYears)");
        Assert.Equal(personYears, verdictRows.Sum(v => decimal.Parse(v, CultureInfo.InvariantCulture)));
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var evaluated = await db.ProjectEvaluations.Where(e => e.FiscalYear == 2024 && e.State == Core.Evaluation.EvaluationState.Published
                && db.BudgetLines.Any(b => b.ProjectId == e.ProjectId && (b.FiscalYear == 2025 || b.FiscalYear == 2026))).Select(e => e.StaffPersonYears).ToListAsync();
            Assert.NotEmpty(evaluated);
            Assert.Equal(evaluated.Sum(), personYears);
        }
        await planning.GotoAsync($"{server.BaseUrl}/Budgets/{Year}/Comparison");
        var grand = await planning.Locator("#grand-total td.num").AllInnerTextsAsync();
        Assert.Equal(Amounts.Thousands(requested), grand[2]);
        Assert.Equal(Amounts.Thousands(assessed), grand[3]);
    }

    private static async Task FillAmountsAsync(IPage page, long expenditureThousands, long nationalThousands)
    {
        await page.FillAsync("#Expenditure", expenditureThousands.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#National", nationalThousands.ToString(CultureInfo.InvariantCulture));
        foreach (var field in new[] { "#Prefectural", "#Bonds", "#OtherSpecific" }) await page.FillAsync(field, "0");
        await page.FillAsync("#General", (expenditureThousands - nationalThousands).ToString(CultureInfo.InvariantCulture));
    }

    /// From the 部's page, the next stage's button, its confirmation page and — for a line against the 実施計画 — the reason.
    private async Task CommitNextAsync(IPage page, int departmentId, string stage, int requestId, bool refuseFirst = false)
    {
        var departmentUrl = $"{server.BaseUrl}/BudgetFormulation/{Year}/Department/{departmentId}";
        await page.GotoAsync(departmentUrl);
        Assert.Equal($"{stage}を確定する", (await page.InnerTextAsync("#commit-next")).Trim());
        await page.ClickAsync("#commit-next");
        Assert.Contains("確定すると、次のようになります", await page.InnerTextAsync("#consequences"));
        if (await page.Locator($"#reason-{requestId}").CountAsync() > 0)
        {
            if (refuseFirst)
            {
                await page.ClickAsync("#confirm");
                Assert.Contains("理由を書いてください", await page.InnerTextAsync(".invalid-feedback"));
                Assert.Contains("確定する", await page.InnerTextAsync("#confirm"));
            }
            await page.FillAsync($"#reason-{requestId}", $"{stage}: 橋りょうの点検結果から、補修の必要性を確かめた。");
        }
        else Assert.False(refuseFirst, $"{stage}: the line above the 実施計画 should ask for a reason");
        // The 部's active projects without a request: 予算案 asks why they are left out.
        if (await page.Locator("#unrequested-reason").CountAsync() > 0)
            await page.FillAsync("#unrequested-reason", $"{stage}: 要求のない事業は、既存の予算の中で行うことを確かめた。");
        await page.ClickAsync("#confirm");
        await page.WaitForURLAsync(departmentUrl);
        Assert.Contains($"{stage}を確定しました", await page.InnerTextAsync("body"));
    }
}
