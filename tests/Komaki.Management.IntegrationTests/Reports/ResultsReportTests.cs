using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Reports;

public class ResultsReportTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task The_results_report_of_a_settled_year_downloads_in_plan_order_with_totals_that_reconcile()
    {
        var client = await app.SignedInAsync("shicho@komaki.example");
        var response = await client.GetAsync("/Reports/Results/Export?year=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var wb = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var ws = wb.Worksheet("主要施策成果説明書");
        var rows = ws.RowsUsed().Where(r => r.RowNumber() > 3).Select(r => (Kind: r.Cell(1).GetString(), Code: r.Cell(2).GetString(), Amount: r.Cell(6).IsEmpty() ? (decimal?)null : r.Cell(6).GetValue<decimal>())).ToList();

        var expected = app.WithDb(db => db.BudgetLines.Where(b => b.FiscalYear == 2025 && b.Project!.StartYear <= 2025 && (b.Project.EndYear == null || b.Project.EndYear >= 2025))
            .Sum(b => b.Settled ?? 0)) / 1000m;
        Assert.Equal(expected, rows.Single(r => r.Kind == "総計").Amount);
        Assert.Equal(rows.Where(r => r.Kind == "合計").Sum(r => r.Amount), rows.Single(r => r.Kind == "総計").Amount);
        Assert.Equal(rows.Where(r => r.Kind == "事務事業").Sum(r => r.Amount ?? 0), rows.Single(r => r.Kind == "総計").Amount);
        // Each measure's subtotal is the sum of its projects above it.
        decimal running = 0;
        foreach (var r in rows)
        {
            if (r.Kind == "施策") running = 0;
            if (r.Kind == "事務事業") running += r.Amount ?? 0;
            if (r.Kind == "小計") Assert.Equal(running, r.Amount);
        }
        Assert.Equal(["1", "2", "3", "4", "5", "6"], rows.Where(r => r.Kind == "政策").Select(r => r.Code));
        Assert.Equal(30, rows.Count(r => r.Kind == "施策"));

        var html = await client.GetStringAsync("/Reports/Results?year=2025");
        Assert.Contains($"総計 {Core.Common.Amounts.Thousands((long)(expected * 1000))}千円", html);
    }
}

/// On screen the report shows one policy at a time (a large city's report runs to megabytes), with every policy
/// one click away and the city's total on each; print=all gives the whole report for paper.
public class ResultsReportPagingTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static List<string> Policies(string html) =>
        Regex.Matches(html, "<section class=\"results-policy print-page\">\\s*<h2 class=\"h4\"><span class=\"code\">([^<]+)</span>").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task One_policy_per_screen_with_links_to_the_others_and_all_of_them_for_printing()
    {
        var client = await app.SignedInAsync("kikaku@komaki.example");
        var first = await client.GetStringAsync("/Reports/Results?year=2025");
        Assert.Equal(["1"], Policies(first));
        var nav = Regex.Match(first, "<nav aria-label=\"政策\".*?</nav>", RegexOptions.Singleline).Value;
        Assert.Equal(6, Regex.Count(nav, "href=\"/Reports/Results\\?year=2025&amp;policy="));
        var total = Regex.Match(first, "id=\"grand-total\">[^<]+").Value;

        var third = await client.GetStringAsync("/Reports/Results?year=2025&policy=3");
        Assert.Equal(["3"], Policies(third));
        Assert.Contains(total, third);

        var all = await client.GetStringAsync("/Reports/Results?year=2025&print=all");
        Assert.Equal(["1", "2", "3", "4", "5", "6"], Policies(all));
        Assert.DoesNotContain("aria-label=\"政策\"", all);
    }
}

/// 「取組の成果」 is written from the year's results only; a project without any says 未記入 and is listed for planning
/// with what is missing — the plan's own text never stands in for a result.
public class ResultsReportWordingTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task A_project_without_results_reads_unwritten_and_is_listed_with_what_is_missing_while_plan_text_never_appears()
    {
        var (emptyCode, planText, doneCode) = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            var projects = db.Projects.Where(p => p.OwnerUnitId == road && p.RetiredAt == null).OrderBy(p => p.Code).Take(2).ToList();
            var empty = projects[0];
            db.ExecutionPlans.Where(e => e.ProjectId == empty.Id && e.FiscalYear == 2025).ExecuteDelete();
            db.ImprovementActions.Where(a => a.ProjectEvaluation!.ProjectId == empty.Id && a.FiscalYear == 2025).ExecuteDelete();
            db.ProjectEvaluations.Where(e => e.ProjectId == empty.Id && e.FiscalYear == 2025).ExecuteDelete();
            db.IndicatorValues.Where(v => v.Indicator!.ProjectId == empty.Id && v.FiscalYear == 2025).ExecuteUpdate(s => s.SetProperty(v => v.Actual, (decimal?)null));
            var line = db.ImplementationPlanLines.First(l => l.ProjectId == empty.Id && l.FiscalYear == 2025);
            line.Content = "市道の舗装補修を計画的に実施する。";
            var done = projects[1];
            var plan = db.ExecutionPlans.FirstOrDefault(e => e.ProjectId == done.Id && e.FiscalYear == 2025);
            if (plan is null) db.ExecutionPlans.Add(plan = new Core.Execution.ExecutionPlan { ProjectId = done.Id, FiscalYear = 2025, OwnerUnitId = road, Goal = "目標", Content = "内容" });
            (plan.YearEndStatus, plan.YearEndProgress) = (Core.Execution.ProgressStatus.Completed, "12路線の補修を年度内に終えた。");
            db.SaveChanges();
            return (empty.Code, line.Content, done.Code);
        });
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var html = await planning.GetStringAsync("/Reports/Results?year=2025&print=all");

        Assert.DoesNotContain(planText, html);
        var row = Regex.Match(html, $"<tr><td class=\"text-nowrap\"><span class=\"code\">{emptyCode}</span>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("not-written\">未記入</td>", row);
        var listed = Regex.Match(html, "<section[^>]*id=\"unwritten\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains(emptyCode, listed);
        Assert.Contains("事務事業評価", listed);
        Assert.Contains("の実績", listed);

        var doneRow = Regex.Match(html, $"<tr><td class=\"text-nowrap\"><span class=\"code\">{doneCode}</span>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("【実施結果】完了。12路線の補修を年度内に終えた。", doneRow);
        Assert.Contains("【指標】", doneRow);

        // The council's Excel says the same.
        using var wb = new XLWorkbook(new MemoryStream(await planning.GetByteArrayAsync("/Reports/Results/Export?year=2025")));
        var rows = wb.Worksheet(1).RowsUsed().Select(r => (Kind: r.Cell(1).GetString(), Code: r.Cell(2).GetString(), Text: r.Cell(5).GetString())).ToList();
        Assert.Equal("未記入", rows.Single(r => r.Kind == "事務事業" && r.Code == emptyCode).Text);
        Assert.DoesNotContain(rows, r => r.Text.Contains(planText));
    }
}
