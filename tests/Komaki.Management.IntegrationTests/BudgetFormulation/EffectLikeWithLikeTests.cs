using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// 評価の効き目 compares like with like (principle: a judgment shows how it was reached; missing data is never shown as a
/// decision): each N+1 column's change is that column minus the N 当初 of the projects that have the figure — a project
/// decided to end counts as 0, a real decision — and a project still active without the figure is shown beside the
/// change as 「未要求 n件（当初 x千円）」/「未決算 n件…」, never as a cut. The same figures on the screen, in Excel, on the
/// public page once published and in open data; each column's total stays the budget table's. And the 予算案 of a 部 is
/// not committed past its active projects without a request unless a reason is recorded.
public sealed class EffectLikeWithLikeTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Finance = "zaisei@komaki.example";
    private const int N = 2025, Next = 2026;

    private static readonly (string Name, string Missing, int ExcelChange, int ExcelMissing, string CsvChange, string CsvMissing, string CsvMissingBase)[] Columns =
    [
        ("requested", "未要求", 6, 18, "要求の増減（円）", "未要求（件）", "未要求の当初予算（円）"),
        ("assessed", "未査定", 8, 20, "査定の増減（円）", "未査定（件）", "未査定の当初予算（円）"),
        ("initial", "当初予算なし", 10, 22, "当初予算の増減（円）", "当初予算なし（件）", "当初予算なしの当初予算（円）"),
        ("settled", "未決算", 12, 24, "決算の増減（円）", "未決算（件）", "未決算の当初予算（円）"),
    ];

    private sealed record Line(int ProjectId, int FiscalYear, long? Initial, long? Requested, long? Assessed, long? Settled);

    private sealed record Expected(long? Figure, long? Change, int Missing, long MissingBase, long WholeBaseChange);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var html = await client.GetStringAsync(url);
        return await client.PostAsync(url, KomakiFactory.Form(await KomakiFactory.TokenAsync(client, "/Account/ChangePassword"), [ShownFingerprint.OrEmpty(html), .. fields]));
    }

    private static (long? Figure, long? Change, int Missing, long? MissingBase) Cell(string row, string name)
    {
        var m = Regex.Match(row, $"data-{name}=\"(-?\\d*)\" data-change=\"(-?\\d*)\" data-compared=\"(-?\\d*)\" data-missing=\"(\\d+)\" data-missing-base=\"(-?\\d*)\"");
        Assert.True(m.Success, $"no like-with-like cell for {name}");
        static long? L(string v) => v.Length == 0 ? null : long.Parse(v, CultureInfo.InvariantCulture);
        return (L(m.Groups[1].Value), L(m.Groups[2].Value), int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), L(m.Groups[5].Value));
    }

    /// The year N=令和7 → N+1=令和8 made to hold every case: an active project with 令和7 当初 and nothing in 令和8 (未要求),
    /// a project that ended in 令和7 with nothing in 令和8 (a decision: counted as 0), and 令和8 half settled.
    private (int Active, int Ended) ArrangeYear() => app.WithDb(db =>
    {
        var candidates = db.BudgetLines.Where(b => b.FiscalYear == N && b.Initial > 0 && !db.BudgetRequests.Any(r => r.FiscalYear == Next && r.ProjectId == b.ProjectId))
            .OrderBy(b => b.ProjectId).Select(b => b.ProjectId).Take(2).ToList();
        Assert.Equal(2, candidates.Count);
        var (active, ended) = (candidates[0], candidates[1]);
        foreach (var p in db.Projects.Where(p => candidates.Contains(p.Id)))
        {
            p.RetiredAt = null;
            p.StartYear = Math.Min(p.StartYear, N);
            p.EndYear = p.Id == ended ? N : null;
        }
        var lines = db.BudgetLines.Where(b => b.FiscalYear == Next).OrderBy(b => b.Id).ToList();
        var i = 0;
        foreach (var line in lines)
        {
            if (candidates.Contains(line.ProjectId)) { (line.Requested, line.Assessed, line.Initial, line.Settled) = (null, null, null, null); continue; }
            // Half settled: every other line with a budget has its 決算, the rest not yet.
            if (line.Initial is long initial) line.Settled = i++ % 2 == 0 ? initial - 1_000 : null;
        }
        db.SaveChanges();
        return (active, ended);
    });

    /// What each column must show for the city: computed here from the budget table and the projects, as the rule says.
    private Dictionary<string, Expected> Oracle() => app.WithDb(db =>
    {
        var lines = db.BudgetLines.Where(b => b.FiscalYear == N || b.FiscalYear == Next).Select(b => new { b.ProjectId, b.FiscalYear, b.Initial, b.Requested, b.Assessed, b.Settled }).AsEnumerable()
            .Select(b => new Line(b.ProjectId, b.FiscalYear, b.Initial, b.Requested, b.Assessed, b.Settled)).ToList();
        var ended = db.Projects.Where(p => p.EndYear < Next || p.RetiredAt != null).Select(p => p.Id).ToHashSet();
        var before = lines.Where(l => l.FiscalYear == N).ToDictionary(l => l.ProjectId, l => l.Initial ?? 0);
        var after = lines.Where(l => l.FiscalYear == Next).ToDictionary(l => l.ProjectId);
        var projects = before.Keys.Union(after.Keys).ToList();
        var wholeBase = before.Values.Sum();
        Expected Of(Func<Line?, long?> figure)
        {
            long compared = 0, missingBase = 0, sum = 0;
            var (missing, any) = (0, false);
            foreach (var id in projects)
            {
                var f = figure(after.GetValueOrDefault(id));
                var b = before.GetValueOrDefault(id);
                if (f is long v) { sum += v; any = true; compared += b; }
                else if (ended.Contains(id)) compared += b;
                else { missing++; missingBase += b; }
            }
            long? total = any ? sum : null;
            return new(total, total is null && compared == 0 ? null : (total ?? 0) - compared, missing, missingBase, (total ?? 0) - wholeBase);
        }
        return new Dictionary<string, Expected>
        {
            ["requested"] = Of(a => a?.Requested), ["assessed"] = Of(a => a?.Assessed), ["initial"] = Of(a => a?.Initial), ["settled"] = Of(a => a?.Settled),
        };
    });

    [Fact]
    public async Task Each_change_compares_like_with_like_and_shows_the_missing_on_screen_in_excel_on_the_public_page_and_in_open_data()
    {
        var (active, ended) = ArrangeYear();
        var expected = Oracle();
        var finance = await app.SignedInAsync(Finance);
        var citizen = app.NewClient();
        // The case the report must not hide: a 未要求 project (the active one) and a 未決算 half; the ended one is no gap.
        Assert.True(expected["requested"].Missing >= 1 && expected["settled"].Missing >= 1);
        Assert.All(Columns, c => Assert.NotEqual(expected[c.Name].WholeBaseChange, expected[c.Name].Change));
        var (activeBase, endedBase) = app.WithDb(db => (db.BudgetLines.Single(b => b.FiscalYear == N && b.ProjectId == active).Initial!.Value, db.BudgetLines.Single(b => b.FiscalYear == N && b.ProjectId == ended).Initial!.Value));
        Assert.True(expected["requested"].MissingBase >= activeBase);

        // The budget table's totals of N+1: each column's city total is still exactly these.
        var tables = app.WithDb(db => new Dictionary<string, long>
        {
            ["requested"] = db.BudgetLines.Where(b => b.FiscalYear == Next).Sum(b => b.Requested ?? 0), ["assessed"] = db.BudgetLines.Where(b => b.FiscalYear == Next).Sum(b => b.Assessed ?? 0),
            ["initial"] = db.BudgetLines.Where(b => b.FiscalYear == Next).Sum(b => b.Initial ?? 0), ["settled"] = db.BudgetLines.Where(b => b.FiscalYear == Next).Sum(b => b.Settled ?? 0),
        });

        // The screen.
        var screen = await finance.GetStringAsync($"/BudgetFormulation/Effect?year={N}");
        var total = Regex.Match(screen, "<tr class=\"fw-bold\" id=\"effect-total\">(.*?)</tr>").Groups[1].Value;
        void Same(string row, string where)
        {
            foreach (var c in Columns)
            {
                var (figure, change, missing, missingBase) = Cell(row, c.Name);
                var e = expected[c.Name];
                Assert.True((tables[c.Name], e.Change, e.Missing, e.MissingBase) == (figure ?? 0, change, missing, missingBase ?? 0),
                    $"{where} {c.Name}: expected {tables[c.Name]}/{e.Change}/{e.Missing}/{e.MissingBase}, shown {figure}/{change}/{missing}/{missingBase}");
                if (e.Missing > 0) Assert.Contains(WebUtility.HtmlEncode($"{c.Missing} {e.Missing}件（当初 {Amounts.Thousands(e.MissingBase)}千円）"), row);
            }
        }
        Same(total, "screen");

        // Excel: the city's total row has the same changes and counts.
        using (var book = new XLWorkbook(new MemoryStream(await finance.GetByteArrayAsync($"/BudgetFormulation/Effect/Excel?year={N}"))))
        {
            var row = book.Worksheet(1).RowsUsed().First(r => r.Cell(1).GetString() == "全市" && r.Cell(2).GetString() == "計");
            foreach (var c in Columns)
            {
                var e = expected[c.Name];
                var cell = row.Cell(c.ExcelChange);
                Assert.Equal(e.Change, cell.IsEmpty() ? null : (long)Math.Round(cell.GetValue<decimal>() * 1000));
                Assert.Equal(e.Missing, (int)row.Cell(c.ExcelMissing).GetValue<decimal>());
                Assert.Equal(e.MissingBase, (long)Math.Round(row.Cell(c.ExcelMissing + 1).GetValue<decimal>() * 1000));
            }
        }

        // Published: the public page and open data say the same, and the totals stay the budget table's.
        var published = await PostAsync(finance, $"/BudgetFormulation/Effect/{N}/Publish", ("Correction", "同じものどうしで比べた増減に改めました。"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await citizen.GetStringAsync("/public/budget-effect");
        Same(Regex.Match(page, "<tfoot id=\"effect-total\">(.*?)</tfoot>", RegexOptions.Singleline).Groups[1].Value, "public page");
        var csv = await citizen.GetByteArrayAsync($"/api/v1/budget-effect.csv?year={N}");
        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(','), (h, v) => (h, v)).ToDictionary(x => x.h, x => x.v)).ToList();
        var csvTotal = Assert.Single(rows, r => r["範囲"] == "市全体の計");
        static long? Yen(string v) => v.Length == 0 ? null : long.Parse(v, CultureInfo.InvariantCulture);
        Assert.Equal("額がある事業どうし", csvTotal["増減の比べ方"]);
        foreach (var c in Columns)
        {
            var e = expected[c.Name];
            Assert.Equal(e.Change, Yen(csvTotal[c.CsvChange]));
            Assert.Equal(e.Missing, int.Parse(csvTotal[c.CsvMissing], CultureInfo.InvariantCulture));
            Assert.Equal(e.MissingBase, Yen(csvTotal[c.CsvMissingBase]));
            // The city's rows and the 部's rows add up to the total, missing counts included.
            Assert.Equal(e.Missing, rows.Where(r => r["範囲"] == "市全体").Sum(r => int.Parse(r[c.CsvMissing], CultureInfo.InvariantCulture)));
            Assert.Equal(e.Missing, rows.Where(r => r["範囲"] == "部").Sum(r => int.Parse(r[c.CsvMissing], CultureInfo.InvariantCulture)));
        }
        Assert.Equal(tables["requested"], Yen(csvTotal["要求額（円）"]) ?? 0);
        Assert.Equal(tables["settled"], Yen(csvTotal["決算額（円）"]) ?? 0);
        Assert.True(endedBase > 0);
    }

    /// An edition published before the like-with-like figures were kept shows exactly what it showed — its change against
    /// the whole base — and says that it compared with the whole base.
    [Fact]
    public async Task An_edition_published_before_keeps_its_change_against_the_whole_base_and_says_so()
    {
        var citizen = app.NewClient();
        var id = app.WithDb(db =>
        {
            var old = new EffectPublication { FiscalYear = 2022, Evaluated = 2021, Edition = 1, PublishedAt = new DateTime(2023, 10, 1, 1, 0, 0, DateTimeKind.Utc), PublishedBy = Finance };
            old.Rows.Add(new EffectPublicationRow { SortOrder = 1, Kind = EffectRowKind.City, Verdict = "縮小", VerdictCode = Direction.Reduce, Projects = 2, Base = 9_000_000, Requested = 8_000_000, PersonYears = 1.5m });
            old.Rows.Add(new EffectPublicationRow { SortOrder = 2, Kind = EffectRowKind.Total, Verdict = "計", Projects = 2, Base = 9_000_000, Requested = 8_000_000, PersonYears = 1.5m });
            db.EffectPublications.Add(old);
            db.SaveChanges();
            return old.Id;
        });
        try
        {
            var page = await citizen.GetStringAsync("/public/budget-effect?year=2022&edition=1");
            var total = Regex.Match(page, "<tfoot id=\"effect-total\">(.*?)</tfoot>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Equal((8_000_000L, -1_000_000L, 0), (Cell(total, "requested").Figure!.Value, Cell(total, "requested").Change!.Value, Cell(total, "requested").Missing));
            Assert.Contains("当初予算全体と比較（この版の公表時の計算）", total);
            Assert.Contains("▲1,000", total);
            var csv = Encoding.UTF8.GetString(await citizen.GetByteArrayAsync("/api/v1/budget-effect.csv?year=2022"));
            Assert.Contains("当初予算全体（この版の公表時の計算）", csv);
        }
        finally
        {
            app.WithDb(db =>
            {
                db.Set<EffectPublicationRow>().Where(r => r.EffectPublicationId == id).ExecuteDelete();
                return db.EffectPublications.Where(p => p.Id == id).ExecuteDelete();
            });
        }
    }

    /// The 予算案 of a 部 with an active project and no request for it: the project is listed on the confirmation page
    /// (on earlier stages too), committing without a reason is refused beside the field, and with one the reason is
    /// kept with the commit and printed on the 査定調書.
    [Fact]
    public async Task A_proposal_with_an_active_project_unrequested_is_refused_without_a_reason()
    {
        const int year = 2027;
        var department = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "都市建設部").Id);
        var project = app.WithDb(db =>
        {
            var units = db.OrgUnits.Where(u => u.Id == department || u.ParentId == department).Select(u => u.Id).ToList();
            var p = db.Projects.Where(p => units.Contains(p.OwnerUnitId) && !db.BudgetRequests.Any(r => r.FiscalYear == year && r.ProjectId == p.Id)).OrderBy(p => p.Id).First();
            (p.RetiredAt, p.EndYear, p.StartYear) = (null, null, Math.Min(p.StartYear, year));
            db.SaveChanges();
            return (p.Id, p.Code);
        });
        var finance = await app.SignedInAsync(Finance);
        var mayor = await app.SignedInAsync("shicho@komaki.example");
        async Task CommitAsync(HttpClient client, BudgetStage stage)
        {
            var url = $"/BudgetFormulation/{year}/Steps/{stage}/{department}";
            var page = await client.GetStringAsync(url);
            Assert.Contains($"data-project=\"{project.Id}\"", page);
            Assert.DoesNotContain("name=\"UnrequestedReason\"", page);
            var response = await PostAsync(client, url, CommitReasons.Of(page, $"{stage.Label()}: 確認した"));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{stage}: {await response.Content.ReadAsStringAsync()}");
        }
        await CommitAsync(mayor, BudgetStage.MayorAssessment);
        await CommitAsync(finance, BudgetStage.Notice);
        await CommitAsync(finance, BudgetStage.Restoration);
        await CommitAsync(finance, BudgetStage.RestorationAssessment);

        var proposalUrl = $"/BudgetFormulation/{year}/Steps/{BudgetStage.Proposal}/{department}";
        var confirm = await finance.GetStringAsync(proposalUrl);
        Assert.Contains($"data-project=\"{project.Id}\"", confirm);
        Assert.Contains(project.Code, confirm);
        Assert.Contains("name=\"UnrequestedReason\"", confirm);
        var lineReasons = CommitReasons.Of(confirm, "予算案: 確認した").Where(f => f.Item1 != "UnrequestedReason").ToArray();
        var refused = await PostAsync(finance, proposalUrl, lineReasons);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(BudgetChecks.UnrequestedReasonMissing, await refused.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.BudgetStageCommits.Any(c => c.FiscalYear == year && c.Stage == BudgetStage.Proposal && c.DepartmentId == department)));

        const string reason = "事業を見直し、令和9年度は既存の予算の中で行うため。";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(finance, proposalUrl, [.. lineReasons, ("UnrequestedReason", reason)])).StatusCode);
        var commit = app.WithDb(db => db.BudgetStageCommits.Single(c => c.FiscalYear == year && c.Stage == BudgetStage.Proposal && c.DepartmentId == department));
        Assert.Equal(reason, commit.UnrequestedReason);
        Assert.Contains(project.Code, commit.Unrequested);
        var chousho = await finance.GetStringAsync($"/BudgetFormulation/{year}/Chousho/{department}?assessment=Proposal");
        Assert.Contains(reason, chousho);
        using var book = new XLWorkbook(new MemoryStream(await finance.GetByteArrayAsync($"/BudgetFormulation/{year}/Chousho/{department}/Excel?assessment=Proposal")));
        Assert.Contains(book.Worksheet(1).CellsUsed(), c => c.GetString().Contains(reason, StringComparison.Ordinal));
    }
}
