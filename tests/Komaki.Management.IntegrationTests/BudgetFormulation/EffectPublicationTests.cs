using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Microsoft.EntityFrameworkCore;

using Komaki.Management.IntegrationTests.Support;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// 公表 of 評価の効き目: only the 財政課, from a confirmation page that shows what will be published and says it cannot be
/// undone, once the next year's budget is settled; what is published is a snapshot — no later change to a budget
/// line, a stage or a verdict changes the public page or the open-data file — its CSV reconciles to the page to the
/// yen, and publishing again is a new edition beside the old one.
public sealed class EffectPublicationTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Finance = "zaisei@komaki.example", Planning = "kikaku@komaki.example";
    private const string PublishUrl = "/BudgetFormulation/Effect/2025/Publish";

    /// What is published is what the 財政課 saw: a figure that changed after the confirmation page was opened refuses the
    /// publication, saying so, and nothing is published until the page is opened again.
    [Fact]
    public async Task A_report_changed_after_its_confirmation_was_opened_is_not_published()
    {
        var finance = await app.SignedInAsync(Finance);
        var opened = await finance.GetStringAsync(PublishUrl);
        var shown = ShownFingerprint.In(opened, PublishUrl);
        var editions = app.WithDb(db => db.EffectPublications.Count());
        var lineId = app.WithDb(db => db.BudgetLines.Where(b => b.FiscalYear == 2026 && b.Initial != null).OrderBy(b => b.Id).Select(b => b.Id).First());
        void Shift(long yen) => app.WithDb(db => { db.BudgetLines.Single(b => b.Id == lineId).Initial += yen; return db.SaveChanges(); });
        Shift(1_000_000);
        try
        {
            var refused = await finance.PostAsync(PublishUrl, KomakiFactory.Form(KomakiFactory.TokenIn(opened), shown, ("Correction", "当初予算の確定に合わせて改めます。")));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(BudgetShown.Changed, await refused.Content.ReadAsStringAsync());
            Assert.Equal(editions, app.WithDb(db => db.EffectPublications.Count()));
            var without = await finance.PostAsync(PublishUrl, KomakiFactory.Form(KomakiFactory.TokenIn(opened), ("Correction", "当初予算の確定に合わせて改めます。")));
            Assert.Contains(BudgetShown.Changed, await without.Content.ReadAsStringAsync());
            Assert.Equal(editions, app.WithDb(db => db.EffectPublications.Count()));
        }
        finally
        {
            Shift(-1_000_000);
        }
    }

    /// Posts the confirmation page's form as it was opened (its token and the fingerprint of what it showed), with fields.
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var page = await client.GetAsync(url);
        var html = page.IsSuccessStatusCode ? await page.Content.ReadAsStringAsync() : "";
        var shown = ShownFingerprint.OrEmpty(html);
        return await client.PostAsync(url, KomakiFactory.Form(await KomakiFactory.TokenAsync(client, "/Account/ChangePassword"), [shown, .. fields]));
    }

    private static long? Attr(string row, string name) =>
        Regex.Match(row, $"data-{name}=\"(-?\\d*)\"").Groups[1].Value is { Length: > 0 } v ? long.Parse(v) : null;

    /// The CSV's rows as header → value, the BOM checked.
    private static List<Dictionary<string, string>> Csv(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()), "the CSV starts with a BOM");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(','), (h, v) => (h, v)).ToDictionary(x => x.h, x => x.v)).ToList();
    }

    private static long Yen(Dictionary<string, string> row, string column) => row[column].Length == 0 ? 0 : long.Parse(row[column]);

    /// The figures of a CSV row's column, in yen (or 人工), as decimal.
    private static decimal Number(Dictionary<string, string> row, string column) =>
        row[column].Length == 0 ? 0 : decimal.Parse(row[column], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_finance_division_publishes_a_snapshot_that_later_changes_do_not_alter_and_the_csv_reconciles_to_the_page()
    {
        var finance = await app.SignedInAsync(Finance);
        var citizen = app.NewClient();

        // The demo city has published the report of the evaluations carried out in 令和7年度 (DemoSeeder): a citizen finds
        // it on the page and in open data, saying which years it compared, and it is the report the screen computes — its
        // totals the budget tables' to the yen, its 人工 the evaluations'.
        var demo = await citizen.GetStringAsync("/public/budget-effect");
        Assert.Contains("id=\"effect-published\"", demo);
        Assert.Contains("令和8年5月15日", demo);
        Assert.Contains("令和7年度に行った評価（令和6年度の事業が対象）→ 令和7年度当初予算から令和8年度へ", demo);
        Assert.DoesNotContain("id=\"effect-earlier-years\"", demo);
        Assert.Contains("第1版", demo);
        var demoTotal = Regex.Match(demo, "<tfoot id=\"effect-total\">(.*?)</tfoot>", RegexOptions.Singleline).Groups[1].Value;
        var live = Regex.Match(await finance.GetStringAsync("/BudgetFormulation/Effect?year=2025"), "<tr class=\"fw-bold\" id=\"effect-total\">(.*?)</tr>", RegexOptions.Singleline).Value;
        var tables = app.WithDb(db => new
        {
            Base = db.BudgetLines.Where(b => b.FiscalYear == 2025).Sum(b => b.Initial ?? 0),
            Requested = db.BudgetLines.Where(b => b.FiscalYear == 2026).Sum(b => b.Requested ?? 0),
            Assessed = db.BudgetLines.Where(b => b.FiscalYear == 2026).Sum(b => b.Assessed ?? 0),
            Initial = db.BudgetLines.Where(b => b.FiscalYear == 2026).Sum(b => b.Initial ?? 0),
            Settled = db.BudgetLines.Where(b => b.FiscalYear == 2026).Sum(b => b.Settled ?? 0),
            PersonYears = db.ProjectEvaluations.Where(e => e.FiscalYear == 2024 && e.State == EvaluationState.Published
                && db.BudgetLines.Any(b => b.ProjectId == e.ProjectId && (b.FiscalYear == 2025 || b.FiscalYear == 2026))).Select(e => e.StaffPersonYears).ToList().Sum(),
        });
        Assert.True(tables.Requested > 0 && tables.Initial > 0 && tables.PersonYears > 0);
        foreach (var (name, yen) in new[] { ("base", tables.Base), ("requested", tables.Requested), ("assessed", tables.Assessed), ("initial", tables.Initial), ("settled", tables.Settled) })
        {
            Assert.Equal(yen, Attr(demoTotal, name) ?? 0);
            Assert.Equal(Attr(live, name) ?? 0, Attr(demoTotal, name) ?? 0);
        }
        var demoRows = Csv(await citizen.GetByteArrayAsync("/api/v1/budget-effect.csv"));
        Assert.All(demoRows, r => Assert.Equal(("2025", "2024", "2025", "2026"), (r["評価を行った年度"], r["評価の対象年度"], r["比べる元の当初予算の年度"], r["比べる先の予算の年度"])));
        var demoCsvTotal = Assert.Single(demoRows, r => r["範囲"] == "市全体の計");
        Assert.Equal(tables.Requested, Yen(demoCsvTotal, "要求額（円）"));
        Assert.Equal(tables.PersonYears, Number(demoCsvTotal, "人工（この評価）"));
        foreach (var column in new[] { "要求額（円）", "査定額（円）", "当初予算額（円）", "一般財源 要求（円）", "一般財源 査定（円）", "人工（この評価）" })
        {
            Assert.Equal(Number(demoCsvTotal, column), demoRows.Where(r => r["範囲"] == "市全体").Sum(r => Number(r, column)));
            Assert.Equal(Number(demoCsvTotal, column), demoRows.Where(r => r["範囲"] == "部").Sum(r => Number(r, column)));
        }
        Assert.Contains(demoRows, r => r["範囲"] == "市全体" && r["方向性のコード"] == nameof(Direction.Reduce));

        // This walk is the 財政課's first publication of a year, so it starts from a city that has not published: the
        // demo's edition (taken through the same PublishAsync) is taken away.
        app.WithDb(db =>
        {
            db.Set<EffectPublicationRow>().ExecuteDelete();
            db.EffectPublications.RemoveRange(db.EffectPublications.ToList());
            return db.SaveChanges();
        });
        Assert.Contains("id=\"effect-none\"", await citizen.GetStringAsync("/public/budget-effect?round=none"));

        // 対応待ち (the full page and home) names the report waiting, with the confirmation page as its form.
        foreach (var list in new[] { "/Goals/Waiting", "/" })
        {
            var waiting = await finance.GetStringAsync(list);
            Assert.Contains("評価の効き目の公表", waiting);
            Assert.Contains($"href=\"{PublishUrl}\"", waiting);
        }
        Assert.DoesNotContain("評価の効き目の公表", await (await app.SignedInAsync(Planning)).GetStringAsync("/Goals/Waiting"));

        // The confirmation page: what will be published, per 部 and city, and that it cannot be undone.
        var confirm = await finance.GetStringAsync(PublishUrl);
        Assert.Contains("取り消せません", confirm);
        Assert.Contains("id=\"effect-department-totals\"", confirm);
        Assert.Contains("id=\"effect-total\"", confirm);
        Assert.Contains("公表できます", confirm);

        // Nobody else publishes; nothing is published without the antiforgery token.
        var planning = await app.SignedInAsync(Planning);
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.GetAsync(PublishUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(planning, PublishUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PostAsync(PublishUrl, KomakiFactory.Form(null))).StatusCode);
        Assert.Equal(0, app.WithDb(db => db.EffectPublications.Count()));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(finance, PublishUrl)).StatusCode);
        Assert.Equal(1, app.WithDb(db => db.EffectPublications.Count(p => p.FiscalYear == 2025 && p.Edition == 1)));
        Assert.DoesNotContain("評価の効き目の公表", await finance.GetStringAsync("/Goals/Waiting"));

        var page = await citizen.GetStringAsync("/public/budget-effect");
        var csv = await citizen.GetByteArrayAsync("/api/v1/budget-effect.csv");
        var json = await citizen.GetStringAsync("/api/v1/budget-effect");
        Assert.Contains("id=\"effect-published\"", page);
        Assert.Contains("公表の履歴", page);
        Assert.Contains("href=\"/api/v1/budget-effect.csv\"", page);
        Assert.Contains("budget-effect", await citizen.GetStringAsync("/api/v1"));
        Assert.Contains("href=\"/public/budget-effect\"", await citizen.GetStringAsync("/public"));

        // The page's total is the budget table's, to the yen; the CSV's total is the page's, and its rows add up to it.
        var total = Regex.Match(page, "<tfoot id=\"effect-total\">(.*?)</tfoot>", RegexOptions.Singleline).Groups[1].Value;
        var (before, requested, assessed, initial, settled) = app.WithDb(db => (
            db.BudgetLines.Where(b => b.FiscalYear == 2025).Sum(b => b.Initial ?? 0), db.BudgetLines.Where(b => b.FiscalYear == 2026).Sum(b => b.Requested ?? 0),
            db.BudgetLines.Where(b => b.FiscalYear == 2026).Sum(b => b.Assessed ?? 0), db.BudgetLines.Where(b => b.FiscalYear == 2026).Sum(b => b.Initial ?? 0),
            db.BudgetLines.Where(b => b.FiscalYear == 2026).Sum(b => b.Settled ?? 0)));
        Assert.Equal(before, Attr(total, "base"));
        Assert.Equal(requested, Attr(total, "requested") ?? 0);
        Assert.Equal(assessed, Attr(total, "assessed") ?? 0);
        Assert.Equal(initial, Attr(total, "initial") ?? 0);
        Assert.Equal(settled, Attr(total, "settled") ?? 0);
        var rows = Csv(csv);
        var csvTotal = Assert.Single(rows, r => r["範囲"] == "市全体の計");
        foreach (var (column, attr) in new[] { ("比べる元の当初予算（円）", "base"), ("要求額（円）", "requested"), ("査定額（円）", "assessed"), ("当初予算額（円）", "initial"), ("決算額（円）", "settled") })
        {
            Assert.Equal(Attr(total, attr) ?? 0, Yen(csvTotal, column));
            Assert.Equal(Yen(csvTotal, column), rows.Where(r => r["範囲"] == "市全体").Sum(r => Yen(r, column)));
            Assert.Equal(Yen(csvTotal, column), rows.Where(r => r["範囲"] == "部").Sum(r => Yen(r, column)));
        }
        // Each 部's total on the page is its rows in the CSV.
        foreach (Match m in Regex.Matches(Regex.Match(page, "id=\"effect-department-totals\".*?</table>", RegexOptions.Singleline).Value, "<tr class=\"fw-bold\"[^>]*data-department=\"([^\"]+)\"(.*?)</tr>", RegexOptions.Singleline))
            Assert.Equal(rows.Where(r => r["範囲"] == "部" && r["部"] == WebUtility.HtmlDecode(m.Groups[1].Value)).Sum(r => Yen(r, "要求額（円）")), Attr(m.Groups[2].Value, "requested") ?? 0);
        // Nothing of a 課's request reaches the public page: no reason of any request.
        foreach (var reason in app.WithDb(db => db.BudgetRequests.Where(r => r.Reason != null && r.Reason.Length > 10).Select(r => r.Reason!).Take(50).ToList()))
            Assert.DoesNotContain(WebUtility.HtmlEncode(reason), page);

        // A budget line, a stage and a verdict change after publication …
        var staffBefore = await finance.GetStringAsync("/BudgetFormulation/Effect?year=2025");
        app.WithDb(db =>
        {
            var line = db.BudgetLines.Where(b => b.FiscalYear == 2026 && b.Initial != null).OrderBy(b => b.Id).First();
            line.Initial += 1_234_000;
            var evaluation = db.ProjectEvaluations.Where(e => e.FiscalYear == 2024 && e.State == EvaluationState.Published && e.SecondDirection != null).OrderBy(e => e.Id).First();
            evaluation.SecondDirection = evaluation.SecondDirection == Direction.Reduce ? Direction.Expand : Direction.Reduce;
            var project = db.BudgetLines.Where(b => b.FiscalYear == 2026 && !db.BudgetRequests.Any(r => r.FiscalYear == 2026 && r.ProjectId == b.ProjectId)).OrderBy(b => b.Id).Select(b => b.Project!).First();
            var request = new BudgetRequest { FiscalYear = 2026, ProjectId = project.Id, OrgUnitId = project.OwnerUnitId, Expenditure = 5_000_000, Funding = Funding.None with { General = 5_000_000 }, EnteredBy = Finance, SubmittedBy = Finance, SubmittedAt = DateTime.UtcNow };
            request.Entries.Add(new BudgetStageEntry { Stage = BudgetStage.Request, Expenditure = 5_000_000, Funding = Funding.None with { General = 5_000_000 }, RecordedBy = Finance, RecordedAt = DateTime.UtcNow, Committed = true });
            db.BudgetRequests.Add(request);
            return db.SaveChanges();
        });
        // … the screen's report follows them (they are real changes) …
        Assert.NotEqual(staffBefore, await finance.GetStringAsync("/BudgetFormulation/Effect?year=2025"));
        // … and what was published does not, to the byte.
        Assert.Equal(page, await citizen.GetStringAsync("/public/budget-effect"));
        Assert.Equal(csv, await citizen.GetByteArrayAsync("/api/v1/budget-effect.csv"));
        Assert.Equal(json, await citizen.GetStringAsync("/api/v1/budget-effect"));

        // Publishing again needs the reason and makes a second edition; the first stays readable with its date.
        var refused = await PostAsync(finance, PublishUrl);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("改めて公表するときは、その理由", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, app.WithDb(db => db.EffectPublications.Count()));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(finance, PublishUrl, ("Correction", "決算の確定に合わせて数字を改めました。"))).StatusCode);
        Assert.Equal([1, 2], app.WithDb(db => db.EffectPublications.Where(p => p.FiscalYear == 2025).OrderBy(p => p.Edition).Select(p => p.Edition).ToList()));
        var latest = await citizen.GetStringAsync("/public/budget-effect");
        Assert.Contains("第2版", latest);
        Assert.Contains("決算の確定に合わせて数字を改めました。", latest);
        Assert.Contains("href=\"/public/budget-effect?year=2025&amp;edition=1\"", latest);
        var first = await citizen.GetStringAsync("/public/budget-effect?year=2025&edition=1");
        Assert.Contains("これは以前の版です", first);
        Assert.Equal(total, Regex.Match(first, "<tfoot id=\"effect-total\">(.*?)</tfoot>", RegexOptions.Singleline).Groups[1].Value);
        Assert.Equal(csv, await citizen.GetByteArrayAsync("/api/v1/budget-effect.csv?year=2025&edition=1"));
        Assert.NotEqual(csv, await citizen.GetByteArrayAsync("/api/v1/budget-effect.csv"));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/public/budget-effect?year=2025&edition=3")).StatusCode);
        // The history page names who published each edition.
        var id = app.WithDb(db => db.EffectPublications.Single(p => p.Edition == 2).Id);
        var history = await finance.GetStringAsync($"/History/EffectPublication/{id}");
        Assert.Contains("評価の効き目の公表（第2版）", history);
        Assert.Contains("改めて公表した理由", history);
    }

    /// An edition published before the years were put right (no 評価の対象年度 recorded: it counted the verdicts of its
    /// own year, given a year after its base budget) keeps that meaning: the page and open data say which years it
    /// compared and that it was published under the earlier counting, its figures as they were.
    [Fact]
    public async Task An_edition_published_under_the_earlier_years_keeps_its_meaning_and_says_so()
    {
        var citizen = app.NewClient();
        var id = app.WithDb(db =>
        {
            var old = new EffectPublication { FiscalYear = 2023, Evaluated = null, Edition = 1, PublishedAt = new DateTime(2024, 10, 1, 1, 0, 0, DateTimeKind.Utc), PublishedBy = Finance };
            old.Rows.Add(new EffectPublicationRow { SortOrder = 1, Kind = EffectRowKind.City, Verdict = "縮小", VerdictCode = Direction.Reduce, Projects = 2, Base = 9_000_000, Requested = 8_000_000, PersonYears = 1.5m });
            old.Rows.Add(new EffectPublicationRow { SortOrder = 2, Kind = EffectRowKind.Total, Verdict = "計", Projects = 2, Base = 9_000_000, Requested = 8_000_000, PersonYears = 1.5m });
            db.EffectPublications.Add(old);
            db.SaveChanges();
            return old.Id;
        });
        try
        {
            var page = await citizen.GetStringAsync("/public/budget-effect?year=2023&edition=1");
            Assert.Contains("令和6年度に行った評価（令和5年度の事業が対象）→ 令和5年度当初予算から令和6年度へ", page);
            Assert.Contains("id=\"effect-earlier-years\"", page);
            var rows = Csv(await citizen.GetByteArrayAsync("/api/v1/budget-effect.csv?year=2023"));
            Assert.All(rows, r => Assert.Equal(("2024", "2023", "2023", "2024"), (r["評価を行った年度"], r["評価の対象年度"], r["比べる元の当初予算の年度"], r["比べる先の予算の年度"])));
            Assert.Equal(9_000_000, Yen(Assert.Single(rows, r => r["範囲"] == "市全体の計"), "比べる元の当初予算（円）"));
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

    [Fact]
    public async Task A_year_whose_budget_is_not_settled_is_refused_with_the_reason_and_the_departments_waiting()
    {
        // 令和9年度 is in the middle of 市長査定: the report of the evaluations carried out in 令和8年度 waits for its 予算案.
        var finance = await app.SignedInAsync(Finance);
        var confirm = await finance.GetStringAsync("/BudgetFormulation/Effect/2026/Publish");
        Assert.Contains("まだ公表できません", confirm);
        Assert.Contains("予算案がまだ確定していない部があります", confirm);
        Assert.Matches("id=\"waiting\">\\s*<li>", confirm);
        Assert.DoesNotContain("id=\"confirm-form\"", confirm);
        var refused = await PostAsync(finance, "/BudgetFormulation/Effect/2026/Publish");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("予算案がまだ確定していない部があります", await refused.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.EffectPublications.Any(p => p.FiscalYear == 2026)));
        Assert.DoesNotContain("2026/Publish", await finance.GetStringAsync("/Goals/Waiting"));
    }
}
