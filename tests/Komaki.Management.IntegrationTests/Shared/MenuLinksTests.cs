using System.Net;
using System.Text.RegularExpressions;

namespace Komaki.Management.IntegrationTests.Shared;

/// A menu holds only what its reader may open: every link of the navigation bar of every role's account (the audit
/// committee's among them) answers 200, never 403 or 404.
public sealed class MenuLinksTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Theory]
    [MemberData(nameof(LoadPages.Accounts), MemberType = typeof(LoadPages))]
    public async Task Every_link_of_the_menu_opens(string account)
    {
        if (account == LoadPages.Public) return;
        var client = await app.SignedInAsync($"{account}@komaki.example");
        var response = await client.GetAsync("/");
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 3; hops++) response = await client.GetAsync(response.Headers.Location);
        var nav = Regex.Match(await response.Content.ReadAsStringAsync(), "<nav class=\"navbar.*?</nav>", RegexOptions.Singleline).Value;
        var links = Regex.Matches(nav, "href=\"(/[^\"#]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.True(links.Count >= 3, $"{account}: only {links.Count} menu links found");
        var failed = new List<string>();
        foreach (var link in links)
        {
            var page = await client.GetAsync(link);
            for (var hops = 0; page.StatusCode == HttpStatusCode.Redirect && hops < 3; hops++) page = await client.GetAsync(page.Headers.Location);
            if (page.StatusCode != HttpStatusCode.OK) failed.Add($"{link}: {(int)page.StatusCode}");
        }
        Assert.True(failed.Count == 0, $"{account}'s menu holds links it cannot open:\n" + string.Join("\n", failed));
    }
}
