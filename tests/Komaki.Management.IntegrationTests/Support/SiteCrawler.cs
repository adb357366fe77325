using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Komaki.Management.IntegrationTests;

/// Follows every same-site link from the start pages, GET only, and returns what each page or file says (an Excel
/// file by its XML text). Sign-out is never followed; paging and filter variants of one path are bounded.
internal static partial class SiteCrawler
{
    public static async Task<Dictionary<string, string>> CrawlAsync(HttpClient client, IEnumerable<string> start, int limit, int variantsPerPath = 25)
    {
        var seen = new Dictionary<string, string>();
        var variants = new Dictionary<string, int>();
        var queue = new Queue<string>(start);
        while (queue.Count > 0 && seen.Count < limit)
        {
            var url = WebUtility.HtmlDecode(queue.Dequeue());
            if (seen.ContainsKey(url) || Skip(url)) continue;
            var path = url.Split('?')[0];
            variants[path] = variants.GetValueOrDefault(path) + 1;
            if (variants[path] > variantsPerPath && url.Contains('?')) continue;
            var response = await client.GetAsync(url);
            var body = await ReadAsync(response);
            seen[url] = body;
            if (response.Headers.Location is { IsAbsoluteUri: false } moved) queue.Enqueue(moved.OriginalString);
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
                foreach (Match m in Link().Matches(body)) queue.Enqueue(m.Groups[1].Value);
        }
        return seen;
    }

    private static bool Skip(string url) =>
        url.StartsWith("/lib/", StringComparison.Ordinal) || url.StartsWith("/css/", StringComparison.Ordinal) || url.StartsWith("/js/", StringComparison.Ordinal)
        || url.StartsWith("/Account/Logout", StringComparison.Ordinal) || PageBeyondFive().IsMatch(url);

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType?.MediaType?.Contains("spreadsheetml", StringComparison.Ordinal) != true) return Encoding.UTF8.GetString(bytes);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex(@"[?&]page=([6-9]|\d{2,})")]
    private static partial Regex PageBeyondFive();
}
