using System.Net;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Evaluations;

/// Evaluations that hold together: each review step opens a page of its own that says what will happen; ratings that
/// disagree with the sheet's own indicators are named beside the reason field, and confirming anyway needs a
/// written reason, which the sheet then shows.
public class ConsistencyWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string RoadHead = "doro-kacho@komaki.example";
    private const string Planning = "kikaku@komaki.example";
    private const int Year = 2025;

    /// A road project with a fresh draft evaluation rated as given, and its one indicator's year set to target/actual.
    private (int ProjectId, string Url) Draft(int n, Rating effectiveness, Direction direction, string? improvement, decimal? target, decimal? actual) => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
        var project = db.Projects.Where(p => p.OwnerUnitId == road && p.RetiredAt == null).OrderBy(p => p.Code).Skip(n).First();
        db.ImprovementActions.Where(a => a.ProjectEvaluation!.ProjectId == project.Id && a.FiscalYear == Year).ExecuteDelete();
        db.ProjectEvaluations.Where(e => e.ProjectId == project.Id && e.FiscalYear == Year).ExecuteDelete();
        foreach (var i in db.Indicators.Include(x => x.Values).Where(x => x.ProjectId == project.Id).ToList())
        {
            i.BaselineValue = null;
            var value = i.SetValue(Year, target, actual);
            // The year's actuals may be published: a change of one is a correction, with its reason.
            (value.CorrectionReason, value.CorrectedAt) = ("テストの前提に合わせて訂正", DateTime.UtcNow);
        }
        // The sheet is complete — 目的・手段 written and every year's cost known — so only the ratings are in question.
        db.ProjectEvaluations.Where(e => e.ProjectId == project.Id && e.FiscalYear < Year).ExecuteUpdate(s => s.SetProperty(e => e.SettledCost, 1_000_000L).SetProperty(e => e.StaffPersonYears, 0.5m));
        if (!db.ProjectEvaluations.Any(e => e.ProjectId == project.Id && e.FiscalYear == Year - 2))
            db.ProjectEvaluations.Add(new ProjectEvaluation
            {
                ProjectId = project.Id, FiscalYear = Year - 2, OwnerUnitId = road, SettledCost = 1_000_000, StaffCostPerPersonYear = 8_000_000, StaffPersonYears = 0.5m,
                State = EvaluationState.Published, PublishedAt = new DateTime(Year - 1, 9, 30, 1, 0, 0, DateTimeKind.Utc),
            });
        db.ProjectEvaluations.Add(new ProjectEvaluation
        {
            PurposeTarget = "市道を通行する歩行者と車両", PurposeIntent = "安全に通行できる", Means = "舗装と側溝を計画的に補修する",
            ProjectId = project.Id, FiscalYear = Year, OwnerUnitId = road, SettledCost = 1_000_000, StaffCostPerPersonYear = 8_000_000, StaffPersonYears = 0.5m,
            Necessity = Rating.A, NecessityReason = "必要", Effectiveness = effectiveness, EffectivenessReason = "理由", Efficiency = Rating.B, EfficiencyReason = "妥当",
            Equity = Rating.B, EquityReason = "公平", FirstDirection = direction, Improvement = improvement,
        });
        db.SaveChanges();
        return (project.Id, $"/Evaluations/{Year}/{project.Id}");
    });

    private ProjectEvaluation Stored(int projectId) => app.WithDb(db => db.ProjectEvaluations.AsNoTracking().Single(e => e.ProjectId == projectId && e.FiscalYear == Year));

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string url, string step, params (string, string)[] fields)
    {
        var page = await client.GetStringAsync($"{url}/Steps/{step}");
        var form = HtmlForms.Fields(page, $"{url}/Steps/{step}");
        foreach (var (name, value) in fields) form[name] = value;
        return await client.PostAsync($"{url}/Steps/{step}", KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. form.Select(f => (f.Key, f.Value))]));
    }

    [Fact]
    public async Task Effectiveness_a_without_an_actual_is_confirmed_only_with_a_reason_which_the_sheet_shows()
    {
        var (projectId, url) = Draft(0, Rating.A, Direction.Continue, null, 100, null);
        var head = await app.SignedInAsync(RoadHead);

        var details = await head.GetStringAsync(url);
        Assert.Contains($"href=\"{url}/Steps/FirstReview\"", details);
        var page = await head.GetStringAsync($"{url}/Steps/FirstReview");
        Assert.Contains("確定すると、次のようになります", page);
        Assert.Contains("この評価は所属では編集できなくなり、企画担当の二次評価に回ります。", page);
        Assert.Contains("有効性を「A（高い）」としていますが、この年度の指標の実績がありません。", page);
        Assert.Equal(EvaluationState.Draft, Stored(projectId).State); // opening the page changes nothing

        var refused = await ConfirmAsync(head, url, "FirstReview");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("確認事項があります。このまま確定する理由を書いてください", html);
        Assert.Matches("id=\"Explanation\"[^>]*>\\s*</textarea>\\s*<div class=\"invalid-feedback\">確認事項があります", html);
        Assert.Equal(EvaluationState.Draft, Stored(projectId).State);

        var confirmed = await ConfirmAsync(head, url, "FirstReview", ("Explanation", "実績は12月に確定する。上半期の進捗から高いと判断した。"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var e = Stored(projectId);
        Assert.Equal(EvaluationState.FirstReviewed, e.State);
        Assert.Contains("この年度の指標の実績がありません", e.FirstReviewFindings);
        var sheet = await head.GetStringAsync(url);
        Assert.Contains("一次評価の確認事項（シートの不足、指標・コストと評価の食い違い）", sheet);
        Assert.Contains("実績は12月に確定する。上半期の進捗から高いと判断した。", sheet);
    }

    [Fact]
    public async Task Effectiveness_a_below_target_and_c_with_every_target_met_are_both_named()
    {
        var (_, behind) = Draft(1, Rating.A, Direction.Continue, null, 100, 40);
        var head = await app.SignedInAsync(RoadHead);
        var page = await head.GetStringAsync($"{behind}/Steps/FirstReview");
        Assert.Contains("有効性を「A（高い）」としていますが、指標は目標に届いていません", page);
        Assert.Contains("判定「C 遅れ」", page);

        var (_, met) = Draft(2, Rating.C, Direction.Continue, null, 100, 120);
        page = await head.GetStringAsync($"{met}/Steps/FirstReview");
        Assert.Contains("有効性を「C（低い）」としていますが、判定できる指標はすべて目標を達成しています", page);

        var (consistentId, consistent) = Draft(3, Rating.B, Direction.Continue, null, 100, 90);
        page = await head.GetStringAsync($"{consistent}/Steps/FirstReview");
        Assert.DoesNotContain("id=\"findings\"", page);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(head, consistent, "FirstReview")).StatusCode);
        Assert.Null(Stored(consistentId).FirstReviewFindings);
    }

    [Fact]
    public async Task A_second_review_that_asks_for_change_without_an_improvement_needs_planning_to_say_why()
    {
        var (projectId, url) = Draft(4, Rating.B, Direction.Continue, null, 100, 95);
        var head = await app.SignedInAsync(RoadHead);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(head, url, "FirstReview")).StatusCode);

        var planning = await app.SignedInAsync(Planning);
        var page = await planning.GetStringAsync($"{url}/Steps/SecondReview");
        Assert.Contains("方向性が「維持」以外なら改善の取組が登録され", page);
        var refused = await ConfirmAsync(planning, url, "SecondReview", ("SecondDirection", "Reduce"), ("SecondReason", "利用者が減っている。"));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("今後の方向性が「縮小」ですが、改善内容が書かれていません。", html);
        Assert.Equal(EvaluationState.FirstReviewed, Stored(projectId).State);

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(planning, url, "SecondReview", ("SecondDirection", "Reduce"), ("SecondReason", "利用者が減っている。"),
            ("Explanation", "縮小の内容は来年度の実施計画の策定で所属と詰める。"))).StatusCode);
        var e = Stored(projectId);
        Assert.Equal((EvaluationState.SecondReviewed, Direction.Reduce), (e.State, e.FinalDirection!.Value));
        Assert.Contains("二次評価の確認事項", await planning.GetStringAsync(url));

        // Publication has its page too, and says it cannot be taken back.
        page = await planning.GetStringAsync($"{url}/Steps/Publish");
        Assert.Contains("公表は取り消せません。", page);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(planning, url, "Publish")).StatusCode);
        Assert.Equal(EvaluationState.Published, Stored(projectId).State);
    }

    [Fact]
    public async Task The_entry_form_shows_purpose_three_years_of_cost_and_indicators_and_last_years_improvement_beside_the_ratings()
    {
        var (projectId, url) = Draft(0, Rating.B, Direction.Continue, null, 100, 95);
        var head = await app.SignedInAsync(RoadHead);
        var form = await head.GetStringAsync($"{url}/Edit");
        Assert.Contains("id=\"evaluation-form\"", form);
        Assert.Contains("class=\"evaluation-evidence\"", form);
        Assert.Contains("令和5年度", form);
        Assert.Contains("令和6年度", form);
        Assert.Contains("id=\"activity-indicators\"", form);
        Assert.Contains("id=\"no-outcome\"", form); // this project has no outcome indicator: said, not hidden
        Assert.Contains("id=\"costs\"", form);

        var fields = HtmlForms.Fields(form, null);
        fields["PurposeTarget"] = "市内の通学路を通る児童";
        fields["PurposeIntent"] = "安全に通学できる";
        fields["Means"] = "危険箇所に防護柵を設置する";
        fields["FirstDirection"] = "Reduce";
        fields["Improvement"] = "";
        var saved = await head.PostAsync($"{url}/Edit", KomakiFactory.Form(KomakiFactory.TokenIn(form), [.. fields.Select(f => (f.Key, f.Value))]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var sheet = await head.GetStringAsync(url);
        Assert.Contains("市内の通学路を通る児童", sheet);
        Assert.Contains("危険箇所に防護柵を設置する", sheet);
        // Saved as a draft, but told at once what the first review will need.
        Assert.Contains("一次評価の確定までに、次の入力が必要です: 改善内容。", sheet);
        Assert.Equal("安全に通学できる", Stored(projectId).PurposeIntent);
    }
}
