using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Komaki.Management.IntegrationTests.Wording;

/// No page shows Razor code as text. Razor reads 「の@Wareki.FiscalYear(…)」 as an e-mail address and prints it as
/// it stands; every page of the demo city is rendered as each role and searched for an @ that starts code.
public class RenderedTextTests(KomakiFactory app, ITestOutputHelper output) : IClassFixture<KomakiFactory>
{
    // An @ not preceded by what an e-mail address has before it, followed by a C# identifier, ( or {.
    private static readonly Regex RazorAsText = new(@"(?<![A-Za-z0-9._%+\-])@(?:[A-Za-z_][A-Za-z0-9_]*|\(|\{)");

    [Theory]
    [InlineData("kikaku@komaki.example")]
    [InlineData("admin@komaki.example")]
    [InlineData("doro-kacho@komaki.example")]
    [InlineData("shicho@komaki.example")]
    [InlineData("hyoka@komaki.example")]
    [InlineData("")]
    public async Task No_page_renders_razor_code_as_text(string email)
    {
        var client = email.Length == 0 ? app.NewClient() : await app.SignedInAsync(email);
        var pages = await SiteCrawler.CrawlAsync(client, [email.Length == 0 ? "/public" : "/"], 900, variantsPerPath: 8);
        output.WriteLine($"{(email.Length == 0 ? "public" : email)}: {pages.Count} pages");
        Assert.True(pages.Count > (email.StartsWith("hyoka", StringComparison.Ordinal) ? 3 : 50), $"only {pages.Count} pages reached");
        var found = pages.Where(p => !p.Key.Contains(".xlsx", StringComparison.Ordinal) && !p.Key.Contains("/Export", StringComparison.Ordinal))
            .SelectMany(p => RazorAsText.Matches(p.Value).Select(m => $"{p.Key}: …{Around(p.Value, m.Index)}…")).Distinct().Take(20).ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 30), Math.Min(70, text.Length - Math.Max(0, at - 30)));
}
