using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Komaki.Management.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Komaki.Management.IntegrationTests.Wording;

/// A unit never stands without its value in a sheet that goes out: 「実績 回」 (an actual not yet entered) reads as a
/// misplaced label. Every export — each sheet kind's and every other route named Export — is downloaded by planning
/// with an indicator's target and actual left empty, and every cell is searched for a unit after a label, a dash or
/// nothing, and for empty brackets where a unit was meant.
public sealed partial class ExportUnitsTests(KomakiFactory app, ITestOutputHelper output) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task No_cell_of_any_export_shows_a_unit_without_its_value()
    {
        var year = app.WithDb(db => db.ProjectEvaluations.Max(e => e.FiscalYear));
        // An indicator of an evaluated project with its value for the year not entered: the sheet must say so, not 「実績 回」.
        var units = app.WithDb(db =>
        {
            // A published year's actuals change only by a correction: the value left empty is one not entered yet, or added empty.
            var evaluated = db.ProjectEvaluations.Where(e => e.FiscalYear == year && e.PublishedSheet == null).Select(e => e.ProjectId);
            var value = db.IndicatorValues.Where(v => v.FiscalYear == year && v.Actual == null && v.Indicator!.Unit != "" && evaluated.Contains(v.Indicator.ProjectId!.Value))
                .OrderBy(v => v.Id).FirstOrDefault();
            if (value is not null) value.Target = null;
            else db.IndicatorValues.Add(new Core.Plans.IndicatorValue
            {
                IndicatorId = db.Indicators.Where(i => i.Unit != "" && i.ProjectId != null && evaluated.Contains(i.ProjectId.Value) && !i.Values.Any(v => v.FiscalYear == year)).OrderBy(i => i.Id).First().Id,
                FiscalYear = year,
            });
            db.SaveChangesAsync().GetAwaiter().GetResult();
            return db.Indicators.Select(i => i.Unit).Where(u => u != "").Distinct().ToList();
        });
        var unit = string.Join("|", units.Append("千円").Append("円").Select(Regex.Escape));
        var dangling = new Regex($@"(?:目標値?|実績値?|基準値?|見込み?|(?<!単位)[：:]|[－―])[ 　]*(?:{unit})(?=$|[\s／/、。,）)])", RegexOptions.Multiline);
        var empty = new Regex(@"（\s*）|\(\s*\)");

        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var urls = SheetKinds.All.Values.Where(k => k.Export is not null).Select(k => $"/Imports/{k.Name}/{year}/Export").ToList();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText ?? "").Where(t => t.Contains("Export", StringComparison.OrdinalIgnoreCase) && !t.Contains("{kind", StringComparison.Ordinal)).Distinct().ToList();
        var skipped = new List<string>();
        foreach (var template in endpoints)
        {
            var url = "/" + Regex.Replace(template.TrimStart('/'), @"\{year(:int)?\}", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (url.Contains('{', StringComparison.Ordinal)) { skipped.Add(template); continue; }
            urls.Add(url + (template.Contains("{year", StringComparison.Ordinal) ? "" : $"?year={year}"));
        }
        var problems = new List<string>();
        var sheets = new List<string>();
        foreach (var url in urls)
        {
            var response = await planning.GetAsync(url);
            if (response.Content.Headers.ContentType?.MediaType?.Contains("spreadsheetml", StringComparison.Ordinal) != true)
            {
                skipped.Add($"{url}: {(int)response.StatusCode}");
                continue;
            }
            sheets.Add(url);
            using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
            foreach (var cell in book.Worksheets.SelectMany(w => w.CellsUsed()))
            {
                var text = cell.GetFormattedString();
                if (dangling.Match(text) is { Success: true } m) problems.Add($"{url} {cell.Worksheet.Name}!{cell.Address}: 「{m.Value}」 in 「{text}」");
                else if (empty.IsMatch(text)) problems.Add($"{url} {cell.Worksheet.Name}!{cell.Address}: empty brackets in 「{text}」");
            }
        }
        output.WriteLine($"exports read: {string.Join(", ", sheets)}; not read: {string.Join(", ", skipped)}");
        Assert.Contains(sheets, s => s.Contains("/Imports/evaluations/", StringComparison.OrdinalIgnoreCase) || s.Contains("valuation", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }
}
