using Komaki.Management.Core.Data;
using Komaki.Management.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

/// The number of SQL commands a page sends must not grow with the data: each page is requested on the demo city and
/// on one with about eight times the projects, with the read caches emptied first (every area's version raised), and the counts compared.
public class QueryCountTests(KomakiFactory small, LargerCityFactory large) : IClassFixture<KomakiFactory>, IClassFixture<LargerCityFactory>
{
    private static readonly string[] Pages =
    [
        "/", "/PlanTree", "/PlanTree?open={measure}", "/PlanTree/Projects?q=%E4%BA%8B%E6%A5%AD", "/PlanTree/Projects?page=2", "/Plan/Measure/{measure}",
        "/Board?year=2026", "/Board/Mayor?year=2025", "/Goals/Waiting", "/Manifesto", "/Evaluations?year=2025", "/Evaluations/2025/Print", "/Improvements", "/Cycle/Calendar?year=2026",
        "/public", "/public/measures/{measure}", "/public/evaluations?year=2024", "/public/manifesto", "/public/voices",
        "/api/v1/measures", "/api/v1/indicators?measureId={measure}",
    ];

    private static async Task<Dictionary<string, int>> CountAsync(KomakiFactory app)
    {
        var measure = app.WithDb(db => db.Measures.Single(m => m.Code == "1-1").Id);
        var client = await app.SignedInAsync("kikaku@komaki.example");
        var counts = new Dictionary<string, int>();
        foreach (var page in Pages)
        {
            var url = page.Replace("{measure}", measure.ToString());
            // Every read model is built again: the data of every area counts as changed.
            app.WithDb(db => db.Database.ExecuteSqlRaw("UPDATE DataVersions SET Version = Version + 1"));
            var before = app.Queries.Count;
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
            counts[page] = app.Queries.Count - before;
        }
        return counts;
    }

    [Fact]
    public async Task No_page_sends_more_queries_on_a_larger_city()
    {
        Assert.True(large.WithDb(db => db.Projects.Count()) >= 5 * small.WithDb(db => db.Projects.Count()));
        var few = await CountAsync(small);
        var many = await CountAsync(large);
        foreach (var page in Pages)
        {
            Assert.True(few[page] == many[page], $"{page}: {few[page]} queries on the demo city, {many[page]} on the larger one");
            // 「対応待ち」 looks at three fiscal years of the cycle, 13 queries each; every other page stays under 30.
            Assert.True(many[page] <= (page == "/Goals/Waiting" ? 45 : 30), $"{page}: {many[page]} queries");
        }
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
