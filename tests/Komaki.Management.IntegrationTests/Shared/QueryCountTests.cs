using Komaki.Management.Core.Data;
using Komaki.Management.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Komaki.Management.IntegrationTests.Shared;

/// The demo city grown by 1,000 projects over 3 years (seed-large at a test's size).
public sealed class LargerCityFactory : KomakiFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var scope = Services.CreateScope();
        await new LargeSeeder(scope.ServiceProvider.GetRequiredService<AppDbContext>()).SeedAsync(1000, 3);
    }
}

/// bench/load/pages.txt read as bench/load/pages.py reads it: per demo account (the part of its e-mail before the @), every
/// link of its menu and the deeper pages its lists lead to; 「public」 is the citizens' site, requested without signing in.
public static class LoadPages
{
    public const string Public = "public";

    public static IReadOnlyDictionary<string, List<string>> Read()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Komaki.Management.sln"))) dir = dir.Parent;
        var file = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Komaki.Management.sln not found"), "bench", "load", "pages.txt");
        var pages = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!pages.TryGetValue(parts[0], out var list)) pages[parts[0]] = list = [];
            list.Add(parts[1]);
        }
        return pages;
    }

    public static IEnumerable<object[]> Accounts() => Read().Keys.Select(a => new object[] { a });
}

/// The GET actions of the feature areas held page by page to bench/load/pages.txt (QueryCountTests): an area whose working
/// pages are opened from a record rather than a menu is listed here, so each of its pages is measured before it lands.
public static class PagesByAction
{
    public static readonly string[] Areas = ["Komaki.Management.Web.Features.BudgetFormulation"];

    /// Pages no GET can open on the demo city without writing first, with why; each is measured by hand when changed.
    public static readonly Dictionary<string, string> Unmeasurable = new(StringComparer.Ordinal)
    {
        // Every request of the demo year is submitted and the next year has none: no request waits for its head.
        ["BudgetRequestsController.Submit"] = "no request of the demo city waits to be submitted",
    };

    public sealed record Action(string Name, string Template, Regex Route);

    public static IEnumerable<Action> GetActions() =>
        from type in typeof(Komaki.Management.Web.Features.BudgetFormulation.BudgetStepsController).Assembly.GetTypes()
        where !type.IsAbstract && typeof(Microsoft.AspNetCore.Mvc.ControllerBase).IsAssignableFrom(type) && Areas.Contains(type.Namespace)
        from method in type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
        from get in method.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.HttpGetAttribute), true).Cast<Microsoft.AspNetCore.Mvc.HttpGetAttribute>()
        let prefix = type.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.RouteAttribute), true).Cast<Microsoft.AspNetCore.Mvc.RouteAttribute>().FirstOrDefault()?.Template
            ?? (typeof(Komaki.Management.Web.Infrastructure.PublicSiteController).IsAssignableFrom(type) ? "public" : "")
        let template = "/" + string.Join("/", new[] { prefix, get.Template }.Where(t => !string.IsNullOrEmpty(t)))
        select new Action($"{type.Name}.{method.Name}", template,
            new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]*}", "[^/]+") + "$"));

    /// A path a line of pages.txt requests, without its query: for 「list -> pattern」, the pattern with a number or a word
    /// where it matches one.
    public static string Sample(string page)
    {
        var path = page.Contains("->", StringComparison.Ordinal) ? page.Split("->", 2, StringSplitOptions.TrimEntries)[1] : page;
        path = path.Replace(@"(\?.*)?", "", StringComparison.Ordinal).Replace(@"\d+", "1", StringComparison.Ordinal).Replace(@"\w+", "x", StringComparison.Ordinal).Replace(@"\?", "?", StringComparison.Ordinal);
        return path.Split('?', 2)[0];
    }
}

/// The number of SQL commands a page sends must not grow with the data: every page of bench/load/pages.txt — every
/// link of every role's menu and the pages its lists lead to, and every kind of public page — is requested as its
/// account on the demo city and on one with about eight times the projects, with the read caches emptied first (every
/// area's version raised), and the counts compared. No page's HTML may pass 150 KB. And the rule for new pages: a
/// link in any role's menu that pages.txt does not list (so neither the load test nor this test measures it) fails.
public class QueryCountTests(KomakiFactory small, LargerCityFactory large) : IClassFixture<KomakiFactory>, IClassFixture<LargerCityFactory>
{
    private const int MaxHtmlBytes = 150 * 1024;

