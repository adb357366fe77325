using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Komaki.Management.BrowserTests;

[Collection(nameof(AppServer))]
public class PublicSiteTests(AppServer server)
{
    private const int MaxPages = 3000;

    /// Every page reachable from the public home by links under /public and /api/v1, as the text a citizen sees
    /// (pages rendered by Chromium) or the bytes a portal downloads (CSV and JSON files).
    private async Task<Dictionary<string, string>> CrawlAsync(IPage page)
    {
        var seen = new Dictionary<string, string>();
        var queue = new Queue<string>(["/public"]);
        while (queue.Count > 0 && seen.Count < MaxPages)
        {
            var path = queue.Dequeue();
            if (seen.ContainsKey(path)) continue;
            var isFile = path.StartsWith("/api/", StringComparison.Ordinal);
            if (isFile)
            {
                var response = await page.Context.APIRequest.GetAsync(server.BaseUrl + path);
                Assert.True(response.Ok, $"{path} answered {response.Status}");
                seen[path] = await response.TextAsync();
                continue;
            }
            var result = await page.GotoAsync(server.BaseUrl + path);
            Assert.True(result!.Ok, $"{path} answered {result.Status}");
            seen[path] = await page.InnerTextAsync("body");
            await CheckAccessibleAsync(page, path);
            var links = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "els => els.map(e => e.getAttribute('href'))");
            foreach (var href in links)
            {
                if (href is null || !(href.StartsWith("/public", StringComparison.Ordinal) || href.StartsWith("/api/v1", StringComparison.Ordinal))) continue;
                var target = System.Net.WebUtility.HtmlDecode(href);
                if (!seen.ContainsKey(target)) queue.Enqueue(target);
            }
        }
        Assert.True(queue.Count == 0, $"the crawl stopped at {MaxPages} pages with {queue.Count} left");
        return seen;
    }

    // The basics a screen reader and a keyboard user rely on: language, one h1, labelled fields, named charts.
    private static async Task CheckAccessibleAsync(IPage page, string path)
    {
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var unlabelled = await page.EvalOnSelectorAllAsync<int>("input:not([type=hidden]), select, textarea",
            "els => els.filter(e => !(e.id && document.querySelector(`label[for='${e.id}']`)) && !e.getAttribute('aria-label')).length");
        Assert.True(unlabelled == 0, $"{path}: {unlabelled} fields without a label");
        var unnamedCharts = await page.EvalOnSelectorAllAsync<int>("svg", "els => els.filter(e => !e.getAttribute('aria-label') && !e.closest('[aria-label]') && e.getAttribute('aria-hidden') !== 'true').length");
        Assert.True(unnamedCharts == 0, $"{path}: {unnamedCharts} charts without a text alternative");
    }

    [Fact]
    public async Task A_draft_evaluation_and_an_unpublished_voice_are_absent_from_every_public_page_and_file_until_published()
    {
        var marker = $"内部検討中の記載{Guid.NewGuid():N}"[..20];
        int evaluationId, voiceId;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var evaluation = await db.ProjectEvaluations.Include(e => e.Project)
                .Where(e => e.State == EvaluationState.Draft && e.FiscalYear == 2025 && e.Project!.Code.StartsWith("3-")).OrderBy(e => e.Id).FirstAsync();
            evaluation.Improvement = marker;
            var voice = new CitizenInput { Channel = CitizenChannel.LetterToMayor, ReceivedOn = new DateOnly(2026, 11, 1), Summary = marker + "（手紙）", Answer = "検討します。", Status = CitizenInputStatus.Answered };
            db.CitizenInputs.Add(voice);
            await db.SaveChangesAsync();
            (evaluationId, voiceId) = (evaluation.Id, voice.Id);
        }

        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var pages = await CrawlAsync(page);
        Assert.True(pages.Count >= 100, $"only {pages.Count} public pages were reached");
        Console.WriteLine($"public crawl: {pages.Count} pages and files");
        Assert.Contains(pages.Keys, p => p.EndsWith(".csv", StringComparison.Ordinal) || p.Contains(".csv?", StringComparison.Ordinal));
        Assert.Contains(pages.Keys, p => p.StartsWith("/public/measures/", StringComparison.Ordinal));
        Assert.Contains(pages.Keys, p => p.StartsWith("/public/evaluations/", StringComparison.Ordinal));
        var leaks = pages.Where(p => p.Value.Contains(marker, StringComparison.Ordinal)).Select(p => p.Key).ToList();
        Assert.True(leaks.Count == 0, "leaked on " + string.Join(", ", leaks));
        Assert.Equal(404, (await page.GotoAsync($"{server.BaseUrl}/public/evaluations/{evaluationId}"))!.Status);

        // Once published, the same crawl finds both: the test would have seen a leak.
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.ProjectEvaluations.Where(e => e.Id == evaluationId).ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EvaluationState.Published).SetProperty(e => e.PublishedAt, DateTime.UtcNow));
            await db.CitizenInputs.Where(c => c.Id == voiceId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPublished, true));
            // Bulk updates bypass SaveChanges, so they raise the data versions themselves, as the app's own do.
            await db.RaiseVersionsAsync([DataArea.Check, DataArea.Voice]);
        }
        await page.GotoAsync($"{server.BaseUrl}/public/evaluations/{evaluationId}");
        Assert.Contains(marker, await page.InnerTextAsync("main"));
        Assert.Contains(marker, await (await page.Context.APIRequest.GetAsync($"{server.BaseUrl}/api/v1/evaluations.csv?year=2025")).TextAsync());
        await page.GotoAsync($"{server.BaseUrl}/public/voices");
        Assert.Contains(marker, await page.InnerTextAsync("main"));

        // Keyboard users reach the content first: the skip link is the first stop.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("本文へ移動", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await context.CloseAsync();
    }
}
