using System.Text.Json;
using Microsoft.Playwright;

namespace Komaki.Management.BrowserTests;

/// Every page of the staff menu and of the public site fits its screen: at 1366 × 768 and on a 390 × 844 phone no
/// page scrolls sideways (wide tables scroll inside their own box), and axe-core finds no serious or critical
/// accessibility violation on the public pages and the main staff pages.
[Collection(nameof(AppServer))]
public class LayoutTests(AppServer server)
{
    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vendor", "axe-core", "axe.min.js"));

    private static async Task<List<string>> MenuLinksAsync(IPage page) =>
        (await page.Locator("nav a.dropdown-item, nav a.nav-link").EvaluateAllAsync<string?[]>("as => as.map(a => a.getAttribute('href'))"))
        .OfType<string>().Where(h => h.StartsWith('/')).Append("/").Distinct().ToList();

    private async Task<List<string>> PublicLinksAsync(IPage page)
    {
        await page.GotoAsync(server.BaseUrl + "/public");
        return (await page.Locator("a").EvaluateAllAsync<string?[]>("as => as.map(a => a.getAttribute('href'))"))
            .OfType<string>().Where(h => h.StartsWith("/public", StringComparison.Ordinal)).Append("/public").Distinct().ToList();
    }

    private async Task<List<string>> WiderThanScreenAsync(IPage page, IEnumerable<string> paths, int width)
    {
        var wide = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(server.BaseUrl + path);
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (scrollWidth > width) wide.Add($"{path} ({scrollWidth}px)");
        }
        return wide;
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task No_page_of_the_staff_menu_or_the_public_site_scrolls_sideways(int width, int height)
    {
        var wide = new List<string>();
        foreach (var email in new[] { "kikaku@komaki.example", "doro-kacho@komaki.example" })
        {
            var staff = await server.SignedInPageAsync(email, width, height);
            wide.AddRange(await WiderThanScreenAsync(staff, await MenuLinksAsync(staff), width));
            await staff.Context.CloseAsync();
        }
        var citizen = await server.PageAsync(width, height);
        var links = await PublicLinksAsync(citizen);
        Assert.True(links.Count > 10);
        wide.AddRange(await WiderThanScreenAsync(citizen, links, width));
        await citizen.Context.CloseAsync();
        Assert.True(wide.Count == 0, "scrolls sideways: " + string.Join(", ", wide));
    }

    private async Task<List<string>> SeriousViolationsAsync(IPage page, IEnumerable<string> paths)
    {
        var found = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(server.BaseUrl + path);
            await page.EvaluateAsync(Axe);
            var violations = await page.EvaluateAsync<JsonElement>("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' ' + v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(' / '))
                """);
            found.AddRange(violations.EnumerateArray().Select(v => $"{path}: {v.GetString()}"));
        }
        return found;
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_on_the_public_site_and_the_main_staff_pages()
    {
        var citizen = await server.PageAsync(1366, 768);
        var found = await SeriousViolationsAsync(citizen, await PublicLinksAsync(citizen));
        await citizen.Context.CloseAsync();

        var planning = await server.SignedInPageAsync("kikaku@komaki.example", 1366, 768);
        found.AddRange(await SeriousViolationsAsync(planning, await MenuLinksAsync(planning)));
        await planning.Context.CloseAsync();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
