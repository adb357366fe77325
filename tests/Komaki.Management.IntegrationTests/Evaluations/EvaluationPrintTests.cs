using System.Text.RegularExpressions;
using Komaki.Management.Web.Features.Evaluations;

namespace Komaki.Management.IntegrationTests.Evaluations;

/// The printed evaluation sheets of a year come in parts: every sheet the reader may read is in exactly one part, and
/// each part says which of how many it holds — nothing is cut off without a word (a city of 3,000 projects once got
/// its first 200 only).
public partial class EvaluationPrintTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [GeneratedRegex(@"<article class=""print-page"">.*?<span class=""code"">(?<code>[^<]+)</span>", RegexOptions.Singleline)]
    private static partial Regex SheetCode();

    [GeneratedRegex(@"全 (?<total>[\d,]+) 件のうち (?<first>[\d,]+)〜(?<last>[\d,]+) 件目")]
    private static partial Regex PartText();

    [Fact]
    public async Task Every_readable_sheet_of_the_year_is_printed_in_exactly_one_part_and_each_part_says_which()
    {
        const int year = 2025;
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var expected = app.WithDb(db => db.ProjectEvaluations.Count(e => e.FiscalYear == year));
        Assert.True(expected > EvaluationPrintModel.SheetsPerPrint, $"the demo city has {expected} evaluations in {year}: too few to need parts");

        var printed = new List<string>();
        var parts = (expected + EvaluationPrintModel.SheetsPerPrint - 1) / EvaluationPrintModel.SheetsPerPrint;
        for (var page = 1; page <= parts; page++)
        {
            var html = await planning.GetStringAsync($"/Evaluations/{year}/Print?page={page}");
            var part = PartText().Match(html);
            Assert.True(part.Success, $"part {page} does not say which sheets it holds");
            Assert.Equal(expected, int.Parse(part.Groups["total"].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture));
            var codes = SheetCode().Matches(html).Select(m => m.Groups["code"].Value).ToList();
            Assert.Equal((page - 1) * EvaluationPrintModel.SheetsPerPrint + 1, int.Parse(part.Groups["first"].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(codes.Count, int.Parse(part.Groups["last"].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) - (page - 1) * EvaluationPrintModel.SheetsPerPrint);
            Assert.Equal(page < parts, html.Contains($"page={page + 1}", StringComparison.Ordinal));
            printed.AddRange(codes);
        }
        Assert.Equal(expected, printed.Count);
        Assert.Equal(expected, printed.Distinct().Count());
    }
}
