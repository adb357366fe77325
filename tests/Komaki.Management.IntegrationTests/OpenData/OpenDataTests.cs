using System.Net;
using System.Text;
using System.Text.Json;
using Komaki.Management.Core.Evaluation;

namespace Komaki.Management.IntegrationTests.OpenData;

public class OpenDataTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task Only_published_evaluations_are_served_to_anyone_as_json_and_csv()
    {
        var anonymous = app.NewClient();
        var json = await anonymous.GetStringAsync("/api/v1/evaluations?year=2025");
        using var doc = JsonDocument.Parse(json);
        var codes = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("projectCode").GetString()!).ToList();
        var (published, unpublished) = app.WithDb(db => (
            db.ProjectEvaluations.Where(e => e.FiscalYear == 2025 && e.State == EvaluationState.Published).Select(e => e.Project!.Code).ToList(),
            db.ProjectEvaluations.Where(e => e.FiscalYear == 2025 && e.State != EvaluationState.Published).Select(e => e.Project!.Code).ToList()));
        Assert.Equal(published.Order(), codes.Order());
        Assert.NotEmpty(unpublished);
        Assert.DoesNotContain(codes, unpublished.Contains);
        Assert.Contains("\"directionLabel\":\"", json);

        var csv = await anonymous.GetAsync("/api/v1/evaluations.csv?year=2025");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("事業コード,事務事業名", lines[0]);
        Assert.Equal(published.Count, lines.Length - 1);

        var forum = await anonymous.GetStringAsync("/api/v1/forum");
        Assert.Contains("令和7年度 行政評価市民公開フォーラム", forum);
        Assert.DoesNotContain("令和8年度 行政評価市民公開フォーラム", forum);
        // The staff pages stay behind sign-in.
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Evaluations")).StatusCode);
    }
}
