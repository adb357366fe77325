using System.Net;
using ClosedXML.Excel;
using Komaki.Management.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Reports;

/// What is signed is a snapshot: the 主要施策成果説明書 given to the council is frozen that day; the screen, print and
/// Excel show it with its date whatever changes later, and a correction is a new edition beside it (訂正), with its
/// reason — never a silent rewrite. Submitting with projects 未記入 lists them and needs a reason.
public class ResultsSubmissionTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const int Year = 2025;

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string? comment)
    {
        var page = await client.GetStringAsync($"/Reports/Results/Submit?year={Year}");
        return await client.PostAsync($"/Reports/Results/Submit?year={Year}", comment is null ? KomakiFactory.Form(KomakiFactory.TokenIn(page)) : KomakiFactory.Form(KomakiFactory.TokenIn(page), ("Comment", comment)));
    }

    private static async Task<string> ExcelTextAsync(HttpClient client, string url)
    {
        using var book = new XLWorkbook(await client.GetStreamAsync(url));
        return string.Join("\n", book.Worksheet(1).CellsUsed().Select(c => c.GetString()));
    }

    [Fact]
    public async Task The_report_given_to_the_council_reads_as_submitted_and_a_correction_stands_beside_it()
    {
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        Assert.Contains("まだ議会に提出していません", await planning.GetStringAsync($"/Reports/Results?year={Year}"));

        // The confirmation lists the projects 未記入; without a reason nothing is submitted.
        var confirm = await planning.GetStringAsync($"/Reports/Results/Submit?year={Year}");
        var unwritten = System.Text.RegularExpressions.Regex.Match(confirm, "<section[^>]*id=\"missing\".*?</section>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains($"取組の成果が{ResultsReport.NotWritten}", unwritten);
        var refused = await SubmitAsync(planning, null);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("このまま提出するときは、理由を書いてください", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.ResultsSubmissions.Count()));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(planning, "議会の日程に合わせ、未記入の事業は決算審査で口頭で補う。")).StatusCode);
        var first = app.WithDb(db => db.ResultsSubmissions.AsNoTracking().Single());
        Assert.Equal(1, first.Edition);
        Assert.Contains("議会の日程に合わせ", first.Note);

        // A measure's indicator actual changes after submission (a correction of a published actual).
        var (policyCode, name) = app.WithDb(db =>
        {
            var value = db.IndicatorValues.Include(v => v.Indicator).ThenInclude(i => i!.Measure).ThenInclude(m => m!.Policy)
                .Where(v => v.FiscalYear == Year && v.Actual != null && v.Indicator!.MeasureId != null && v.Indicator.RetiredAt == null).OrderBy(v => v.Id).First();
            (value.Actual, value.CorrectionReason, value.CorrectedAt) = (98765, "集計の誤りを訂正", DateTime.UtcNow);
            db.SaveChanges();
            return (value.Indicator!.Measure!.Policy!.Code, value.Indicator.Name);
        });
        var url = $"/Reports/Results?year={Year}&policy={policyCode}";
        var submitted = await planning.GetStringAsync(url);
        Assert.Contains("議会提出</strong>（第1版）の内容です", submitted);
        Assert.Contains(name, submitted);
        Assert.DoesNotContain("98,765", submitted);
        Assert.DoesNotContain("98,765", await planning.GetStringAsync($"/Reports/Results?year={Year}&print=all"));
        var excel = await ExcelTextAsync(planning, $"/Reports/Results/Export?year={Year}");
        Assert.Contains("議会提出（第1版）", excel);
        Assert.DoesNotContain("98765", excel.Replace(",", "", StringComparison.Ordinal));
        var live = await planning.GetStringAsync(url + "&live=true");
        Assert.Contains("98,765", live);
        Assert.Contains("現在のデータで作った説明書です", live);

        // A correction needs its reason and becomes the second edition, shown beside the first.
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(planning, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(planning, "指標の実績の集計誤りを訂正したため。")).StatusCode);
        var corrected = await planning.GetStringAsync(url);
        Assert.Contains("訂正</strong>（第2版）の内容です", corrected);
        Assert.Contains("98,765", corrected);
        Assert.Contains($"?year={Year}&amp;edition=1", corrected);
        Assert.Contains("指標の実績の集計誤りを訂正したため。", corrected);
        Assert.DoesNotContain("98,765", await planning.GetStringAsync(url + "&edition=1"));

        // Only planning submits.
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/Reports/Results/Submit?year={Year}")).StatusCode);
    }
}
