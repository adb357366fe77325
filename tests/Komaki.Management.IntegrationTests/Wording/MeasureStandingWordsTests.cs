using System.Text.Json;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Wording;

/// One definition per word: 「順調」「遅れているが前に進んでいる」「遅れていて進んでいない」「悪化」 and 「前年より悪くなった」
/// are decided once (MeasureStandings). Every place that counts them — the public site, the mayor's view, the results
/// report and open data — shows the same numbers for the same year, and each says what the word means.
public class MeasureStandingWordsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const int Year = 2025;

    /// The counts on a page, read from the elements that carry data-standing.
    private static Dictionary<MeasureStanding, int> Counts(string html, string? within = null)
    {
        if (within is not null) html = Regex.Match(html, $"id=\"{within}\".*?</(section|p)>", RegexOptions.Singleline).Value;
        return MeasureStandings.All.ToDictionary(s => s, s => int.Parse(Regex.Match(html, $"data-standing=\"{s}\">(\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Every_page_counting_measures_by_standing_shows_the_same_numbers_for_the_year_and_defines_the_words()
    {
        // The words as Core decides them for the demo city's 令和7年度.
        Dictionary<MeasureStanding, int> expected;
        int worseThanLastYear;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var plan = (await PlanRollUp.CurrentBasicPlanAsync(db, Year))!;
            var now = (await PlanRollUp.LoadAsync(db, plan.Id, Year)).SelectMany(p => p.Measures).ToList();
            var last = (await PlanRollUp.LoadAsync(db, plan.Id, Year - 1)).SelectMany(p => p.Measures).ToDictionary(m => m.Id, m => m.Result);
            var bands = await db.JudgmentBands.AsNoTracking().ToListAsync();
            expected = MeasureStandings.Tally(now.Select(m => m.Result), bands).ToDictionary();
            worseThanLastYear = now.Count(m => MeasureStandings.WorseThanLastYear(m.Result, last.GetValueOrDefault(m.Id) ?? RolledUp.None));
        }
        Assert.True(expected.Values.Count(v => v > 0) >= 3, string.Join(",", expected.Select(e => $"{e.Key}={e.Value}")));

        var citizen = app.NewClient();
        var publicHome = await citizen.GetStringAsync("/public");
        Assert.Equal(expected, Counts(publicHome, "summary"));
        Assert.Contains("id=\"standing-definitions\"", publicHome);

        var mayor = await (await app.SignedInAsync("shicho@komaki.example")).GetStringAsync($"/Board/Mayor?year={Year}");
        Assert.Equal(expected, Counts(mayor, "standing-summary"));
        Assert.Contains(MeasureStandings.WorseThanLastYearDefinition, mayor);
        Assert.Equal(worseThanLastYear.ToString(System.Globalization.CultureInfo.InvariantCulture), Regex.Match(mayor, "id=\"worsened-count\">(\\d+)<").Groups[1].Value);
        // Nothing listed as 前年より悪くなった rose or stayed.
        foreach (Match change in Regex.Matches(Regex.Match(mayor, "<table class=\"table table-sm\" id=\"worsened\">.*?</table>", RegexOptions.Singleline).Value, "class=\"num change\">([^<]*)<"))
            Assert.StartsWith("−", change.Groups[1].Value);

        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var report = await planning.GetStringAsync($"/Reports/Results?year={Year}");
        Assert.Equal(expected, Counts(report, "standing-summary"));
        var all = await planning.GetStringAsync($"/Reports/Results?year={Year}&print=all");
        Assert.Equal(expected, MeasureStandings.All.ToDictionary(s => s, s => Regex.Count(all, $"class=\"ms-2 measure-standing\" data-standing=\"{s}\"")));

        var open = JsonDocument.Parse(await citizen.GetStringAsync("/api/v1/measures")).RootElement.EnumerateArray().ToList();
        Assert.All(open, m => Assert.Equal(Year, m.GetProperty("achievementYear").GetInt32()));
        Assert.Equal(expected, MeasureStandings.All.ToDictionary(s => s, s => open.Count(m => m.GetProperty("standing").GetString() == s.Label())));
    }
}
