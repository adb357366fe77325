using System.Text.RegularExpressions;

namespace Komaki.Management.IntegrationTests.ImplementationPlans;

/// Comparing two editions of the 実施計画 lists thousands of project-years on a large city: the page shows them 100 at a
/// time, counts each kind of change over all of them, and can be narrowed to one kind.
public class EditionCompareTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static int Count(string html, string kind) =>
        int.Parse(Regex.Match(html, $"class=\"badge change-{kind}[^\"]*\"[^>]*>[^<]*? ([\\d,]+)件").Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);

    private static int Rows(string html, string? kind = null) =>
        Regex.Count(Regex.Match(html, "<tbody>.*?</tbody>", RegexOptions.Singleline).Value, kind is null ? "<tr>" : $"<span class=\"badge change-{kind}\">");

    [Fact]
    public async Task Every_row_is_paged_through_the_counts_cover_all_and_one_kind_of_change_can_be_listed()
    {
        var client = await app.SignedInAsync("kikaku@komaki.example");
        app.WithDb(db =>
        {
            // Grow the newer edition's differences past one page: raise the cost of 150 project-years.
            var edition = db.ImplementationPlans.Single(p => p.FiscalYear == 2026);
            foreach (var line in db.ImplementationPlanLines.Where(l => l.ImplementationPlanId == edition.Id && l.FiscalYear <= 2027).OrderBy(l => l.Id).Take(150).ToList())
            {
                line.Cost += 1000;
                line.Funding = line.Funding.WithMoreGeneral(1000);
            }
            return db.SaveChanges();
        });

        var all = await client.GetStringAsync("/ImplementationPlans/2026/Compare?changesOnly=false");
        var total = Count(all, "changed") + Count(all, "added") + Count(all, "removed") + Count(all, "unchanged");
        Assert.True(Count(all, "changed") >= 150);
        Assert.Equal(100, Rows(all));
        Assert.Contains($"全 {total:#,##0} 件", all);
        var lastPage = (total + 99) / 100;
        var last = await client.GetStringAsync($"/ImplementationPlans/2026/Compare?changesOnly=false&page={lastPage}");
        Assert.Equal(total - (lastPage - 1) * 100, Rows(last));
        // A page past the end (an old link, a typed number) shows the last page, not an empty list.
        var beyond = await client.GetStringAsync("/ImplementationPlans/2026/Compare?changesOnly=false&page=2147483647");
        Assert.Equal(Rows(last), Rows(beyond));
        Assert.Contains($"（{lastPage} / {lastPage} ページ）", beyond);

        var changed = await client.GetStringAsync("/ImplementationPlans/2026/Compare?change=Changed");
        Assert.Contains($"全 {Count(all, "changed"):#,##0} 件", changed);
        Assert.Equal(Rows(changed), Rows(changed, "changed"));
        Assert.Contains("<option value=\"Changed\" selected=\"selected\">変更だけ</option>", changed);
    }

    /// The project plan form's validator reads the years as the command does, with the content's limit from the model.
    [Fact]
    public async Task A_project_year_refused_by_the_form_rules_is_shown_beside_its_field_and_nothing_is_written()
    {
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var project = app.WithDb(db => db.Projects.Single(p => p.Code == "6-2-01").Id);
        var years = app.WithDb(db => db.ImplementationPlans.Single(p => p.FiscalYear == 2026).Years.ToList());
        var url = $"/ImplementationPlans/2026/Projects/{project}";
        var lines = app.WithDb(db => db.ImplementationPlanLines.Where(l => l.ProjectId == project).Select(l => new { l.Id, l.Version, l.Content, l.Cost }).ToList());
        var token = KomakiFactory.TokenIn(await head.GetStringAsync(url));
        var fields = years.Select((y, i) => ($"Years[{i}].Year", y.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        fields.AddRange([("Years[0].Status", "Continuing"), ("Years[0].Content", new string('内', 4001)), ("Years[0].Cost", "1,000"), ("Years[0].General", "1,000"),
            ("Years[1].Status", "Continuing"), ("Years[1].Cost", "１，０００"), ("Years[1].General", "900")]);
        var html = await (await head.PostAsync(url, KomakiFactory.Form(token, [.. fields]))).Content.ReadAsStringAsync();
        Assert.Contains("事業内容は4,000文字以内で入力してください。", html);
        Assert.Contains("と一致しません", html);
        Assert.Equal(lines, app.WithDb(db => db.ImplementationPlanLines.Where(l => l.ProjectId == project).Select(l => new { l.Id, l.Version, l.Content, l.Cost }).ToList()));
    }
}
