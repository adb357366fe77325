using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.IntegrationTests.Shared;

namespace Komaki.Management.IntegrationTests.Control;

/// The internal-control policy in force decides most of who may do what on the control pages (the 推進部局, the
/// 評価部局): every rule a page asks reads it, and the page reads it once for all of them (ControlPages keeps it for
/// the request until something is saved).
public sealed class ControlPolicyReadTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task Every_control_page_reads_the_policy_in_force_once_however_many_rules_it_asks()
    {
        var twice = new List<string>();
        var measured = 0;
        foreach (var (account, listed) in LoadPages.Read().Where(p => p.Key != LoadPages.Public).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var client = await app.SignedInAsync($"{account}@komaki.example");
            foreach (var page in listed.Where(p => p.StartsWith("/Control", StringComparison.Ordinal)))
            {
                var url = await ResolveAsync(client, page);
                var commands = app.Queries.Record();
                HttpResponseMessage response;
                try { response = await client.GetAsync(url); }
                finally { app.Queries.StopRecording(); }
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{account} {url}: {response.StatusCode}");
                var reads = commands.Count(c => c.Contains("FROM \"ControlPolicies\"", StringComparison.Ordinal));
                measured++;
                if (reads > 1) twice.Add($"{account} {url}: {reads} reads of the policy in {commands.Count} commands");
            }
        }
        Assert.True(measured >= 20, $"only {measured} control pages measured");
        Assert.True(twice.Count == 0, string.Join("\n", twice));
    }

    /// 「/Control -> /Control/Risks/\d+」: the first link of the list that matches, as the load test follows it.
    private static async Task<string> ResolveAsync(HttpClient client, string page)
    {
        if (!page.Contains("->", StringComparison.Ordinal)) return page;
        var parts = page.Split("->", 2, StringSplitOptions.TrimEntries);
        var html = await client.GetStringAsync(parts[0]);
        return Regex.Matches(html, "href=\"(/[^\"#]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .First(h => Regex.IsMatch(h, $"^(?:{parts[1]})$"));
    }
}
