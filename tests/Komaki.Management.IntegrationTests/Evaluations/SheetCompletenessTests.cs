using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Evaluations;

/// A sheet is complete before it is approved, and what was published stays as published: every review step and
/// publication lists what the sheet lacks (目的, 手段, a year's 人件費 or 総コスト) and where 効率性 disagrees with the
/// cost trend, and goes ahead only with a written reason; the public sheet shows 目的, 指標, the cost trend and the
/// 確認事項 with their reasons, as they were on the day of publication, a later correction beside them.
public class SheetCompletenessTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string RoadHead = "doro-kacho@komaki.example";
    private const string Planning = "kikaku@komaki.example";
    private const int Year = 2025;

    /// The n-th road project with a fresh draft of 令和7年度 (all ratings given), the years before published with their
    /// cost, and its activity indicators' outputs in 令和6・7年度; complete: 目的・手段 written.
    private (int ProjectId, string Url) Draft(int n, bool complete, Rating efficiency = Rating.B, long settledLastYear = 10_000_000, long settled = 10_000_000,
        decimal outputLastYear = 100, decimal output = 100, EvaluationState state = EvaluationState.Draft) => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
        var project = db.Projects.Where(p => p.OwnerUnitId == road && p.RetiredAt == null).OrderBy(p => p.Code).Skip(n).First();
        db.ImprovementActions.Where(a => a.ProjectEvaluation!.ProjectId == project.Id && a.FiscalYear >= Year - 2).ExecuteDelete();
        db.ProjectEvaluations.Where(e => e.ProjectId == project.Id && e.FiscalYear >= Year - 2).ExecuteDelete();
        foreach (var i in db.Indicators.Include(x => x.Values).Where(x => x.ProjectId == project.Id && x.Kind == IndicatorKind.Activity).ToList())
        {
            foreach (var (y, actual) in new[] { (Year - 1, outputLastYear), (Year, output) })
            {
                var value = i.SetValue(y, 100, actual);
                (value.CorrectionReason, value.CorrectedAt) = ("テストの前提に合わせて訂正", DateTime.UtcNow);
            }
        }
        ProjectEvaluation Sheet(int year, long cost, EvaluationState s) => new()
        {
            ProjectId = project.Id, FiscalYear = year, OwnerUnitId = road, SettledCost = cost, StaffCostPerPersonYear = 8_000_000, StaffPersonYears = 0.5m,
            Necessity = Rating.A, NecessityReason = "必要", Effectiveness = Rating.B, EffectivenessReason = "おおむね有効", Efficiency = efficiency, EfficiencyReason = "コストの見方",
            Equity = Rating.B, EquityReason = "公平", FirstDirection = Direction.Continue, State = s,
            PurposeTarget = complete || year < Year ? "市道を通行する歩行者と車両" : null, PurposeIntent = complete || year < Year ? "安全に通行できる" : null,
            Means = complete || year < Year ? "舗装と側溝を計画的に補修する" : null,
            PublishedAt = s == EvaluationState.Published ? new DateTime(year + 1, 9, 30, 1, 0, 0, DateTimeKind.Utc) : null,
        };
        db.ProjectEvaluations.AddRange(Sheet(Year - 2, 9_000_000, EvaluationState.Published), Sheet(Year - 1, settledLastYear, EvaluationState.Published), Sheet(Year, settled, state));
        db.SaveChanges();
        return (project.Id, $"/Evaluations/{Year}/{project.Id}");
    });

    private ProjectEvaluation Stored(int projectId) => app.WithDb(db => db.ProjectEvaluations.AsNoTracking().Single(e => e.ProjectId == projectId && e.FiscalYear == Year));

    private static async Task<(HttpResponseMessage Response, string Page)> StepAsync(HttpClient client, string url, string step, params (string, string)[] fields)
    {
        var page = await client.GetStringAsync($"{url}/Steps/{step}");
        var form = HtmlForms.Fields(page, $"{url}/Steps/{step}");
        foreach (var (name, value) in fields) form[name] = value;
        return (await client.PostAsync($"{url}/Steps/{step}", KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. form.Select(f => (f.Key, f.Value))])), page);
    }

    private static string Findings(string page) => Regex.Match(page, "<section[^>]*id=\"findings\".*?</section>", RegexOptions.Singleline).Value;

    [Fact]
    public async Task Each_review_step_lists_what_the_sheet_lacks_and_confirms_only_with_a_reason_the_sheet_keeps()
    {
        var (projectId, url) = Draft(0, complete: false);
        app.WithDb(db => db.ProjectEvaluations.Where(e => e.ProjectId == projectId && e.FiscalYear == Year).ExecuteUpdate(s => s.SetProperty(e => e.StaffPersonYears, 0m)));
        var head = await app.SignedInAsync(RoadHead);

        // 一次評価確定: empty 目的・手段 and a year without 人件費 are named; refused without a reason.
        var (refused, page) = await StepAsync(head, url, "FirstReview");
        var listed = Findings(page);
        Assert.Contains("目的の「対象（誰・何を）」が未記入です。", listed);
        Assert.Contains("目的の「意図（どのような状態にしたいか）」が未記入です。", listed);
        Assert.Contains("令和7年度の人件費がありません（人工が未入力か0です）。", listed);
        Assert.DoesNotContain("令和6年度の人件費", listed);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("確認事項があります。このまま確定する理由を書いてください", await refused.Content.ReadAsStringAsync());
        Assert.Equal(EvaluationState.Draft, Stored(projectId).State);

        var (confirmed, _) = await StepAsync(head, url, "FirstReview", ("Explanation", "目的は来年度の計画改定で定める。人工は年度末に集計する。"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var e = Stored(projectId);
        Assert.Equal(EvaluationState.FirstReviewed, e.State);
        Assert.Contains("目的の「対象（誰・何を）」が未記入です。", e.FirstReviewFindings);
        Assert.Equal("目的は来年度の計画改定で定める。人工は年度末に集計する。", e.FirstReviewExplanation);

        // 二次評価確定 asks again: the sheet is still incomplete.
        var planning = await app.SignedInAsync(Planning);
        var (second, secondPage) = await StepAsync(planning, url, "SecondReview");
        Assert.Contains("目的の「対象（誰・何を）」が未記入です。", Findings(secondPage));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(EvaluationState.FirstReviewed, Stored(projectId).State);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(planning, url, "SecondReview", ("Explanation", "一次評価の説明を了承した。"))).Response.StatusCode);

        // 公表: what the second review answered is not asked twice; the sheet keeps both notes.
        var (published, publishPage) = await StepAsync(planning, url, "Publish");
        Assert.DoesNotContain("id=\"findings\"", publishPage);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var sheet = await planning.GetStringAsync(url);
        Assert.Contains("id=\"first-review-note\"", sheet);
        Assert.Contains("id=\"second-review-note\"", sheet);
    }

    [Fact]
    public async Task A_sheet_reviewed_without_the_checks_is_published_only_with_a_reason_shown_to_citizens()
    {
        // As an imported or older sheet: second-reviewed with 目的 empty and nothing recorded about it.
        var (projectId, url) = Draft(0, complete: false, state: EvaluationState.SecondReviewed);
        var planning = await app.SignedInAsync(Planning);
        var (refused, page) = await StepAsync(planning, url, "Publish");
        Assert.Contains("目的の「対象（誰・何を）」が未記入です。", Findings(page));
        Assert.Contains("このまま公表する理由", page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(EvaluationState.SecondReviewed, Stored(projectId).State);

        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(planning, url, "Publish", ("Explanation", "旧システムの評価で目的の記載がない。次年度の評価で補う。"))).Response.StatusCode);
        var e = Stored(projectId);
        Assert.Equal(EvaluationState.Published, e.State);
        Assert.Contains("目的の「意図（どのような状態にしたいか）」が未記入です。", e.PublishFindings);

        var citizen = await app.NewClient().GetStringAsync($"/public/evaluations/{e.Id}");
        var note = Regex.Match(citizen, "<section[^>]*id=\"publish-note\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("目的の「対象（誰・何を）」が未記入です。", note);
        Assert.Contains("旧システムの評価で目的の記載がない。次年度の評価で補う。", note);
    }

    [Fact]
    public async Task Efficiency_is_checked_against_the_cost_trend_as_effectiveness_is_against_the_indicators()
    {
        var head = await app.SignedInAsync(RoadHead);
        // Cost per unit 140,000円 → 159,600円 (+14.0%): 効率性 A needs a reason.
        var (_, rising) = Draft(0, complete: true, Rating.A, settledLastYear: 10_000_000, settled: 11_960_000);
        var page = Findings(await head.GetStringAsync($"{rising}/Steps/FirstReview"));
        Assert.Contains("効率性を「A（高い）」としていますが、単位当たりコストが前年度より14.0%上がっています（140,000円 → 159,600円）。", page);
        Assert.Contains("単位当たりコストが前年度より14.0%上がっています。", await head.GetStringAsync(rising));

        // Within the threshold (+5.0%) a rating stands as given.
        var (_, steady) = Draft(0, complete: true, Rating.A, settledLastYear: 10_000_000, settled: 10_700_000);
        Assert.DoesNotContain("id=\"findings\"", await head.GetStringAsync($"{steady}/Steps/FirstReview"));

        // Output fell by half: cost per unit rose though the total did not; C while cost per unit fell is named too.
        var (_, fewer) = Draft(0, complete: true, Rating.A, output: 50);
        Assert.Contains("単位当たりコストが前年度より100.0%上がっています", Findings(await head.GetStringAsync($"{fewer}/Steps/FirstReview")));
        var (_, cheaper) = Draft(0, complete: true, Rating.C, settled: 7_000_000);
        Assert.Contains("効率性を「C（低い）」としていますが、単位当たりコストが前年度より21.4%下がっています", Findings(await head.GetStringAsync($"{cheaper}/Steps/FirstReview")));

        // Without an output measured in both years, the trend is the 総コスト's.
        var (noOutputId, noOutput) = Draft(0, complete: true, Rating.A, settled: 12_000_000);
        app.WithDb(db => db.IndicatorValues.Where(v => v.Indicator!.ProjectId == noOutputId && v.FiscalYear == Year - 1)
            .ExecuteUpdate(s => s.SetProperty(v => v.Actual, (decimal?)null).SetProperty(v => v.CorrectionReason, "テストの前提").SetProperty(v => v.CorrectedAt, DateTime.UtcNow)));
        Assert.Contains("効率性を「A（高い）」としていますが、総コストが前年度より14.3%上がっています（14,000千円 → 16,000千円）。", Findings(await head.GetStringAsync($"{noOutput}/Steps/FirstReview")));
    }

    [Fact]
    public async Task The_public_sheet_shows_purpose_indicators_and_cost_trend_as_published_and_a_later_correction_beside_them()
    {
        var (projectId, url) = Draft(0, complete: true, Rating.A, settled: 11_960_000, state: EvaluationState.SecondReviewed);
        var planning = await app.SignedInAsync(Planning);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(planning, url, "Publish", ("Explanation", "単価の上昇は資材価格の高騰による。"))).Response.StatusCode);
        var e = Stored(projectId);
        Assert.NotNull(e.PublishedSheet);

        var citizen = app.NewClient();
        var page = await citizen.GetStringAsync($"/public/evaluations/{e.Id}");
        Assert.Contains("市道を通行する歩行者と車両", page);
        Assert.Contains("安全に通行できる", page);
        Assert.Contains("舗装と側溝を計画的に補修する", page);
        Assert.Contains("id=\"indicators\"", page);
        Assert.Contains("単位当たりコストが前年度より14.0%上がっています。", page);
        Assert.Contains("159,600", page);
        Assert.Contains("費用と指標は公表日", page);
        var note = Regex.Match(page, "<section[^>]*id=\"publish-note\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("効率性を「A（高い）」としていますが", note);
        Assert.Contains("単価の上昇は資材価格の高騰による。", note);

        // A correction after publication: the published figures stand (the cost per unit read with the published output),
        // the correction is shown beside them.
        var indicatorName = app.WithDb(db =>
        {
            var value = db.IndicatorValues.Include(v => v.Indicator).First(v => v.Indicator!.ProjectId == projectId && v.Indicator.Kind == IndicatorKind.Activity && v.FiscalYear == Year);
            (value.Actual, value.CorrectionReason, value.CorrectedAt) = (80, "集計漏れがあったため訂正", new DateTime(2027, 2, 3, 1, 0, 0, DateTimeKind.Utc));
            db.SaveChanges();
            return value.Indicator!.Name;
        });
        foreach (var (reader, path) in new[] { (citizen, $"/public/evaluations/{e.Id}"), (planning, url) })
        {
            var after = await reader.GetStringAsync(path);
            Assert.Contains("単位当たりコストが前年度より14.0%上がっています。", after);
            Assert.Contains("159,600", after);
            Assert.Contains($"令和9年2月3日 訂正: {indicatorName}（令和7年度）の実績 100 → 80", after);
            Assert.Contains("集計漏れがあったため訂正", after);
        }
        // The Excel export reads the published sheet too.
        using var book = new ClosedXML.Excel.XLWorkbook(await planning.GetStreamAsync($"/Imports/{Core.Importing.SheetKind.Evaluations}/{Year}/Export"));
        var sheetText = string.Join("\n", book.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()));
        Assert.Contains("公表時の内容（コスト・指標）", sheetText);
        Assert.Matches($"指標：{Regex.Escape(indicatorName)}\n目標 100[^／\n]*／実績 100", sheetText);
        Assert.Contains("単価の上昇は資材価格の高騰による。", sheetText);
    }
}
