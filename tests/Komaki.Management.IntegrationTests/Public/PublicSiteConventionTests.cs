using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Common;
using Komaki.Management.IntegrationTests.Support;

namespace Komaki.Management.IntegrationTests.Public;

/// The citizens' site is what the features declare (ADR 0018): the menu is their IPublicPageContribution entries,
/// GET /api/v1 their IOpenDataDataset lists. These tests make forgetting impossible: a public page nobody can reach, a
/// list the index does not name, a list without its JSON, its CSV, its columns or its section in docs/open-data.md.
public class PublicSiteConventionTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    /// Pages anyone may open outside the citizens' site and its files: signing in, the error pages.
    private static readonly string[] OutsideThePublicSite = ["AccountController", "ExternalSignInController", "HomeController"];

    [Fact]
    public async Task The_public_menu_is_the_features_pages_in_their_order()
    {
        var menu = PublicSiteMap.Menu(app);
        Assert.Equal(menu.Count, menu.Select(p => p.Order).Distinct().Count());
        Assert.Equal(menu.Count, menu.Select(p => p.Title).Distinct().Count());
        var urls = PublicSiteMap.MenuUrls(app);
        Assert.All(urls, u => Assert.StartsWith("/public", u, StringComparison.Ordinal));
        var html = await app.NewClient().GetStringAsync("/public");
        var nav = Regex.Match(html, "<ul class=\"nav public-nav d-none d-md-flex\">.*?</ul>", RegexOptions.Singleline).Value;
        var links = Regex.Matches(nav, "<a class=\"nav-link\" href=\"([^\"]+)\">([^<]+)</a>").Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        Assert.Equal(urls.Zip(menu, (u, p) => (u, p.Title)).ToList(), links);
    }

    [Fact]
    public async Task Every_public_page_anyone_may_open_is_reached_from_the_menu()
    {
        var gets = PublicSiteMap.AnonymousGets(app);
        var elsewhere = gets.Where(g => !g.Template.StartsWith("public", StringComparison.Ordinal) && !g.Template.StartsWith("api/v1", StringComparison.Ordinal)
                                        && !OutsideThePublicSite.Contains(g.Controller)).Select(g => $"{g.Controller}.{g.Method} /{g.Template}").ToList();
        Assert.True(elsewhere.Count == 0, "Open to anyone outside /public and /api/v1:\n" + string.Join("\n", elsewhere));

        var pages = await SiteCrawler.CrawlAsync(app.NewClient(), PublicSiteMap.MenuUrls(app), 400, variantsPerPath: 3);
        var paths = pages.Keys.Select(u => u.Split('?')[0]).Distinct().ToList();
        var unreached = gets.Where(g => g.Template.StartsWith("public", StringComparison.Ordinal) && !paths.Any(g.Path.IsMatch))
            .Select(g => $"{g.Controller}.{g.Method} /{g.Template}").ToList();
        Assert.True(unreached.Count == 0, "Public pages that neither the menu nor a page it leads to links (declare an IPublicPageContribution, or link it from one):\n"
            + string.Join("\n", unreached));
    }

    [Fact]
    public async Task Every_dataset_is_in_the_index_answers_as_json_and_as_csv_with_its_columns_and_is_documented()
    {
        var datasets = PublicSiteMap.Datasets(app);
        Assert.Equal(datasets.Count, datasets.Select(d => d.Name).Distinct().Count());
        var anonymous = app.NewClient();
        using var index = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1"));
        Assert.Equal(datasets.Select(d => d.Name), index.RootElement.GetProperty("lists").EnumerateArray().Select(l => l.GetString()));
        var listed = index.RootElement.GetProperty("datasets").EnumerateArray().ToList();
        var doc = File.ReadAllLines(Doc("open-data.md")).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        var instants = new List<string>();
        foreach (var (name, columns) in datasets)
        {
            var entry = listed.Single(d => d.GetProperty("name").GetString() == name);
            Assert.Equal($"/api/v1/{name}.csv", entry.GetProperty("csv").GetString());
            Assert.Equal(columns, entry.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));

            var json = await anonymous.GetAsync($"/api/v1/{name}");
            Assert.True(json.StatusCode == HttpStatusCode.OK, $"{name}: {json.StatusCode}");
            Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
            using (var body = JsonDocument.Parse(await json.Content.ReadAsStringAsync()))
                instants.AddRange(Instants(body.RootElement).Select(i => $"{name}: {i}").ToList());
            var csv = await anonymous.GetAsync($"/api/v1/{name}.csv");
            Assert.True(csv.StatusCode == HttpStatusCode.OK, $"{name}.csv: {csv.StatusCode}");
            var bytes = await csv.Content.ReadAsByteArrayAsync();
            Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
            Assert.Equal(string.Join(",", columns.Select(c => CsvWriter.Cell(c))), Encoding.UTF8.GetString(bytes[3..]).Split("\r\n")[0]);

            Assert.True(doc.Any(h => h.Contains($"`GET /api/v1/{name}", StringComparison.Ordinal) && h.Contains($"/api/v1/{name}.csv", StringComparison.Ordinal)),
                $"docs/open-data.md has no section 「## `GET /api/v1/{name}` … `/api/v1/{name}.csv`」");
        }

        // A time without its zone is read as local time by a portal: nine hours off the CSV of the same list.
        Assert.NotEmpty(instants);
        var zoneless = instants.Where(i => !Zoned.IsMatch(i)).ToList();
        Assert.True(zoneless.Count == 0, "Times in open-data JSON without their zone:\n" + string.Join("\n", zoneless.Take(10)));

        // Nothing under /api/v1 answers that is not a declared list's JSON or CSV, or the index.
        var files = datasets.SelectMany(d => new[] { $"api/v1/{d.Name}", $"api/v1/{d.Name}.csv" }).Append("api/v1").ToHashSet();
        var undeclared = PublicSiteMap.AnonymousGets(app).Where(g => g.Template.StartsWith("api/v1", StringComparison.Ordinal) && !files.Contains(g.Template))
            .Select(g => $"{g.Controller}.{g.Method} /{g.Template}").ToList();
        Assert.True(undeclared.Count == 0, "Open data not declared as an IOpenDataDataset:\n" + string.Join("\n", undeclared));
    }

    private static readonly Regex Instant = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", RegexOptions.None, TimeSpan.FromSeconds(1));
    private static readonly Regex Zoned = new(@"(Z|[+-]\d{2}:\d{2})$", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// Every string in a JSON document that is a date with a time of day.
    private static IEnumerable<string> Instants(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Instants(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Instants),
        JsonValueKind.String when Instant.IsMatch(e.GetString()!) => [e.GetString()!],
        _ => [],
    };

    private static string Doc(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Komaki.Management.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "docs", name);
    }
}
