using System.Text.RegularExpressions;
using Komaki.Management.Core.Common;

namespace Komaki.Management.IntegrationTests.Control;

/// The 定員 form as a table one can trust: after any refusal every row keeps its 職種 and 任用形態 and what was typed;
/// columns the reader cannot change are drawn as text; the heading names the year requested; the reconciliation opens on
/// the year 定員管理 opens on and shows its formula in the page.
public sealed class StaffingFormTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    [Fact]
    public async Task A_refused_request_comes_back_with_every_rows_labels_and_values_and_read_only_columns_as_text()
    {
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var lines = app.WithDb(db => db.StaffingLines.Where(l => l.FiscalYear == 2026 && l.OrgUnitId == road).OrderBy(l => l.Id).ToList());
        Assert.NotEmpty(lines);
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var form = await head.GetStringAsync($"/Staffing/2026/{road}/Edit");
        Assert.Contains($"{Wareki.FiscalYearWithWestern(2027)}の要求", form);
        Assert.Contains("class=\"form-control-plaintext form-control-sm\" name=\"Lines[0].Allocated\"", form);
        Assert.Contains("class=\"form-control form-control-sm\" name=\"Lines[0].Requested\"", form);

        // Every row posted with a request that cannot be read: refused, and each row still says what it is.
        var fields = new List<(string, string)>();
        for (var n = 0; n < lines.Count; n++)
        {
            fields.AddRange([($"Lines[{n}].Id", lines[n].Id.ToString()), ($"Lines[{n}].Version", lines[n].Version.ToString()), ($"Lines[{n}].Requested", "十二"),
                ($"Lines[{n}].RequestReason", "窓口の増員")]);
        }
        var refused = await (await PostAsync(head, $"/Staffing/2026/{road}/Edit", [.. fields])).Content.ReadAsStringAsync();
        Assert.Contains("value=\"十二\"", refused);
        Assert.Contains("窓口の増員", refused);
        foreach (var line in lines)
        {
            Assert.Contains(line.JobType.Label(), refused);
            Assert.Contains(line.Employment.Label(), refused);
        }
        Assert.Contains("要求数は0以上の整数（人）で入力してください。", refused);

        // A reason longer than its column is refused beside its field with the limit read from the model; nothing is saved.
        var longReason = fields.Select(f => f.Item1 == "Lines[0].RequestReason" ? (f.Item1, new string('理', 1001)) : f.Item1.EndsWith(".Requested", StringComparison.Ordinal) ? (f.Item1, "12") : f).ToArray();
        var tooLong = await (await PostAsync(head, $"/Staffing/2026/{road}/Edit", longReason)).Content.ReadAsStringAsync();
        Assert.Contains("要求の理由は1000文字以内で入力してください。", tooLong);
        Assert.Equal(lines.Select(l => (l.Id, l.Version, l.Requested)), app.WithDb(db => db.StaffingLines.Where(l => l.FiscalYear == 2026 && l.OrgUnitId == road).OrderBy(l => l.Id).Select(l => new { l.Id, l.Version, l.Requested }).ToList())
            .Select(l => (l.Id, l.Version, l.Requested)));

        var rows = Regex.Matches(refused, "<tr>\\s*<td><input type=\"hidden\" name=\"Lines\\[\\d+\\]\\.Id\"[^<]*<input[^>]*>\\s*([^<\\s][^<]*)<").Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(lines.Count, rows.Count(r => r.Length > 0));
    }

    [Fact]
    public async Task The_reconciliation_opens_on_the_year_of_staffing_and_shows_its_formula()
    {
        var personnel = await app.SignedInAsync("jinji@komaki.example");
        var staffing = await personnel.GetStringAsync("/Staffing");
        var reconcile = await personnel.GetStringAsync("/Staffing/Reconcile");
        var year = Wareki.FiscalYear(DateTime.Now.Month >= 4 ? DateTime.Now.Year : DateTime.Now.Year - 1);
        Assert.Contains($"人工と職員数の突合 {year}", reconcile);
        Assert.Contains(year, staffing);
        Assert.Contains("id=\"formula\"", reconcile);
        Assert.DoesNotContain("title=\"職員", reconcile);
    }
}