    /// The GET links of the navigation bar a person sees (the public site is listed under 「public」).
    private static async Task<List<string>> MenuAsync(HttpClient client)
    {
        // Some roles' home is elsewhere (the audit committee's report, a reviewer's sessions): followed as a browser does.
        var response = await client.GetAsync("/");
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 3; hops++) response = await client.GetAsync(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync();
        var nav = Regex.Match(html, "<nav class=\"navbar.*?</nav>", RegexOptions.Singleline).Value;
        return Regex.Matches(nav, "href=\"(/[^\"#]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(h => !h.StartsWith("/public", StringComparison.Ordinal)).Distinct().ToList();
    }

    private static async Task<HttpClient> ClientAsync(KomakiFactory app, string account) =>
        account == LoadPages.Public ? app.NewClient() : await app.SignedInAsync($"{account}@komaki.example");

    /// 「/Goals -> /Goals/\d+」: the first link of the list that matches, as the load test follows it. Resolved on the
    /// demo city and requested on both, so the same record is read (the larger city keeps the demo city's ids).
    internal static async Task<string> ResolveAsync(HttpClient client, string page, string measure)
    {
        page = page.Replace("{measure}", measure, StringComparison.Ordinal);
        if (!page.Contains("->", StringComparison.Ordinal)) return page;
        var parts = page.Split("->", 2, StringSplitOptions.TrimEntries);
        var html = await client.GetStringAsync(parts[0]);
        return Regex.Matches(html, "href=\"(/[^\"#]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .FirstOrDefault(h => Regex.IsMatch(h, $"^(?:{parts[1]})$")) ?? throw new InvalidOperationException($"{parts[0]}: no link matching {parts[1]}");
    }

    /// Requested again with nothing changed, a page reads what is kept: the session's ticket, the versions, and what is
    /// its reader's own or one record's. No page sends more than this then (as measured in round 11, 2–11 a page).
    private const int MaxKeptQueries = 12;

    /// Pages held to their own count when requested again (each a line of bench/load/pages.txt): the ones made to read
    /// what is kept, at what they send now, and the few above MaxKeptQueries, at what they sent in round 11.
    private static readonly Dictionary<string, int> KeptCeilings = new(StringComparer.Ordinal)
    {
        // The ticket, the versions and whether the year is published: the measure is read from the kept year (10 before).
        ["kikaku /MeasureEvaluations -> /MeasureEvaluations/\\d+/\\d+"] = 3,
        // A part of the year's print: which sheets there are comes from the year's kept list (issue 29: the year's
        // evaluations read whole, each with its published sheet, on every request before), then the twenty sheets.
        ["kikaku /Evaluations/2025/Print"] = 9,
        // A personnel sheet is never kept, and every reading of it is logged (a write).
        ["jinji /Personnel/Division -> /Personnel/\\d+"] = 22,
        ["doro-tanto /Personnel -> /Personnel/\\d+"] = 13,
        // A goal with its steps, its indicators and who may act on it next.
        ["doro-tanto /Goals -> /Goals/\\d+"] = 14,
        // 予算編成's pages of one line or one 部's commit (round 12: read models). The confirmation before committing a 部's
        // stage reads its lines and what they are checked against as they are now, never as kept (14 until round 12); a
        // line, its assessment and the forms read the line afresh, the evaluation beside it and the names as kept. The
        // confirmation also lists the 部's active 事業 without a request, afresh (two statements more, round 12).
        ["zaisei /BudgetFormulation/2027/Department/5 -> /BudgetFormulation/\\d+/Steps/\\w+/\\d+"] = 8,
        ["zaisei /BudgetFormulation/2027/Department/4 -> /BudgetFormulation/\\d+/Lines/\\d+"] = 3,
        ["zaisei /BudgetFormulation/2027/Lines/1 -> /BudgetFormulation/\\d+/Lines/\\d+/Assess/\\w+"] = 3,
        ["zaisei /BudgetFormulation/2027/Department/7 -> /BudgetFormulation/\\d+/Restorations/\\d+/Answer/Submit"] = 4,
        ["doro-tanto /BudgetFormulation?year=2028 -> /BudgetFormulation/\\d+/Request/\\d+"] = 4,
        ["doro-kacho /BudgetFormulation/2027/Lines/79/Restoration/Create"] = 3,
        ["doro-kacho /BudgetFormulation -> /BudgetFormulation/\\d+/Lines/\\d+"] = 3,
    };

    private static async Task<Dictionary<string, int>> CountAsync(KomakiFactory app, string account, Dictionary<string, string> urls, List<string> sizes,
        Dictionary<string, int>? kept = null)
    {
        var measure = app.WithDb(db => db.Measures.Single(m => m.Code == "1-1").Id).ToString(CultureInfo.InvariantCulture);
        var client = await ClientAsync(app, account);
        var counts = new Dictionary<string, int>();
        foreach (var page in LoadPages.Read()[account])
        {
            if (!urls.TryGetValue(page, out var url)) urls[page] = url = await ResolveAsync(client, page, measure);
            // Every read model is built again: the data of every area counts as changed.
            app.WithDb(db => db.Database.ExecuteSqlRaw("UPDATE DataVersions SET Version = Version + 1"));
            var before = app.Queries.Count;
            var response = await client.GetAsync(url);
            // The home page of the mayor, the audit committee and a reviewer sends them to their own page (measured too).
            Assert.True(response.IsSuccessStatusCode || (url == "/" && response.StatusCode == HttpStatusCode.Redirect), $"{account} {url}: {response.StatusCode}");
            counts[$"{account} {page}"] = app.Queries.Count - before;
            var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            // A print of everything, the Excel files and the open-data files may be longer: they are downloads, not screens.
            var screen = response.Content.Headers.ContentType?.MediaType == "text/html" && !url.Contains("/Print", StringComparison.Ordinal);
            if (screen && bytes > MaxHtmlBytes) sizes.Add($"{account} {url}: {bytes / 1024} KB");
            if (kept is not null)
            {
                before = app.Queries.Count;
                (await client.GetAsync(url)).Dispose();
                kept[$"{account} {page}"] = app.Queries.Count - before;
            }
        }
        return counts;
    }

    [Fact]
    public async Task Every_link_of_every_roles_menu_is_in_the_load_test_and_counted_here()
    {
        var pages = LoadPages.Read();
        var roles = small.WithDb(db => (from u in db.Users
                                        join ur in db.UserRoles on u.Id equals ur.UserId
                                        join r in db.Roles on ur.RoleId equals r.Id
                                        select new { u.Email, r.Name }).ToList());
        var measured = roles.Where(x => pages.ContainsKey(x.Email!.Split('@')[0])).Select(x => x.Name).ToHashSet();
        var unmeasured = Komaki.Management.Core.Identity.Roles.All.Where(r => !measured.Contains(r)).ToList();
        Assert.True(unmeasured.Count == 0, "No account of these roles in bench/load/pages.txt: " + string.Join(", ", unmeasured));
        Assert.True(pages.ContainsKey(LoadPages.Public));

        var missing = new List<string>();
        foreach (var account in pages.Keys.Where(a => a != LoadPages.Public))
        {
            var menu = await MenuAsync(await small.SignedInAsync($"{account}@komaki.example"));
            Assert.True(menu.Count >= 3, $"{account}: only {menu.Count} menu links found");
            missing.AddRange(menu.Where(m => !pages[account].Contains(m)).Select(m => $"{account} {m}"));
        }
        // The citizens' site menu, as the features declare it (a page listed with its query counts).
        missing.AddRange(Support.PublicSiteMap.MenuUrls(small).Where(u => !pages[LoadPages.Public].Any(p => p == u || p.StartsWith(u + "?", StringComparison.Ordinal)))
            .Select(u => $"{LoadPages.Public} {u}"));
        Assert.True(missing.Count == 0, "Menu links that bench/load/pages.txt does not list (add them there: the load test and the query count read it):\n"
            + string.Join("\n", missing));

        // And by the code, for the areas whose working pages no menu links to (a form opened from a line, a 部's
        // confirmation): every GET action of their controllers is a page of pages.txt, so a new one is measured before it lands.
        var unlisted = PagesByAction.GetActions().Where(a => !PagesByAction.Unmeasurable.ContainsKey(a.Name) && !pages.Values.SelectMany(p => p).Any(p => a.Route.IsMatch(PagesByAction.Sample(p))))
            .Select(a => $"{a.Name} ({a.Template})").ToList();
        Assert.True(unlisted.Count == 0, "GET actions that bench/load/pages.txt does not list (add a page of each there, as the account that uses it):\n" + string.Join("\n", unlisted));
        Assert.All(PagesByAction.Unmeasurable.Keys, k => Assert.Contains(k, PagesByAction.GetActions().Select(a => a.Name)));
    }

    [Theory]
    [MemberData(nameof(LoadPages.Accounts), MemberType = typeof(LoadPages))]
    public async Task No_page_sends_more_queries_on_a_larger_city_or_more_than_150_KB(string account)
    {
        Assert.True(large.WithDb(db => db.Projects.Count()) >= 5 * small.WithDb(db => db.Projects.Count()));
        // The larger city's own published sheets are kept as published, so the pages showing kept sheets read many.
        Assert.True(large.WithDb(db => db.ProjectEvaluations.Count(e => e.PublishedSheet != null && e.Project!.Code.Contains("-L"))) >= 1000);
        var sizes = new List<string>();
        var urls = new Dictionary<string, string>();
        var few = await CountAsync(small, account, urls, []);
        var kept = new Dictionary<string, int>();
        var many = await CountAsync(large, account, urls, sizes, kept);
        var grew = few.Where(p => many[p.Key] != p.Value).Select(p => $"{p.Key}: {p.Value} queries on the demo city, {many[p.Key]} on the larger one").ToList();
        Assert.True(grew.Count == 0, string.Join("\n", grew));
        // 「対応待ち」 and the home page look at three fiscal years of the cycle and, for a division head, of the unit's
        // plan lines, budgets, actuals, evaluations and progress, and (one read) the 予算編成 of the coming year; the home
        // page reads that same whole list (its count is the full count) and the city's counts and the unit's projects
        // besides; every other page stays under 30.
        var over = many.Where(p => p.Value > (p.Key.EndsWith("/Goals/Waiting", StringComparison.Ordinal) ? 61 : p.Key.EndsWith(" /", StringComparison.Ordinal) ? 71 : 30))
            .Select(p => $"{p.Key}: {p.Value} queries").ToList();
        Assert.True(over.Count == 0, string.Join("\n", over));
        Assert.True(sizes.Count == 0, string.Join("\n", sizes));
        var keptOver = kept.Where(p => p.Value > KeptCeilings.GetValueOrDefault(p.Key, MaxKeptQueries))
            .Select(p => $"{p.Key}: {p.Value} queries when requested again (at most {KeptCeilings.GetValueOrDefault(p.Key, MaxKeptQueries)})").ToList();
        Assert.True(keptOver.Count == 0, string.Join("\n", keptOver));
        Assert.All(KeptCeilings.Keys.Where(k => k.StartsWith(account + " ", StringComparison.Ordinal)), k => Assert.True(kept.ContainsKey(k), $"{k} is not in bench/load/pages.txt"));
    }

    /// 予算編成's overview and reports (issue 31) are opened by everyone all through the busy season and are built from
    /// every line of a 部 or of the city: opened again with nothing written between, each is served from its read
    /// models (ADR 0008), sending the commands every signed-in page sends (the session, the data versions) and at most
    /// one more (the names of who entered the lines on a 査定調書) — a 部's page read its lines afresh, four statements
    /// on every request, until round 11. A workbook (Excel, the 予算要求書) is kept as written, so it sends no more than
    /// a page that reads nothing (the 査定調書's was written again on every request until round 12); the policy's form
    /// shows the year's kept round (it read it afresh, three statements more, until round 12). Every such page of the
    /// 財政課 in bench/load/pages.txt is asked; publishing and the pages of one line read the record they change afresh
    /// and are left to the test above, as are the forms of a new policy and of answering a 復活要求.
    [Fact]
    public async Task Budget_formulation_reports_opened_again_are_served_from_their_read_models()
    {
        var client = await large.SignedInAsync("zaisei@komaki.example");
        async Task<int> AgainAsync(string url)
        {
            Assert.True((await client.GetAsync(url)).IsSuccessStatusCode, url);
            var before = large.Queries.Count;
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, url);
            return large.Queries.Count - before;
        }
        var baseline = await AgainAsync("/Account/ChangePassword");
        var measure = large.WithDb(db => db.Measures.Single(m => m.Code == "1-1").Id).ToString(CultureInfo.InvariantCulture);
        var reports = LoadPages.Read()["zaisei"].Where(p => p.StartsWith("/BudgetFormulation", StringComparison.Ordinal) || p.StartsWith("/Imports/budget-request/", StringComparison.Ordinal))
            .Where(p => !Regex.IsMatch(p.Split("->")[^1], "/Publish|/Lines|/Steps|/Restorations|/Policy/Create")).ToList();
        Assert.True(reports.Count >= 8, $"only {reports.Count} 予算編成 reports listed for the 財政課");
        var counts = new List<string>();
        foreach (var page in reports)
        {
            var url = await ResolveAsync(client, page, measure);
            var sent = await AgainAsync(url);
            var file = Regex.IsMatch(url, "/Excel|/Export");
            if (sent > baseline + (file ? 0 : 1)) counts.Add($"{url}: {sent} commands opened again (a page that reads nothing: {baseline}{(file ? "; a kept file reads no more" : "")})");
        }
        Assert.True(counts.Count == 0, string.Join("\n", counts));
    }

    [Fact]
    public async Task A_filtered_tree_on_a_large_city_shows_the_first_projects_and_sends_the_rest_to_the_list()
    {
        var client = await large.SignedInAsync("kikaku@komaki.example");
        var matching = large.WithDb(db => db.Projects.Count(p => p.RetiredAt == null && p.Name.Contains("拡張")));
        Assert.True(matching > 300);
        var html = await client.GetStringAsync("/PlanTree?q=" + Uri.EscapeDataString("拡張"));
        Assert.Equal(300, System.Text.RegularExpressions.Regex.Count(html, "href=\"/Plan/Project/\\d+\""));
        Assert.Contains($"最初の 300 件だけを表示しています（ほか {matching - 300} 件）", html);
        Assert.Contains("href=\"/PlanTree/Projects?q=%E6%8B%A1%E5%BC%B5\"", html);
    }
}
