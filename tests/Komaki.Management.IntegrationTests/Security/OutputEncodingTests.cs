using Komaki.Management.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Security;

/// Text staff or an import stored is shown as text everywhere, including the places that build markup by hand
/// (the SVG trend chart, the CS portfolio, the band marks of the plan tree), on staff pages and the public site.
public class OutputEncodingTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Payload = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";

    [Fact]
    public async Task Markup_stored_in_names_labels_and_citizen_input_is_shown_as_text_on_every_page_that_shows_it()
    {
        var (measure, project, indicator) = app.WithDb(db =>
        {
            var i = db.Indicators.Include(x => x.Measure).First(x => x.MeasureId != null && x.Values.Any(v => v.Actual != null));
            var m = i.Measure!;
            var p = db.Projects.First(x => x.MeasureId == m.Id);
            (m.Name, p.Name, i.Name) = ($"施策{Payload}", $"事業{Payload}", $"指標{Payload}");
            foreach (var band in db.JudgmentBands) band.Label = $"{band.Label}{Payload}";
            var voice = db.CitizenInputs.First(c => c.IsPublished);
            // A published voice changes only as a 訂正 (PublishedCorrections), whose reason is shown too.
            (voice.Summary, voice.CorrectedAt, voice.CorrectionReason) = ($"声{Payload}", DateTime.UtcNow, $"訂正{Payload}");
            db.SaveChanges();
            return (m.Id, p.Id, i.Id);
        });

        var staff = await app.SignedInAsync("kikaku@komaki.example");
        var pages = new Dictionary<string, string>();
        foreach (var url in new[] { "/PlanTree", $"/Plan/Measure/{measure}", $"/Plan/Project/{project}", $"/Indicators/{indicator}/Values", "/Survey", "/Board/Bands", "/CitizenInputs" })
            pages[url] = await staff.GetStringAsync(url);
        var visitor = app.NewClient();
        foreach (var url in new[] { "/public", $"/public/measures/{measure}", "/public/voices" })
            pages[url] = await visitor.GetStringAsync(url);

        foreach (var (url, html) in pages)
        {
            Assert.False(html.Contains("<script>alert", StringComparison.Ordinal), $"{url} carries the script as markup");
            Assert.False(html.Contains("<img src=x", StringComparison.Ordinal), $"{url} carries the image as markup");
            Assert.False(html.Contains("\"><", StringComparison.Ordinal) && html.Contains("onerror=alert", StringComparison.Ordinal) && !html.Contains("onerror=alert(2)&gt;", StringComparison.Ordinal),
                $"{url} lets the quote out of an attribute");
        }
        // The stored texts are there, as text.
        Assert.Contains("施策&quot;&gt;&lt;script&gt;", pages[$"/Plan/Measure/{measure}"]);
        Assert.Contains("指標&quot;&gt;&lt;script&gt;", pages[$"/public/measures/{measure}"]);
        Assert.Contains("声&quot;&gt;&lt;script&gt;", pages["/public/voices"]);
        Assert.Contains("&lt;script&gt;", pages["/Survey"]);
        Assert.Contains("&lt;script&gt;", pages["/PlanTree"]);
    }
}
