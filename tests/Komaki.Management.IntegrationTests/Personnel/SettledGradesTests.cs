using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Personnel;

namespace Komaki.Management.IntegrationTests.Personnel;

/// What was signed is a snapshot: once a sheet of the year is 調整・確認済 (then 開示, 本人確認), what its grades meant
/// that day — each grade's 説明, 点数 and 勤勉手当区分 — is what the sheet, the print, the Excel and the 給与連携 CSV keep
/// saying. Every field of every grade of the design is changed in turn, posting the whole form back as the page sends
/// it; each change is refused beside its field and no output of a settled sheet moves. The guide (分布の目安) stays
/// editable, and the unchanged form still saves. Beyond the grades, every field of the design form is changed in turn
/// (the criteria's 着眼点 among them): refused beside its field, or saved without moving what a settled sheet says.
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

    /// Another value for a field of the design form, as a person would type it.
    private static string Other(string field, string value) => field switch
    {
        _ when DateOnly.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var d) => d.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ when decimal.TryParse(value, out var n) => (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ when field.EndsWith(".JobLevel", StringComparison.Ordinal) => Enum.GetNames<JobLevel>().First(l => l != value),
        _ => value + "（改）",
    };

    /// The person's settled sheet as the division and as the person read it, printed and in Excel.
    private static async Task<string> SheetAsync(HttpClient division, HttpClient person, int id)
    {
        var text = new StringBuilder();
        foreach (var client in new[] { division, person })
        {
            text.AppendLine(Stable(await client.GetStringAsync($"/Personnel/{id}")));
            text.AppendLine(Stable(await client.GetStringAsync($"/Personnel/{id}/Print")));
        }
        using var book = new ClosedXML.Excel.XLWorkbook(await division.GetStreamAsync($"/Personnel/{id}/Excel"));
        text.AppendLine(string.Join("\n", book.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => $"{c.Address}={c.GetFormattedString()}")));
        return text.ToString();
    }

    [Fact]
    public async Task No_field_of_the_design_changes_what_a_settled_and_acknowledged_sheet_says()
    {
        const string Person = "doro-shuji@komaki.example";
        var id = app.WithDb(db => db.PersonnelEvaluations.Single(e => e.FiscalYear == Year && e.StaffMember!.Email == Person).Id);
        Assert.True(app.WithDb(db => db.PersonnelEvaluations.Single(e => e.Id == id).State) >= PersonnelState.Disclosed);
        var division = await app.SignedInAsync(Division);
        var person = await app.SignedInAsync(Person);
        var before = await SheetAsync(division, person, id);
        var url = $"/Personnel/Division/Design/{Year}";
        var form = HtmlForms.Fields(await division.GetStringAsync(url), url);
        Assert.Contains(form.Keys, k => k.EndsWith(".Viewpoints", StringComparison.Ordinal));
        // The checkbox is sent only when ticked: its other value is its absence.
        var fields = form.Keys.Where(k => k != "Version" && !k.StartsWith("__", StringComparison.Ordinal)).Append("DiscloseDetails").Distinct().ToList();
        var moved = new List<string>();
        foreach (var field in fields)
        {
            var current = HtmlForms.Fields(await division.GetStringAsync(url), url);
            var changed = new Dictionary<string, string>(form) { ["Version"] = current["Version"] };
            if (field == "DiscloseDetails") { if (!changed.Remove(field)) changed[field] = "true"; }
            else changed[field] = Other(field, form[field]);
            var response = await PostAsync(division, changed);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                if (await SheetAsync(division, person, id) != before) moved.Add(field);
                var restore = new Dictionary<string, string>(form) { ["Version"] = HtmlForms.Fields(await division.GetStringAsync(url), url)["Version"] };
                Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(division, restore)).StatusCode);
                continue;
            }
            var refused = await response.Content.ReadAsStringAsync();
            // Beside the field, its row (a name typed in an empty row asks for the row's weight) or its table.
            var (group, row) = (field.Split('[')[0], field.Split('.')[0]);
            if (!Regex.IsMatch(refused, $"data-valmsg-for=\"({Regex.Escape(field)}|{Regex.Escape(group)}|{Regex.Escape(row)}\\.\\w+)\"[^>]*>[^<]*\\p{{IsCJKUnifiedIdeographs}}"))
                moved.Add($"{field}: refused, but not beside the field");
        }
        Assert.True(moved.Count == 0, "changed what the settled sheet says: " + string.Join(", ", moved));
        Assert.Equal(before, await SheetAsync(division, person, id));
    }
}
