using System.Text.RegularExpressions;
using Komaki.Management.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Shared;

/// Read models are kept per data area (ADR 0008): a value saved in the busy season rebuilds only the pages that show
/// it, and a change is on every page that shows it at the next request.
public class ReadCacheAreaTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private async Task<(int Queries, string Html)> GetAsync(HttpClient client, string url)
    {
        var before = app.Queries.Count;
        var html = await client.GetStringAsync(url);
        return (app.Queries.Count - before, html);
    }

    [Fact]
    public async Task Saving_an_indicator_value_keeps_the_budget_pages_but_rebuilds_the_achievement_and_a_budget_change_shows_at_once()
    {
        var client = await app.SignedInAsync("kikaku@komaki.example");
        const string budgets = "/Budgets?year=2025", tree = "/PlanTree";
        await GetAsync(client, budgets);
        await GetAsync(client, tree);
        var (budgetsWarm, _) = await GetAsync(client, budgets);
        var (treeWarm, _) = await GetAsync(client, tree);

        app.WithDb(db =>
        {
            var value = db.IndicatorValues.First(v => v.FiscalYear == 2025 && v.Target != null);
            value.Target += 1;
            return db.SaveChanges();
        });
        Assert.Equal(budgetsWarm, (await GetAsync(client, budgets)).Queries);
        Assert.True((await GetAsync(client, tree)).Queries > treeWarm, "the plan tree shows achievement and must be rebuilt after a value is saved");

        var code = app.WithDb(db =>
        {
            var line = db.BudgetLines.Include(b => b.Project).First(b => b.FiscalYear == 2025);
            line.Initial = 987_654_000;
            db.SaveChanges();
            return line.Project!.Code;
        });
        var (queries, html) = await GetAsync(client, $"{budgets}&q={Uri.EscapeDataString(code)}");
        Assert.True(queries > budgetsWarm);
        Assert.Contains("987,654", html);
    }

    /// 人工との突合 and an edition of the 実施計画 are read models (issue 29): a second request reads no staffing,
    /// evaluation or plan line, an indicator value saved in between keeps them, and a change to what they show is on
    /// the page at the next request.
    [Theory]
    [InlineData("/Staffing/Reconcile?year=2025")]
    [InlineData("/ImplementationPlans/2026")]
    public async Task The_reconciliation_and_the_edition_page_are_kept_until_what_they_show_changes(string url)
    {
        var client = await app.SignedInAsync("kikaku@komaki.example");
        var (cold, _) = await GetAsync(client, url);
        var (warm, _) = await GetAsync(client, url);
        Assert.True(warm < cold, $"{url}: {warm} queries when kept, {cold} when built");
        Assert.True(warm <= 6, $"{url}: {warm} queries when kept");

        app.WithDb(db =>
        {
            var value = db.IndicatorValues.First(v => v.FiscalYear == 2025 && v.Target != null);
            value.Target += 1;
            return db.SaveChanges();
        });
        Assert.Equal(warm, (await GetAsync(client, url)).Queries);

        if (url.StartsWith("/Staffing", StringComparison.Ordinal))
        {
            var (division, staff) = app.WithDb(db =>
            {
                var line = db.StaffingLines.First(l => l.FiscalYear == 2025 && l.ActualApril1 != null);
                line.ActualApril1 += 40;
                db.SaveChanges();
                return (line.OrgUnitId, db.StaffingLines.Where(l => l.FiscalYear == 2025 && l.OrgUnitId == line.OrgUnitId).ToList().Sum(l => l.ActualApril1 ?? l.Allocated));
            });
            var (queries, html) = await GetAsync(client, url);
            Assert.True(queries > warm);
            var shown = Regex.Match(html, $"<tr class=\"[^\"]*\" data-unit=\"{division}\".*?</tr>", RegexOptions.Singleline).Value;
            Assert.Contains($"<td class=\"num\">{staff:0.##}", shown);
        }
        else
        {
            var code = app.WithDb(db =>
            {
                var line = db.ImplementationPlanLines.Include(l => l.Project).First(l => l.ImplementationPlan!.FiscalYear == 2026 && l.FiscalYear == 2026);
                line.Cost = 987_654_000;
                line.Funding = line.Funding.WithMoreGeneral(line.Cost - line.Funding.Sum);
                db.SaveChanges();
                return line.Project!.Code;
            });
            var (queries, html) = await GetAsync(client, $"{url}?q={Uri.EscapeDataString(code)}");
            Assert.True(queries > warm);
            Assert.Contains("987,654", html);
        }
    }

    /// The organisational goals' board, the import label table, a manifesto item's page and the PDCA board with its
    /// 内部統制・定員 counts (issue 29) are kept for every reader; a label added is on the table at the next request.
    [Theory]
    [InlineData("/Goals/Board?year=2026")]
    [InlineData("/ImportLabels")]
    [InlineData("/Manifesto/Items/{item}")]
    [InlineData("/Board?year=2026")]
    public async Task Kept_pages_send_few_queries_until_their_data_changes(string url)
    {
        url = url.Replace("{item}", app.WithDb(db => db.ManifestoItems.Min(i => i.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var client = await app.SignedInAsync("kikaku@komaki.example");
        var (cold, _) = await GetAsync(client, url);
        var (warm, _) = await GetAsync(client, url);
        Assert.True(warm < cold, $"{url}: {warm} queries when kept, {cold} when built");
        Assert.True(warm <= 6, $"{url}: {warm} queries when kept");
        if (url != "/ImportLabels") return;
        using (var scope = app.Services.CreateScope())
        {
            var table = scope.ServiceProvider.GetRequiredService<Komaki.Management.Core.Importing.LabelTable>();
            Assert.Null(await table.AddAsync(Komaki.Management.Core.Importing.LabelKind.Direction, "キャッシュ確認用の読み替え", 1));
        }
        var (queries, html) = await GetAsync(client, url);
        Assert.True(queries > warm);
        Assert.Contains("キャッシュ確認用の読み替え", html);
    }

    /// The 主要施策成果説明書 of a year reads the indicators and their values of that year and before (DataArea.IndicatorsUpTo):
    /// next year's targets, saved all through the busy season, keep it; a value of the year or of an earlier one (the
    /// trend reads them), a change to an indicator itself, and a bulk write to the indicators rebuild it at the next request.
    [Fact]
    public async Task The_results_report_of_a_year_is_kept_through_values_of_later_years_only()
    {
        var client = await app.SignedInAsync("kikaku@komaki.example");
        const string url = "/Reports/Results?year=2025&live=true&print=all";
        await GetAsync(client, url);
        var (warm, shown) = await GetAsync(client, url);
        Assert.Equal(warm, (await GetAsync(client, url)).Queries);

        int Change(Func<Komaki.Management.Core.Data.AppDbContext, int> change) => app.WithDb(change);
        async Task Rebuilt(string what)
        {
            var (queries, html) = await GetAsync(client, url);
            Assert.True(queries > warm, $"{what}: {queries} queries, {warm} when kept");
            shown = html;
            Assert.Equal(warm, (await GetAsync(client, url)).Queries);
        }

        foreach (var later in new[] { 2026, 2027 })
        {
            Change(db =>
            {
                var value = db.IndicatorValues.FirstOrDefault(v => v.FiscalYear == later)
                    ?? db.IndicatorValues.Add(new Komaki.Management.Core.Plans.IndicatorValue { IndicatorId = db.Indicators.Min(i => i.Id), FiscalYear = later }).Entity;
                value.Target = (value.Target ?? 0) + 1;
                // As the values' page saves: the indicator with every column marked, its Version raised.
                db.Update(db.Indicators.Single(i => i.Id == value.IndicatorId));
                return db.SaveChanges();
            });
            Assert.Equal(warm, (await GetAsync(client, url)).Queries);
        }

        var name = Change(db =>
        {
            var value = db.IndicatorValues.Include(v => v.Indicator).First(v => v.FiscalYear == 2025 && v.Actual != null && v.Target != null && v.Indicator!.ProjectId != null && v.Indicator.RetiredAt == null);
            value.Target += 7;
            db.SaveChanges();
            return value.IndicatorId;
        });
        var before = shown;
        await Rebuilt("a target of the year");
        Assert.NotEqual(before, shown);

        Change(db =>
        {
            var value = db.IndicatorValues.First(v => v.FiscalYear < 2025 && v.Target != null);
            value.Target += 1;
            return db.SaveChanges();
        });
        await Rebuilt("a target of an earlier year");

        Change(db =>
        {
            db.Indicators.Single(i => i.Id == name).Name = "年度別キャッシュ確認用の指標";
            return db.SaveChanges();
        });
        await Rebuilt("an indicator renamed");
        Assert.Contains("年度別キャッシュ確認用の指標", shown);

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Komaki.Management.Core.Data.AppDbContext>().RaiseVersionsAsync([Komaki.Management.Core.Data.DataArea.Indicators]);
        }
        await Rebuilt("a bulk write to the indicators");
    }

    /// A measure's 施策評価 of a year reads its indicators' values of that year and before, from the year kept for
    /// every reader (DataArea.IndicatorsUpTo): next year's targets keep the list and the measure's page; a target of
    /// the year is on both at the next request.
    [Fact]
    public async Task A_years_measure_evaluations_are_kept_through_values_of_later_years_and_show_a_value_of_the_year()
    {
        var client = await app.SignedInAsync("kikaku@komaki.example");
        var (indicatorId, measureId) = app.WithDb(db => db.IndicatorValues.Where(v => v.FiscalYear == 2025 && v.Target != null && v.Indicator!.MeasureId != null
            && v.Indicator.RetiredAt == null && v.Indicator.Measure!.RetiredAt == null
            && v.Indicator.Measure.Policy!.BasicPlan!.ComprehensivePlan!.IsCurrent && v.Indicator.Measure.Policy.BasicPlan.StartYear <= 2025 && v.Indicator.Measure.Policy.BasicPlan.EndYear >= 2025).Select(v => new { v.IndicatorId, v.Indicator!.MeasureId }).First() is var x ? (x.IndicatorId, x.MeasureId!.Value) : default);
        string[] urls = ["/MeasureEvaluations?year=2025", $"/MeasureEvaluations/2025/{measureId}"];
        var warm = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            await GetAsync(client, url);
            warm[url] = (await GetAsync(client, url)).Queries;
        }
        Assert.True(warm[urls[1]] <= 3, $"the measure's page read {warm[urls[1]]} statements when kept");

        void Save(int year, decimal target) => app.WithDb(db =>
        {
            var value = db.IndicatorValues.SingleOrDefault(v => v.IndicatorId == indicatorId && v.FiscalYear == year)
                ?? db.IndicatorValues.Add(new Komaki.Management.Core.Plans.IndicatorValue { IndicatorId = indicatorId, FiscalYear = year }).Entity;
            value.Target = target;
            // As the values' page saves: the indicator with every column marked, its Version raised.
            db.Update(db.Indicators.Single(i => i.Id == indicatorId));
            return db.SaveChanges();
        });
        Save(2027, 4_321);
        foreach (var url in urls) Assert.Equal(warm[url], (await GetAsync(client, url)).Queries);

        // The two pages share the kept year: each is asked first after its own save.
        Save(2025, 98_765);
        var (queries, html) = await GetAsync(client, urls[1]);
        Assert.True(queries > warm[urls[1]], "the measure's page was not rebuilt after a target of its year");
        Assert.Contains("98,765", html);
        Save(2025, 98_766);
        Assert.True((await GetAsync(client, urls[0])).Queries > warm[urls[0]], "the list was not rebuilt after a target of its year");
    }

    /// A year's published evaluations are built for the citizens from every published sheet of the year (3,000 on the
    /// large city: 3.4 s after each save, issue 29). Every public list and file made of them — the list page, the JSON
    /// and the CSV — shares one build kept for the year: a target saved for a later year keeps it, and a value of the
    /// year or a change to a published evaluation is in each at the next request. (The list page reads the same kept
    /// records; its row markup is not asserted here.)
    [Theory]
    [InlineData("/api/v1/evaluations?year={0}")]
    [InlineData("/api/v1/evaluations.csv?year={0}")]
    public async Task A_years_published_evaluations_are_kept_through_values_of_later_years_and_show_a_change_of_the_year(string pattern)
    {
        var client = app.NewClient();
        var (evaluationId, year, code, projectId) = app.WithDb(db => db.ProjectEvaluations.Where(e => e.State == Komaki.Management.Core.Evaluation.EvaluationState.Published)
            .OrderByDescending(e => e.FiscalYear).ThenBy(e => e.Project!.Code).Select(e => new { e.Id, e.FiscalYear, e.Project!.Code, e.ProjectId }).First() is var x ? (x.Id, x.FiscalYear, x.Code, x.ProjectId) : default);
        var indicatorId = app.WithDb(db => db.Indicators.Where(i => i.RetiredAt == null).OrderBy(i => i.ProjectId == projectId ? 0 : 1).Select(i => i.Id).First());
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, year, Uri.EscapeDataString(code));
        // Built afresh, whatever an earlier case left kept.
        app.WithDb(db => db.Database.ExecuteSqlRaw("UPDATE DataVersions SET Version = Version + 1"));
        var (cold, _) = await GetAsync(client, url);

        void Save(int fiscalYear, decimal target) => app.WithDb(db =>
        {
            var value = db.IndicatorValues.SingleOrDefault(v => v.IndicatorId == indicatorId && v.FiscalYear == fiscalYear)
                ?? db.IndicatorValues.Add(new Komaki.Management.Core.Plans.IndicatorValue { IndicatorId = indicatorId, FiscalYear = fiscalYear }).Entity;
            value.Target = target;
            // As the values' page saves: the indicator with every column marked, its Version raised.
            db.Update(db.Indicators.Single(i => i.Id == indicatorId));
            return db.SaveChanges();
        });
        // Targets no earlier case saved: a value saved again unchanged is no change of the year.
        var target = Random.Shared.Next(1_000, 900_000);
        Save(year + 2, target);
        var (kept, _) = await GetAsync(client, url);
        Assert.True(kept < cold, $"{url}: {kept} statements after a target of {year + 2} (built from the sheets: {cold})");
        Save(year + 2, target + 1);
        Assert.Equal(kept, (await GetAsync(client, url)).Queries);

        Save(year, target + 2);
        Assert.True((await GetAsync(client, url)).Queries > kept, $"{url} was not built again after a target of {year}");

        var text = $"改善内容の確かめ {Guid.NewGuid():N}";
        app.WithDb(db =>
        {
            var e = db.ProjectEvaluations.Single(x => x.Id == evaluationId);
            e.Improvement = text;
            e.SecondDirection = e.FinalDirection == Komaki.Management.Core.Evaluation.Direction.Reduce ? Komaki.Management.Core.Evaluation.Direction.Expand : Komaki.Management.Core.Evaluation.Direction.Reduce;
            return db.SaveChanges();
        });
        var (_, body) = await GetAsync(client, url);
        if (url.Contains(".csv", StringComparison.Ordinal))
        {
            Assert.Contains(text, body);
        }
        else
        {
            var record = System.Text.Json.JsonDocument.Parse(body).RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == evaluationId);
            Assert.Equal(text, record.GetProperty("improvement").GetString());
        }
    }

    [Fact]
    public async Task Requests_that_miss_together_share_one_build_and_a_failed_build_is_tried_again()
    {
        var builds = app.Services.GetRequiredService<ReadCacheBuilds>();
        var started = 0;
        var release = new TaskCompletionSource<int>();
        var waiting = Enumerable.Range(0, 32).Select(_ => builds.RunAsync("budget-year:2025@do:9|plan:9", async () =>
        {
            Interlocked.Increment(ref started);
            return await release.Task;
        })).ToList();
        release.SetResult(42);
        Assert.All(await Task.WhenAll(waiting), v => Assert.Equal(42, v));
        Assert.Equal(1, started);

        await Assert.ThrowsAsync<InvalidOperationException>(() => builds.RunAsync<int>("k@1", () => throw new InvalidOperationException("database gone")));
        Assert.Equal(7, await builds.RunAsync("k@1", () => Task.FromResult(7)));
    }
}
