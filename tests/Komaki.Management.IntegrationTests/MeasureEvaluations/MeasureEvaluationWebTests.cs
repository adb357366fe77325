using System.Net;
using Komaki.Management.Core.Evaluation;

namespace Komaki.Management.IntegrationTests.MeasureEvaluations;

public class MeasureEvaluationWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task The_owning_division_assesses_its_measure_from_indicators_projects_and_survey()
    {
        var measureId = app.WithDb(db => db.Measures.Single(m => m.Code == "6-2" && m.RetiredAt == null).Id);
        var url = $"/MeasureEvaluations/2025/{measureId}";
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var list = await planning.GetStringAsync("/MeasureEvaluations?year=2025");
        Assert.Equal(30, System.Text.RegularExpressions.Regex.Count(list, "/MeasureEvaluations/2025/\\d+\""));
        var expectedCost = app.WithDb(db => db.ProjectEvaluations.Where(e => e.FiscalYear == 2025 && e.State != EvaluationState.Draft && e.Project!.MeasureId == measureId).ToList().Sum(e => e.FullCost ?? 0));
        var page = await planning.GetStringAsync(url);
        Assert.Contains($"総コスト {Core.Common.Amounts.Thousands(expectedCost)}千円", page);
        Assert.Contains("満足度", page);

        var other = await app.SignedInAsync("kankyo-kacho@komaki.example");
        var otherPage = await other.GetStringAsync(url);
        Assert.DoesNotContain("name=\"assessment\"", otherPage);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(otherPage), ("assessment", "x"), ("direction", "Expand"), ("version", "0")))).StatusCode);

        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var token = KomakiFactory.TokenIn(await head.GetStringAsync(url));
        var missing = await head.PostAsync(url, KomakiFactory.Form(token, ("assessment", ""), ("version", "0")));
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("施策の評価（成果と課題）を入力してください。", html);
        Assert.Contains("施策の今後の方向性を選んでください。", html);
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostAsync(url, KomakiFactory.Form(token, ("assessment", "生活道路の改良は計画どおり。橋梁の老朽化対策が課題。"), ("direction", "Improve"), ("version", "0")))).StatusCode);
        Assert.Equal(Direction.Improve, app.WithDb(db => db.MeasureEvaluations.Single(e => e.MeasureId == measureId && e.FiscalYear == 2025).Direction));
        Assert.Contains("改善", await planning.GetStringAsync("/MeasureEvaluations?year=2025"));
    }

    [Fact]
    public async Task An_assessment_longer_than_its_column_is_refused_beside_the_field_and_nothing_is_written()
    {
        var measureId = app.WithDb(db => db.Measures.Single(m => m.Code == "6-2" && m.RetiredAt == null).Id);
        var url = $"/MeasureEvaluations/2025/{measureId}";
        var before = app.WithDb(db => db.MeasureEvaluations.Count());
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var token = KomakiFactory.TokenIn(await head.GetStringAsync(url));
        var response = await head.PostAsync(url, KomakiFactory.Form(token, ("Assessment", new string('評', 4001)), ("Direction", "Improve"), ("Version", "0")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("施策の評価は4,000文字以内で入力してください。", html);
        Assert.Contains("is-invalid\" id=\"assessment\"", html);
        Assert.Equal(before, app.WithDb(db => db.MeasureEvaluations.Count()));
    }
}
