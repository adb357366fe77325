using System.Net;
using AngleSharp.Html.Parser;
using Komaki.Management.Core.InternalControl;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Control;

/// The levels 1〜3 of 発生可能性 and 影響度 mean what the 推進部局 words for the year: the wording stands beside the
/// risk form's inputs, on the printed register and in its Excel export; a division cannot change it; the form sent back unchanged changes
/// nothing.
public sealed class ControlRiskLevelsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Promotion = "gyosei@komaki.example";
    private const string Likely = "月に一度以上起こりうる";
    private const string Severe = "市の信用を大きく損ない、市民生活に重大な影響を及ぼす";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    private (string? L3, string? I3, string? L1, int Version, int Audits) Stored() => app.WithDb(db =>
    {
        var y = db.ControlYears.AsNoTracking().Single(y => y.FiscalYear == 2026);
        return (y.Likelihood3, y.Impact3, y.Likelihood1, y.Version, db.AuditEntries.Count());
    });

    /// The fields of the levels form as the page shows them.
    private static async Task<(string, string)[]> FormFieldsAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Control/Year/2026/Levels");
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return document.QuerySelectorAll("#levels-form input").Where(i => !(i.GetAttribute("name") ?? "").StartsWith("__", StringComparison.Ordinal)).Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToArray();
    }

    [Fact]
    public async Task The_promotion_body_words_the_levels_and_they_stand_beside_the_risk_inputs_and_on_the_print()
    {
        var promotion = await app.SignedInAsync(Promotion);
        var form = await promotion.GetStringAsync("/Control/Year/2026/Levels");
        Assert.Contains(RiskLevels.StandardLikelihood[2], form);
        Assert.Contains(RiskLevels.StandardImpact[0], form);
        Assert.Contains("/Control/Year/2026/Levels", await promotion.GetStringAsync("/Control?year=2026"));

        var fields = (await FormFieldsAsync(promotion)).Select(f => f.Item1 switch { "Likelihood3" => (f.Item1, Likely), "Impact3" => (f.Item1, Severe), _ => f }).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(promotion, "/Control/Year/2026/Levels", fields)).StatusCode);
        var stored = Stored();
        Assert.Equal(Likely, stored.L3);
        Assert.Equal(Severe, stored.I3);
        Assert.Null(stored.L1);

        // Beside the inputs of the risk form, for the division that writes the risk.
        var risk = await (await app.SignedInAsync("doro-tanto@komaki.example")).GetStringAsync("/Control/Risks/Create?year=2026");
        var page = await new HtmlParser().ParseDocumentAsync(risk);
        Assert.Contains(Likely, page.QuerySelector("#likelihood-levels")!.TextContent);
        Assert.Contains(RiskLevels.StandardLikelihood[0], page.QuerySelector("#likelihood-levels")!.TextContent);
        Assert.Contains(Severe, page.QuerySelector("#impact-levels")!.TextContent);
        Assert.Contains(Likely, page.QuerySelector("#Likelihood option[value='3']")!.TextContent);

        // On the register as it prints: the definitions are not hidden from print.
        var register = await new HtmlParser().ParseDocumentAsync(await promotion.GetStringAsync("/Control?year=2026"));
        var levels = register.QuerySelector("#risk-levels")!;
        Assert.Contains(Likely, levels.TextContent);
        Assert.Contains(Severe, levels.TextContent);
        for (var e = levels; e is not null; e = e.ParentElement) Assert.DoesNotContain("d-print-none", e.ClassName ?? "", StringComparison.Ordinal);

        // And in the register's Excel export, level by level, as worded for the year.
        using (var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await promotion.GetByteArrayAsync("/Control/Register/Excel?year=2026"))))
        {
            var sheet = book.Worksheet("発生可能性・影響度の定義");
            Assert.Equal(("3", Likely, Severe), (sheet.Cell(4, 1).GetString(), sheet.Cell(4, 2).GetString(), sheet.Cell(4, 3).GetString()));
            Assert.Equal(("1", RiskLevels.StandardLikelihood[0], RiskLevels.StandardImpact[0]), (sheet.Cell(6, 1).GetString(), sheet.Cell(6, 2).GetString(), sheet.Cell(6, 3).GetString()));
        }

        // Sent back unchanged, the form changes nothing: no version, no audit entry.
        var before = Stored();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(promotion, "/Control/Year/2026/Levels", await FormFieldsAsync(promotion))).StatusCode);
        Assert.Equal(before, Stored());

        // An empty level is refused beside its field.
        var empty = (await FormFieldsAsync(promotion)).Select(f => f.Item1 == "Impact2" ? (f.Item1, "") : f).ToArray();
        var refused = await (await PostAsync(promotion, "/Control/Year/2026/Levels", empty)).Content.ReadAsStringAsync();
        Assert.Contains("影響度2の定義を入力してください。", refused);
        Assert.Equal(before, Stored());

        // A level longer than its column is refused beside its field with the limit read from the model, and every level
        // is checked at once, whatever else the form says.
        var longer = (await FormFieldsAsync(promotion)).Select(f => f.Item1 switch { "Likelihood1" => (f.Item1, new string('長', 201)), "Impact3" => (f.Item1, ""), _ => f }).ToArray();
        var tooLong = new HtmlParser().ParseDocument(await (await PostAsync(promotion, "/Control/Year/2026/Levels", longer)).Content.ReadAsStringAsync());
        Assert.Equal("発生可能性1の定義は200文字以内にしてください（いま201文字）。", tooLong.QuerySelector("[data-valmsg-for='Likelihood1']")!.TextContent.Trim());
        Assert.Equal("影響度3の定義を入力してください。", tooLong.QuerySelector("[data-valmsg-for='Impact3']")!.TextContent.Trim());
        Assert.Equal(before, Stored());
    }

    [Fact]
    public async Task A_division_cannot_word_the_levels()
    {
        var before = Stored();
        foreach (var user in new[] { "doro-kacho@komaki.example", "doro-tanto@komaki.example", "somu@komaki.example" })
        {
            var division = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await division.GetAsync("/Control/Year/2026/Levels")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(division, "/Control/Year/2026/Levels", ("Version", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Likelihood1", "書き換え"), ("Likelihood2", "書き換え"), ("Likelihood3", Likely), ("Impact1", "書き換え"), ("Impact2", "書き換え"), ("Impact3", Severe))).StatusCode);
            Assert.DoesNotContain("/Control/Year/2026/Levels", await division.GetStringAsync("/Control?year=2026"));
        }
        Assert.Equal(before, Stored());
    }
}
