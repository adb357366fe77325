using System.Text.RegularExpressions;
using Komaki.Management.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Komaki.Management.BrowserTests;

/// A printed list holds every matching row: printing one screen page of several says so on paper, and the pager's
/// 「全件を印刷」 lays out all rows of the filter.
[Collection(nameof(AppServer))]
public class PrintTests(AppServer server)
{
    [Fact]
    public async Task The_implementation_plan_prints_all_its_projects_and_a_single_page_says_it_is_one_of_several()
    {
        int projects;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            projects = await db.ImplementationPlanLines.Where(l => l.ImplementationPlan!.FiscalYear == 2026).Select(l => l.ProjectId).Distinct().CountAsync();
        }
        Assert.True(projects > 50);
        var page = await server.SignedInPageAsync("kikaku@komaki.example", 1366, 768);
        await page.GotoAsync(server.BaseUrl + "/ImplementationPlans/2026");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal(50, await page.Locator("main tbody td.code:visible").CountAsync());
        var partial = await page.InnerTextAsync("#print-partial");
        Assert.Contains($"全 {projects:#,##0} 件のうち", partial);
        Assert.Contains("1 ページ目", partial);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.ClickAsync("#print-all");
        await page.WaitForURLAsync(new Regex("print=all"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal(projects, await page.Locator("main tbody td.code:visible").CountAsync());
        Assert.Contains($"全 {projects:#,##0} 件", await page.InnerTextAsync("#print-all-count"));
        Assert.True(await page.Locator("main .filters").IsVisibleAsync()); // the paper says which filter it holds
        Assert.Equal(0, await page.Locator("#print-partial").CountAsync());
    }
}
