using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Personnel;

namespace Komaki.Management.IntegrationTests.Personnel;

/// What was signed is a snapshot: once a sheet of the year is 調整・確認済 (then 開示, 本人確認), what its grades meant
/// that day — each grade's 説明, 点数 and 勤勉手当区分 — is what the sheet, the print, the Excel and the 給与連携 CSV keep
/// saying. Every field of every grade of the design is changed in turn, posting the whole form back as the page sends
/// it; each change is refused beside its field and no output of a settled sheet moves. The guide (分布の目安) stays
/// editable, and the unchanged form still saves.
public sealed class SettledGradesTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Division = "jinji@komaki.example";
    private const int Year = 2025;

    private static readonly string[] Settled = ["Grades[{0}].Label", "Grades[{0}].Points", "Grades[{0}].BonusCategory"];

    private static async Task<string> OutputsAsync(HttpClient client, IReadOnlyList<int> ids)
    {
        var text = new StringBuilder();
        foreach (var id in ids)
        {
            text.AppendLine(Stable(await client.GetStringAsync($"/Personnel/{id}")));
            text.AppendLine(Stable(await client.GetStringAsync($"/Personnel/{id}/Print")));
            using var book = new ClosedXML.Excel.XLWorkbook(await client.GetStreamAsync($"/Personnel/{id}/Excel"));
            text.AppendLine(string.Join("\n", book.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => $"{c.Address}={c.GetFormattedString()}")));
        }
        text.AppendLine(Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/Personnel/Division/Payroll/{Year}")));
        return text.ToString();
    }

    // Tokens differ on every request; nothing else of a sheet may.
    private static string Stable(string html) => Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var token = await KomakiFactory.TokenAsync(client, $"/Personnel/Division/Design/{Year}");
        var response = await client.PostAsync($"/Personnel/Division/Design/{Year}", KomakiFactory.Form(token, [.. fields.Select(f => (f.Key, f.Value))]));
        // The saved message is shown (and spent) on the page the save leads to, not on the sheet read next.
        if (response.Headers.Location is { } next) await client.GetStringAsync(next);
        return response;
    }

    private static string Changed(string field, string value) => field.EndsWith(".Points", StringComparison.Ordinal) ? (decimal.Parse(value) + 0.5m).ToString() : value + "（改）";

    [Fact]
    public async Task No_field_of_a_grade_changes_what_a_settled_sheet_says()
    {
        var settled = app.WithDb(db => db.PersonnelEvaluations.Where(e => e.FiscalYear == Year && e.State >= PersonnelState.Confirmed).Select(e => e.Id).ToList());
        Assert.NotEmpty(settled);
        var division = await app.SignedInAsync(Division);
        var before = await OutputsAsync(division, settled);
        var page = await division.GetStringAsync($"/Personnel/Division/Design/{Year}");
        Assert.Contains("調整・確認を済ませた評価が", page);
        var form = HtmlForms.Fields(page, $"/Personnel/Division/Design/{Year}");
        var grades = Enumerable.Range(0, 10).Where(n => form.TryGetValue($"Grades[{n}].Code", out var c) && c != "").ToList();
        Assert.True(grades.Count >= 5);

        foreach (var n in grades)
            foreach (var pattern in Settled)
            {
                var field = string.Format(pattern, n);
                var fields = new Dictionary<string, string>(form) { [field] = Changed(field, form[field]) };
                var response = await PostAsync(division, fields);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var refused = await response.Content.ReadAsStringAsync();
                Assert.Matches($"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>[^<]*調整・確認を済ませた評価が", refused);
            }
        Assert.Equal(before, await OutputsAsync(division, settled));

        // What a settled sheet does not show may still change, and the form as shown saves.
        var guide = new Dictionary<string, string>(form) { [$"Grades[{grades[0]}].MaxShare"] = "7" };
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(division, guide)).StatusCode);
        Assert.Equal(7, app.WithDb(db => db.PersonnelDesigns.Where(d => d.FiscalYear == Year).SelectMany(d => d.Grades).Single(g => g.Code == form[$"Grades[{grades[0]}].Code"]).MaxShare));
        var again = HtmlForms.Fields(await division.GetStringAsync($"/Personnel/Division/Design/{Year}"), $"/Personnel/Division/Design/{Year}");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(division, again)).StatusCode);
        Assert.Equal(before, await OutputsAsync(division, settled));
    }
}
