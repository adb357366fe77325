using System.Net;
using System.Reflection;
using System.Text;
using CsCheck;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;
using Komaki.Management.IntegrationTests.Support;
using Komaki.Management.Web.Features.Personnel;
using Komaki.Management.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Security;

/// One writer, one formula guard (OWASP CSV injection: a leading = + - @ tab or CR): the guard holds for any text,
/// Excel exports use the same guard, and every CSV the app serves — found in the compiled code, not typed by hand —
/// writes a cell that begins with each dangerous character as text.
public class CsvFormulaGuardTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Division = "jinji@komaki.example";
    private const string Dangerous = "=+-@\t\r";

    [Fact]
    public void Any_text_written_as_a_cell_reads_back_as_itself_or_quoted_when_it_begins_like_a_formula()
    {
        var text = Gen.OneOf(Gen.String, Gen.Select(Gen.Char[Dangerous], Gen.String, (c, s) => c + s), Gen.String["0123456789.,+-=@\t\r\"\n'"]);
        text.Sample(s =>
        {
            var read = Parse(CsvWriter.Cell(s) + "\r\n").Single().Single();
            var formula = s.Length > 0 && Dangerous.Contains(s[0], StringComparison.Ordinal) && !SignedNumber(s);
            Assert.Equal(formula ? "'" + s : s, read);
            Assert.Equal(formula, FormulaGuard.LooksLikeFormula(s));
        }, iter: 5000);
    }

    [Fact]
    public void Signed_numbers_stay_numbers()
    {
        Gen.Decimal.Sample(d =>
        {
            var s = d.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(s, CsvWriter.Cell(d));
            Assert.False(FormulaGuard.LooksLikeFormula(s));
        });
        foreach (var s in new[] { "-1+1", "-1,000)", "+A1", "-", "+", "-1e5", "- 1" }) Assert.True(FormulaGuard.LooksLikeFormula(s), s);
    }

    [Fact]
    public void Excel_exports_quote_exactly_what_the_same_guard_takes_for_a_formula()
    {
        using var wb = new ClosedXML.Excel.XLWorkbook();
        var ws = wb.AddWorksheet("s");
        var row = 0;
        Gen.OneOf(Gen.String, Gen.Select(Gen.Char[Dangerous], Gen.String, (c, s) => c + s)).Where(s => s.Length > 0).Sample(s =>
        {
            var cell = ws.Cell(++row, 1);
            SheetCells.Text(cell, s);
            Assert.Equal(FormulaGuard.LooksLikeFormula(s), cell.Style.IncludeQuotePrefix);
            Assert.Equal(ClosedXML.Excel.XLDataType.Text, cell.DataType);
        }, iter: 500, threads: 1); // one worksheet and one row counter: ClosedXML is not thread-safe
    }

    /// Every action that answers a CSV, with the request that reads it and who may: each open-data list's CSV as the
    /// features declare them (IOpenDataDataset, with the action that answers its path), and the staff files. A CSV action
    /// that is neither fails Every_csv_the_app_serves_is_in_the_list until it is declared, so it is planted into below.
    private (string Action, string Who, string Url)[] Endpoints =>
    [
        .. PublicSiteMap.Datasets(app).Select(d => $"/api/v1/{d.Name}.csv")
            .Select(url => (PublicSiteMap.Answering(app, url) is { } a ? $"{a.Controller}.{a.Method}" : $"nothing answers {url}", "", url)),
        ($"{nameof(PersonnelDivisionController)}.{nameof(PersonnelDivisionController.Payroll)}", Division, "/Personnel/Division/Payroll/2025"),
    ];

    [Fact]
    public void Every_csv_the_app_serves_is_in_the_list_and_goes_through_the_one_writer()
    {
        var result = typeof(CsvDownload).GetMethod(nameof(CsvDownload.Result))!;
        var assemblies = new[] { typeof(CsvDownload).Assembly, typeof(CsvWriter).Assembly };
        var methods = assemblies.SelectMany(a => a.GetTypes()).Where(t => !t.IsNested).SelectMany(IlReader.MethodsOf)
            .Select(m => (Method: m, Il: IlReader.Read(m))).ToList();
        var csvActions = methods.Where(m => m.Il.Calls.Any(c => c is MethodInfo { IsGenericMethod: true } g && g.GetGenericMethodDefinition() == result))
            .Select(m => $"{IlReader.OuterType(m.Method).Name}.{IlReader.SourceName(m.Method)}").Distinct().Order().ToList();
        Assert.Equal(Endpoints.Select(e => e.Action).Order().ToList(), csvActions);

        // No other door: the CSV content type is named by the one download helper only.
        var others = methods.Where(m => m.Il.Strings.Any(s => s.Contains("text/csv", StringComparison.OrdinalIgnoreCase)) && IlReader.OuterType(m.Method) != typeof(CsvDownload))
            .Select(m => $"{IlReader.OuterType(m.Method).Name}.{IlReader.SourceName(m.Method)}").ToList();
        Assert.Empty(others);
    }

    [Fact]
    public async Task Every_csv_the_app_serves_writes_a_cell_beginning_with_each_dangerous_character_as_text()
    {
        var division = await app.SignedInAsync(Division);
        var anonymous = app.NewClient();
        // The demo city has published 評価の効き目, so its file has rows whose 部 names (kept as published) are planted below.
        Assert.True(app.WithDb(db => db.EffectPublications.Any()));
        foreach (var c in Dangerous)
        {
            var value = c + "1+1";
            app.WithDb(db =>
                db.Projects.ExecuteUpdate(s => s.SetProperty(p => p.Name, value)) + db.Measures.ExecuteUpdate(s => s.SetProperty(m => m.Name, value))
                + db.Indicators.ExecuteUpdate(s => s.SetProperty(i => i.Name, value)) + db.ManifestoItems.ExecuteUpdate(s => s.SetProperty(i => i.Title, value))
                + db.ExternalReviewProjects.ExecuteUpdate(s => s.SetProperty(p => p.CityResponse, value)) + db.CitizenInputs.ExecuteUpdate(s => s.SetProperty(i => i.Summary, value))
                + db.StaffMembers.ExecuteUpdate(s => s.SetProperty(m => m.Name, value))
                // A published evaluation shows the project as it was published (PublishedSheet.Project).
                + db.Database.ExecuteSqlRaw("UPDATE ProjectEvaluations SET PublishedSheet = json_set(PublishedSheet, '$.Project.Name', {0}) WHERE json_extract(PublishedSheet, '$.Project') IS NOT NULL", value)
                + db.Set<Komaki.Management.Core.BudgetFormulation.EffectPublicationRow>().ExecuteUpdate(s => s.SetProperty(r => r.Department, value)));
            foreach (var (action, who, url) in Endpoints)
            {
                // The rows were changed behind the app's back, so each round asks past the public output cache.
                var response = await (who == Division ? division : anonymous).GetAsync($"{url}?round={(int)c}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {response.StatusCode}");
                var cells = Parse(Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..])).SelectMany(r => r).ToList();
                Assert.True(cells.Contains("'" + value), $"{action}: no planted cell {Escape(value)}");
                Assert.DoesNotContain(cells, x => x.Length > 0 && Dangerous.Contains(x[0], StringComparison.Ordinal) && !SignedNumber(x));
            }
        }
    }

    private static string Escape(string s) => s.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    /// A sign, digits (with thousands commas) and an optional decimal part: what the guard leaves as a number.
    private static bool SignedNumber(string s)
    {
        if (s.Length < 2 || s[0] is not ('+' or '-') || !char.IsAsciiDigit(s[1])) return false;
        var parts = s[1..].Split('.');
        return parts.Length <= 2 && parts[0].All(ch => char.IsAsciiDigit(ch) || ch == ',') && (parts.Length == 1 || parts[1].Length > 0 && parts[1].All(char.IsAsciiDigit));
    }

    /// RFC 4180 as a spreadsheet reads it, without trimming.
    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else field.Append(ch);
        }
        Assert.False(quoted, "an unclosed quote");
        Assert.True(field.Length == 0 && row.Count == 0, "a record without its CRLF");
        return rows;
    }
}
