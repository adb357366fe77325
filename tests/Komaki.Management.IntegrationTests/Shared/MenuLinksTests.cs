using System.Net;
using System.Text.RegularExpressions;

namespace Komaki.Management.IntegrationTests.Shared;

/// A menu holds only what its reader may open: every link of the navigation bar of every role's account (the audit
/// committee's among them) answers 200, never 403 or 404 — and so does every import or export link on the pages the
/// menu opens (an import's `year` is a fiscal year for some kinds and a mayor's term for others).
public sealed class MenuLinksTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Theory]
    [MemberData(nameof(LoadPages.Accounts), MemberType = typeof(LoadPages))]
    public async Task Every_link_of_the_menu_opens(string account)
    {
        if (account == LoadPages.Public) return;
        var (client, links) = await MenuAsync(account);
        Assert.True(links.Count >= 3, $"{account}: only {links.Count} menu links found");
        var failed = new List<string>();
        foreach (var link in links)
            if (await OpenAsync(client, link) is var (status, _) && status != HttpStatusCode.OK) failed.Add($"{link}: {(int)status}");
        Assert.True(failed.Count == 0, $"{account}'s menu holds links it cannot open:\n" + string.Join("\n", failed));
    }

    [Theory]
    [MemberData(nameof(LoadPages.Accounts), MemberType = typeof(LoadPages))]
    public async Task Every_import_and_export_link_on_every_menu_page_opens(string account)
    {
        if (account == LoadPages.Public) return;
        var (client, menu) = await MenuAsync(account);
        var links = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in menu)
        {
            var (status, html) = await OpenAsync(client, page);
            if (status != HttpStatusCode.OK) continue;
            links.UnionWith(Links(html).Where(l => l.StartsWith("/Imports/", StringComparison.Ordinal)));
        }
        if (account == "kikaku") Assert.Contains(links, l => l.StartsWith("/Imports/manifesto/", StringComparison.Ordinal));
        var failed = new List<string>();
        foreach (var link in links)
            if (await OpenAsync(client, link) is var (status, _) && status != HttpStatusCode.OK) failed.Add($"{link}: {(int)status}");
        Assert.True(failed.Count == 0, $"{account}: import and export links on the menu's pages that do not open:\n" + string.Join("\n", failed));
    }

    /// The manifesto page as planning sees it: every link on it opens (the import link once answered 404).
    [Fact]
    public async Task Every_link_on_the_manifesto_page_opens_for_planning()
    {
        var client = await app.SignedInAsync("kikaku@komaki.example");
        var (status, html) = await OpenAsync(client, "/Manifesto");
        Assert.Equal(HttpStatusCode.OK, status);
        var links = Links(html).Where(l => !l.StartsWith("/Account/Logout", StringComparison.Ordinal) && !l.StartsWith("/lib/", StringComparison.Ordinal)
            && !l.StartsWith("/css/", StringComparison.Ordinal) && !l.StartsWith("/js/", StringComparison.Ordinal)).ToList();
        Assert.Contains(links, l => l.StartsWith("/Imports/manifesto/", StringComparison.Ordinal));
        var failed = new List<string>();
        foreach (var link in links)
            if (await OpenAsync(client, link) is var (s, _) && s != HttpStatusCode.OK) failed.Add($"{link}: {(int)s}");
        Assert.True(failed.Count == 0, "links on the manifesto page that do not open:\n" + string.Join("\n", failed));
    }

    private async Task<(HttpClient Client, List<string> Links)> MenuAsync(string account)
    {
        var client = await app.SignedInAsync($"{account}@komaki.example");
        var (_, home) = await OpenAsync(client, "/");
        var nav = Regex.Match(home, "<nav class=\"navbar.*?</nav>", RegexOptions.Singleline).Value;
        return (client, Links(nav).ToList());
    }

    private static IEnumerable<string> Links(string html) =>
        Regex.Matches(html, "href=\"(/[^\"#]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct();

    private static async Task<(HttpStatusCode Status, string Html)> OpenAsync(HttpClient client, string url)
    {
        var page = await client.GetAsync(url);
        for (var hops = 0; page.StatusCode == HttpStatusCode.Redirect && hops < 3; hops++) page = await client.GetAsync(page.Headers.Location);
        return (page.StatusCode, page.Content.Headers.ContentType?.MediaType == "text/html" ? await page.Content.ReadAsStringAsync() : "");
    }
}
