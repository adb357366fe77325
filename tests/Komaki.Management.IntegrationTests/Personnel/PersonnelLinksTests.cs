using AngleSharp.Html.Parser;

namespace Komaki.Management.IntegrationTests.Personnel;

/// The 人事評価 pages are served by several controllers under the same URLs: every link and form on every page of
/// the feature, as the person, a 部長 and the personnel division open them, leads somewhere (a link to an action of
/// another controller that is not named would come out empty), and the steps, the year's pages and the sheet's
/// outputs are reached where they were.
public sealed class PersonnelLinksTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Person = "doro-tanto@komaki.example";
    private const string Chief = "toshi-bucho@komaki.example";
    private const string Division = "jinji@komaki.example";

    [Fact]
    public async Task Every_link_and_form_of_the_personnel_pages_leads_to_its_action()
    {
        var id = app.WithDb(db => db.PersonnelEvaluations.Single(e => e.FiscalYear == 2026 && e.StaffMember!.StaffNumber == "10103").Id);
        // While the goals are set the person has a step (提出) and the goals to edit.
        app.WithDb(db =>
        {
            db.PersonnelEvaluations.Single(e => e.Id == id).State = Core.Personnel.PersonnelState.GoalSetting;
            return db.SaveChanges();
        });
        var pages = new (string Who, string Url)[]
        {
            (Person, "/Personnel?year=2026"), (Person, $"/Personnel/{id}"), (Person, $"/Personnel/{id}/Print"),
            (Chief, "/Personnel?year=2025"), (Chief, "/Personnel?year=2026"), (Chief, "/Personnel/Distribution?year=2025"), (Chief, $"/Personnel/{id}"),
            (Division, "/Personnel/Division?year=2026"), (Division, "/Personnel/Division/Design/2026"), (Division, "/Personnel/Division/Design/2027"),
            (Division, "/Personnel/Division/Open/2026"), (Division, "/Personnel/Division/Disclose/2026"), (Division, "/Personnel/Division/Special?year=2026"),
            (Division, "/Personnel/Division/Distribution?year=2025"), (Division, "/Personnel/Division/Reads"), (Division, $"/Personnel/Division/Reads?evaluationId={id}"),
            (Division, "/Personnel/Division/Staff"), (Division, $"/Personnel/{id}"),
        };
        var clients = new Dictionary<string, HttpClient>();
        var targets = new HashSet<string>();
        var empty = new List<string>();
        foreach (var (who, url) in pages)
        {
            if (!clients.TryGetValue(who, out var client)) clients[who] = client = await app.SignedInAsync(who);
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{who} {url}: {response.StatusCode}");
            var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            foreach (var link in document.QuerySelectorAll("main a[href], main form"))
            {
                var target = link.GetAttribute(link.LocalName == "a" ? "href" : "action");
                if (link.LocalName == "form" && link.GetAttribute("method")?.ToLowerInvariant() != "post") continue;
                if (string.IsNullOrEmpty(target)) empty.Add($"{who} {url}: {link.OuterHtml[..Math.Min(160, link.OuterHtml.Length)]}");
                else targets.Add(target.Split('?')[0]);
            }
        }
        Assert.Empty(empty);
        var expected = new[]
        {
            $"/Personnel/{id}/Act", $"/Personnel/{id}/Reassign", $"/Personnel/{id}/Print", $"/Personnel/{id}/Excel", $"/Personnel/{id}/Goals", $"/Personnel/{id}",
            "/Personnel/Division/Design/2026", "/Personnel/Division/Open/2026", "/Personnel/Division/Disclose/2026", "/Personnel/Division/Design/2027/CopyPrevious",
            "/Personnel/Division", "/Personnel/Division/Special", "/Personnel/Division/Reads", "/Personnel/Division/Distribution", "/Personnel/Distribution",
        };
        var missing = expected.Where(t => !targets.Contains(t)).ToList();
        Assert.True(missing.Count == 0, $"missing: {string.Join(", ", missing)}");
    }
}
