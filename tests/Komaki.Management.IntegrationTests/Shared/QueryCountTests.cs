using Komaki.Management.Core.Data;
using Komaki.Management.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Komaki.Management.IntegrationTests.Shared;

/// The demo city grown by 1,000 projects over 3 years (seed-large at a test's size).
public sealed class LargerCityFactory : KomakiFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var scope = Services.CreateScope();
        await new LargeSeeder(scope.ServiceProvider.GetRequiredService<AppDbContext>()).SeedAsync(1000, 3);
    }
}

/// The number of SQL commands a page sends must not grow with the data: every page of the staff menu (as a planning
/// officer and as a division head, read from the menu itself), the pages staff open from it that grow with the city,
/// and every kind of public page are requested on the demo city and on one with about eight times the projects, with
/// the read caches emptied first (every area's version raised), and the counts compared. No page's HTML may pass 300 KB.
public class QueryCountTests(KomakiFactory small, LargerCityFactory large) : IClassFixture<KomakiFactory>, IClassFixture<LargerCityFactory>
{
    private static readonly string[] People = ["kikaku@komaki.example", "doro-kacho@komaki.example"];

    private static readonly string[] Deeper =
    [
        "/PlanTree?open={measure}", "/PlanTree/Projects?q=%E4%BA%8B%E6%A5%AD", "/PlanTree/Projects?page=2", "/Plan/Measure/{measure}",
        "/Board?year=2026", "/Board/Mayor?year=2025", "/Evaluations?year=2025", "/Evaluations/2025/Print", "/Budgets?year=2025", "/Budgets/2025/Comparison",
        "/ImplementationPlans/2026", "/ImplementationPlans/2026/Compare", "/ImplementationPlans/2026/Compare?changesOnly=false&page=3",
        "/ExecutionPlans?year=2025", "/MeasureEvaluations?year=2025", "/Reports/Results?year=2025", "/Goals?year=2026", "/Goals/Board?year=2026",
        "/public", "/public/measures/{measure}", "/public/evaluations?year=2024", "/public/manifesto", "/public/voices", "/public/forum",
        "/api/v1/measures", "/api/v1/indicators?measureId={measure}", "/api/v1/evaluations?year=2024",
    ];

    private const int MaxHtmlBytes = 300 * 1024;

    /// The GET links of the navigation bar a person sees (the public site is listed in Deeper).
    private static async Task<List<string>> MenuAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/");
        var nav = Regex.Match(html, "<nav class=\"navbar.*?</nav>", RegexOptions.Singleline).Value;
        return Regex.Matches(nav, "href=\"(/[^\"#]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(h => !h.StartsWith("/public", StringComparison.Ordinal)).Distinct().ToList();
    }

    private static async Task<Dictionary<string, int>> CountAsync(KomakiFactory app, List<string> sizes)
    {
        var measure = app.WithDb(db => db.Measures.Single(m => m.Code == "1-1").Id);
        var counts = new Dictionary<string, int>();
        foreach (var person in People)
        {
            var client = await app.SignedInAsync(person);
            var menu = await MenuAsync(client);
            Assert.True(menu.Count >= 20, $"{person}: only {menu.Count} menu links found");
            foreach (var page in menu.Concat(Deeper))
            {
                var url = page.Replace("{measure}", measure.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                // Every read model is built again: the data of every area counts as changed.
                app.WithDb(db => db.Database.ExecuteSqlRaw("UPDATE DataVersions SET Version = Version + 1"));
                var before = app.Queries.Count;
                var response = await client.GetAsync(url);
                Assert.True(response.IsSuccessStatusCode, $"{person} {url}: {response.StatusCode}");
                counts[$"{person} {page}"] = app.Queries.Count - before;
                var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                // A print of everything and the open-data files may be longer: they are downloads, not screens.
                var screen = !url.Contains("/Print", StringComparison.Ordinal) && !url.StartsWith("/api/", StringComparison.Ordinal);
                if (screen && bytes > MaxHtmlBytes) sizes.Add($"{person} {url}: {bytes / 1024} KB");
            }
        }
        return counts;
    }

    [Fact]
    public async Task No_page_of_the_menu_sends_more_queries_on_a_larger_city_or_more_than_300_KB()
    {
        Assert.True(large.WithDb(db => db.Projects.Count()) >= 5 * small.WithDb(db => db.Projects.Count()));
        var sizes = new List<string>();
        var few = await CountAsync(small, []);
        var many = await CountAsync(large, sizes);
        Assert.Equal(few.Keys.Order(), many.Keys.Order());
        var grew = few.Where(p => many[p.Key] != p.Value).Select(p => $"{p.Key}: {p.Value} queries on the demo city, {many[p.Key]} on the larger one").ToList();
        Assert.True(grew.Count == 0, string.Join("\n", grew));
        // 「対応待ち」 and the home page look at three fiscal years of the cycle and, for a division head, of the unit's
        // plan lines, budgets, actuals, evaluations and progress; every other page stays under 30.
        var over = many.Where(p => p.Value > (p.Key.EndsWith("/Goals/Waiting", StringComparison.Ordinal) || p.Key.EndsWith(" /", StringComparison.Ordinal) ? 60 : 30))
            .Select(p => $"{p.Key}: {p.Value} queries").ToList();
        Assert.True(over.Count == 0, string.Join("\n", over));
        Assert.True(sizes.Count == 0, string.Join("\n", sizes));
    }

    [Fact]
    public async Task A_filtered_tree_on_a_large_city_shows_the_first_projects_and_sends_the_rest_to_the_list()
    {
        var client = await large.SignedInAsync("kikaku@komaki.example");
        var matching = large.WithDb(db => db.Projects.Count(p => p.RetiredAt == null && p.Name.Contains("拡張")));
        Assert.True(matching > 300);
        var html = await client.GetStringAsync("/PlanTree?q=" + Uri.EscapeDataString("拡張"));
        Assert.Equal(300, System.Text.RegularExpressions.Regex.Count(html, "href=\"/Plan/Project/\\d+\""));
        Assert.Contains($"最初の 300 件だけを表示しています（ほか {matching - 300} 件）", html);
        Assert.Contains("href=\"/PlanTree/Projects?q=%E6%8B%A1%E5%BC%B5\"", html);
    }
}
