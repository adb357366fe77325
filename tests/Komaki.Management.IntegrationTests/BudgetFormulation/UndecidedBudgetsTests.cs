using System.Net;
using Komaki.Management.Core;
using Komaki.Management.Core.BudgetFormulation;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// While a year is under 予算編成 (the demo city's 令和9年度, 市長査定 under way), a 課's 要求額 and 査定額 are read as
/// requests are (UndecidedBudgets: the 課 and its 部, the 財政課, planning, the executives) on every page and export
/// that shows them outside 予算編成 — until the 部's 予算案 is committed. A 課's staff of another 部 crawls them all.
/// The amounts are made so large that any sum holding them starts with their digits (「7,777,」「6,666,」).
public sealed class UndecidedBudgetsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const int Year = 2027;
    private const long Requested = 7_777_777_777_000_000;
    private const long Assessed = 6_666_666_666_000_000;
    private static readonly string[] Marks = ["7,777,", "6,666,", "7777777777", "6666666666"];

    /// A project of another 部 than the 道路課's, with a line of the year whose 部 has no 予算案 yet, given the marked amounts.
    private (int Project, string Code, int Line, int Department, int Request) Marked() => app.WithDb(db =>
    {
        Assert.True(db.BudgetRounds.Any(r => r.FiscalYear == Year));
        var units = db.OrgUnits.AsNoTracking().ToList();
        int DepartmentOf(int id) { var u = units.Single(x => x.Id == id); while (u.ParentId is int p && u.Level != Core.Organization.OrgUnitLevel.Department) u = units.Single(x => x.Id == p); return u.Id; }
        var road = DepartmentOf(units.Single(u => u.Name == "道路課").Id);
        var decided = db.BudgetStageCommits.Where(c => c.FiscalYear == Year && c.Stage == BudgetStage.Proposal).Select(c => c.DepartmentId).ToList();
        var line = db.BudgetLines.Include(b => b.Project).Where(b => b.FiscalYear == Year && b.Requested != null && db.BudgetRequests.Any(r => r.FiscalYear == Year && r.ProjectId == b.ProjectId))
            .OrderBy(b => b.ProjectId).AsEnumerable()
            .First(b => DepartmentOf(b.Project!.OwnerUnitId) != road && !decided.Contains(DepartmentOf(b.Project.OwnerUnitId)));
        if (line.Requested != Requested)
        {
            (line.Requested, line.Assessed) = (Requested, Assessed);
            db.SaveChanges();
        }
        var request = db.BudgetRequests.Single(r => r.FiscalYear == Year && r.ProjectId == line.ProjectId).Id;
        return (line.ProjectId, line.Project!.Code, line.Id, DepartmentOf(line.Project.OwnerUnitId), request);
    });

    /// Every page outside 予算編成 that shows a project's 要求額 or 査定額, and 予算編成's own pages and exports.
    private List<string> Pages((int Project, string Code, int Line, int Department, int Request) m)
    {
        var projects = app.WithDb(db => db.Projects.Count());
        var pages = Enumerable.Range(1, projects / Web.Features.Budgets.BudgetsController.PageSize + 1).Select(p => $"/Budgets?year={Year}&unitId=0&page={p}").ToList();
        pages.AddRange([
            $"/Budgets?year={Year}&unitId=0&q={Uri.EscapeDataString(m.Code)}", $"/Budgets?year={Year}&unitId=0",
            $"/Budgets/{Year}/Comparison?by=Measure", $"/Budgets/{Year}/Comparison?by=Policy", $"/Budgets/{Year}/Comparison?by=Department",
            $"/Budgets/{Year}/{m.Project}", $"/Plan/Project/{m.Project}", $"/History/BudgetLine/{m.Line}",
            $"/BudgetFormulation?year={Year}", $"/BudgetFormulation/{Year}/Compare", $"/BudgetFormulation/{Year}/Compare?from=Request&to=FinanceAssessment",
            $"/BudgetFormulation/{Year}/Department/{m.Department}", $"/BudgetFormulation/{Year}/Lines/{m.Request}", $"/BudgetFormulation/{Year}/Chousho/{m.Department}",
            $"/BudgetFormulation/{Year}/Compare/Excel", $"/Imports/{BudgetRequestImport.Kind}/{Year}/Export",
            $"/BudgetFormulation/Effect?year={Year - 1}", $"/BudgetFormulation/Effect/Excel?year={Year - 1}",
        ]);
        // A 課's staff open the table on their own 課: every page above asks for the whole city (unitId=0).
        // The improvements of the project answer with its budget lines.
        pages.AddRange(app.WithDb(db => db.ImprovementActions.Where(a => a.ProjectId == m.Project).Select(a => a.Id).ToList()).Select(id => $"/Improvements/{id}"));
        return pages;
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType?.MediaType?.Contains("spreadsheet", StringComparison.Ordinal) != true) return System.Text.Encoding.UTF8.GetString(bytes);
        using var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
        return string.Join("\n", wb.Worksheets.SelectMany(ws => ws.CellsUsed()).Select(c => c.GetFormattedString() + " " + c.Value));
    }

    [Fact]
    public async Task A_divisions_staff_of_another_department_sees_no_undecided_request_or_assessment_of_another_division_anywhere_until_the_proposal()
    {
        var m = Marked();
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        var seen = 0;
        foreach (var url in Pages(m))
        {
            var response = await staff.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
            var text = await ReadAsync(response);
            foreach (var mark in Marks) Assert.False(text.Contains(mark, StringComparison.Ordinal), $"{url} shows {mark}");
            if (response.StatusCode == HttpStatusCode.OK) seen++;
        }
        Assert.True(seen > 10);
        // The table says why the amounts are not there, and its row of the project says 確定前.
        var table = await staff.GetStringAsync($"/Budgets?year={Year}&unitId=0&q={Uri.EscapeDataString(m.Code)}");
        Assert.Contains("id=\"withheld\"", table);
        Assert.Contains("予算編成中（確定前）", table);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/History/BudgetLine/{m.Line}")).StatusCode);
        // 評価の効き目 into the year under 予算編成 sums every 部's requests: it waits for the 予算案, saying why.
        var effect = await staff.GetAsync($"/BudgetFormulation/Effect?year={Year - 1}");
        Assert.Equal(HttpStatusCode.Forbidden, effect.StatusCode);
        Assert.Contains(UndecidedBudgets.EffectWaits(Year), WebUtility.HtmlDecode(await effect.Content.ReadAsStringAsync()));

        // Those who read the request see it; and everyone does once its 部 commits the 予算案 (one test: the commit
        // below would change what the crawl above sees).
        foreach (var reader in new[] { "zaisei@komaki.example", "kikaku@komaki.example", "shicho@komaki.example" })
        {
            var client = await app.SignedInAsync(reader);
            Assert.Contains("7,777,777,777,000", await client.GetStringAsync($"/Budgets?year={Year}&unitId=0&q={Uri.EscapeDataString(m.Code)}"));
            Assert.Contains("7,777,777,777,000", await client.GetStringAsync($"/Plan/Project/{m.Project}"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/BudgetFormulation/Effect?year={Year - 1}")).StatusCode);
        }

        // The 部's 予算案 committed: the amounts are decided, and every member of staff reads them.
        app.WithDb(db =>
        {
            db.BudgetStageCommits.Add(new BudgetStageCommit { FiscalYear = Year, Stage = BudgetStage.Proposal, DepartmentId = m.Department, CommittedBy = "zaisei@komaki.example", CommittedAt = DateTime.UtcNow });
            return db.SaveChanges();
        });
        Assert.Contains("7,777,777,777,000", await staff.GetStringAsync($"/Budgets?year={Year}&unitId=0&q={Uri.EscapeDataString(m.Code)}"));
        Assert.Contains("7,777,777,777,000", await staff.GetStringAsync($"/Plan/Project/{m.Project}"));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/History/BudgetLine/{m.Line}")).StatusCode);
    }
}
