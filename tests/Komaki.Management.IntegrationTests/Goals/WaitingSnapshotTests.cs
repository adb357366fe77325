using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Data.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Komaki.Management.IntegrationTests.Goals;

/// The demo city on fixed days, so what 対応待ち and the board show cannot drift with the calendar.
public sealed class FixedDaysFactory : KomakiFactory
{
    public FakeTimeProvider Time { get; } = new(WaitingSnapshotTests.Days[0]);

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
}

/// What every demo account sees in 対応待ち (the home page's list and the full page) and on the board's counts of the
/// other areas, on a day of the busy season and, later (the clock only goes forward), a day of budget compilation, held against the snapshot the lists
/// gave before each feature contributed its own work (WaitingSnapshot.txt). A change to who sees what shows here
/// line by line; set KOMAKI_WRITE_SNAPSHOT=1 to write the file anew when the change is meant.
public class WaitingSnapshotTests(FixedDaysFactory app) : IClassFixture<FixedDaysFactory>
{
    private static readonly string[] Sections = ["work-list", "other-work", "personnel-work", "due-work"];
    private static readonly string[] BoardTables = ["personnel-stages", "other-stages"];
    private static readonly int[] BoardYears = [2025, 2026];

    public static readonly DateTimeOffset[] Days = [new(2026, 6, 20, 0, 0, 0, TimeSpan.Zero), new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero)];

    private static string Text(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), "\\s+", " ")).Trim();

    private static IEnumerable<string> Rows(string html, string rowPattern) =>
        Regex.Matches(html, $"<tr[^>]*{rowPattern}[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(m => $"{Text(m.Groups[1].Value)} → {string.Join(" ", Regex.Matches(m.Groups[1].Value, "href=\"([^\"]+)\"").Select(h => WebUtility.HtmlDecode(h.Groups[1].Value)))}");

    private static string Table(string html, string id) =>
        Regex.Match(html, $"<table[^>]*id=\"{id}\".*?</table>", RegexOptions.Singleline).Value;

    [Fact]
    public async Task Every_account_sees_the_same_work_as_before_the_features_contributed_it()
    {
        var text = new StringBuilder();
        foreach (var day in Days)
        {
            app.Time.SetUtcNow(day);
            foreach (var (email, _, _, _) in DemoSeeder.DemoUsers)
            {
                var client = await app.SignedInAsync(email);
                text.Append("## ").Append(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').AppendLine(email);
                var home = await client.GetAsync("/");
                if (home.StatusCode == HttpStatusCode.OK)
                {
                    var html = await home.Content.ReadAsStringAsync();
                    foreach (var r in Rows(Table(html, "home-work-list"), "data-wait=\"\\w+\"")) text.Append("home: ").AppendLine(r);
                }
                var full = await client.GetAsync("/Goals/Waiting");
                if (full.StatusCode == HttpStatusCode.OK)
                {
                    var html = await full.Content.ReadAsStringAsync();
                    text.Append("count: ").AppendLine(Regex.Match(html, "id=\"waiting-count\">(\\d+)<").Groups[1].Value);
                    foreach (var id in Sections)
                        foreach (var r in Rows(Table(html, id), "data-(?:kind|wait)")) text.Append(id).Append(": ").AppendLine(r);
                }
                else
                {
                    text.Append("full page: ").AppendLine(((int)full.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            var planning = await app.SignedInAsync("kikaku@komaki.example");
            foreach (var year in BoardYears)
            {
                var board = await planning.GetStringAsync($"/Board?year={year}");
                // The areas' rows as a set: each area lists its own stages in its own order.
                foreach (var r in BoardTables.SelectMany(id => Rows(Table(board, id), "").Where(r => !r.StartsWith("段階", StringComparison.Ordinal) && !r.StartsWith("分野", StringComparison.Ordinal))).Order(StringComparer.Ordinal))
                    text.Append("board ").Append(year).Append(": ").AppendLine(r);
            }
        }
        var path = Path.Combine(SourceDir(), "WaitingSnapshot.txt");
        var actual = text.ToString();
        if (Environment.GetEnvironmentVariable("KOMAKI_WRITE_SNAPSHOT") == "1") await File.WriteAllTextAsync(path, actual);
        var expected = (await File.ReadAllTextAsync(path)).Split('\n');
        var lines = actual.Split('\n');
        var diff = expected.Except(lines).Select(l => "- " + l).Concat(lines.Except(expected).Select(l => "+ " + l)).Take(40).ToList();
        Assert.True(diff.Count == 0 && expected.SequenceEqual(lines), $"対応待ち changed:\n{string.Join("\n", diff)}");
    }

    private static string SourceDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Komaki.Management.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "tests", "Komaki.Management.IntegrationTests", "Goals");
    }
}
