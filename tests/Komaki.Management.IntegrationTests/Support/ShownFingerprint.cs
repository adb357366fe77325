using System.Text.RegularExpressions;

namespace Komaki.Management.IntegrationTests.Support;

/// The fingerprint a confirmation page carries of what it shows (予算編成's steps, the 効き目 publication), read
/// the way a browser would post it back.
public static partial class ShownFingerprint
{
    public static (string, string) In(string html, string url)
    {
        var shown = Hidden().Match(html);
        Assert.True(shown.Success, $"{url} carries no fingerprint of what it shows");
        return ("Shown", shown.Groups[1].Value);
    }

    /// The field as posted from a page that may show no form at all (a year not ready to publish): empty then.
    public static (string, string) OrEmpty(string html) => ("Shown", Hidden().Match(html).Groups[1].Value);

    public static async Task<(string, string)> OfAsync(HttpClient client, string url) => In(await client.GetStringAsync(url), url);

    [GeneratedRegex("<input type=\"hidden\" name=\"Shown\" value=\"([0-9A-F]+)\"")]
    private static partial Regex Hidden();
}
