using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Security;

/// What was published stays as published, what has moved on is read-only for departments, and every route, form,
/// file and download stays within its bounds.
public class PublishedAndBoundsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Planning = "kikaku@komaki.example";
    private const string RoadStaff = "doro-tanto@komaki.example";
    private const string RoadHead = "doro-kacho@komaki.example";

    private (int Indicator, int Measure) RoadMeasureIndicator() => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
        var i = db.Indicators.Include(x => x.Measure).First(x => x.MeasureId != null && x.Measure!.OwnerUnitId == road && x.Values.Any(v => v.FiscalYear == 2024 && v.Actual != null));
        return (i.Id, i.MeasureId!.Value);
    });

    /// The values form posted back as shown, with the given years' target or actual changed.
    private static FormUrlEncodedContent ValuesForm(string html, Dictionary<(int Year, string Field), string> changes, string? reason = null)
    {
        var fields = HtmlForms.Fields(html);
        foreach (var (key, value) in fields.Where(f => f.Key.EndsWith(".FiscalYear", StringComparison.Ordinal)).ToList())
        {
            var prefix = key[..^".FiscalYear".Length];
            foreach (var ((year, field), newValue) in changes)
                if (value == year.ToString()) fields[$"{prefix}.{field}"] = newValue;
        }
        if (reason is not null) fields["CorrectionReason"] = reason;
        return KomakiFactory.Form(KomakiFactory.TokenIn(html), [.. fields.Select(f => (f.Key, f.Value))]);
    }

    /// The record of an open-data answer that carries the given correction reason, wherever the list sits in it.
    private static System.Text.Json.JsonElement FindCorrected(System.Text.Json.JsonElement e, string reason)
    {
        if (e.ValueKind == System.Text.Json.JsonValueKind.Object && e.TryGetProperty("correctionReason", out var r) && r.ValueKind == System.Text.Json.JsonValueKind.String && r.GetString() == reason) return e;
        var children = e.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Array => e.EnumerateArray().ToList(),
            System.Text.Json.JsonValueKind.Object => e.EnumerateObject().Select(p => p.Value).ToList(),
            _ => [],
        };
        foreach (var c in children) if (FindCorrected(c, reason) is { ValueKind: not System.Text.Json.JsonValueKind.Undefined } found) return found;
        return default;
    }

    [Fact]
    public async Task A_published_actual_is_corrected_only_by_planning_with_a_reason_and_the_public_site_says_so()
    {
        var (indicator, measure) = RoadMeasureIndicator();
        var url = $"/Indicators/{indicator}/Values";
        var stored = app.WithDb(db => db.IndicatorValues.AsNoTracking().Single(v => v.IndicatorId == indicator && v.FiscalYear == 2024));

        var staff = await app.SignedInAsync(RoadStaff);
        var form = await staff.GetStringAsync(url);
        Assert.Matches("name=\"Rows\\[\\d+\\]\\.Actual\" id=\"actual-2024\"[^>]*readonly", form);
        Assert.Matches("name=\"Rows\\[\\d+\\]\\.Target\" id=\"target-2025\"[^>]*readonly", form);
        Assert.DoesNotMatch("name=\"Rows\\[\\d+\\]\\.Target\" id=\"target-2026\"[^>]*readonly", form);
        // A forged change to what is locked is refused beside the field; nothing is saved.
        var forged = await staff.PostAsync(url, ValuesForm(form, new() { [(2024, "Actual")] = "999", [(2025, "Target")] = "888" }));
        var refused = await forged.Content.ReadAsStringAsync();
        Assert.Contains("公表済みの年度の実績値は、所属では変更できません。", refused);
        Assert.Contains("過去の年度の目標値は、所属では変更できません。", refused);
        Assert.Equal(stored.Actual, app.WithDb(db => db.IndicatorValues.AsNoTracking().Single(v => v.IndicatorId == indicator && v.FiscalYear == 2024).Actual));
        // This year's target is the unit's to set.
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(url, ValuesForm(await staff.GetStringAsync(url), new() { [(2026, "Target")] = "123" }))).StatusCode);

        var planning = await app.SignedInAsync(Planning);
        var planningForm = await planning.GetStringAsync(url);
        Assert.Contains("id=\"correction\"", planningForm);
        var noReason = await planning.PostAsync(url, ValuesForm(planningForm, new() { [(2024, "Actual")] = "77.5" }));
        Assert.Contains("公表済みの実績値を訂正する理由を入力してください", await noReason.Content.ReadAsStringAsync());
        var corrected = await planning.PostAsync(url, ValuesForm(planningForm, new() { [(2024, "Actual")] = "77.5" }, "集計の誤りを訂正（調査票の二重計上）"));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var value = app.WithDb(db => db.IndicatorValues.AsNoTracking().Single(v => v.IndicatorId == indicator && v.FiscalYear == 2024));
        Assert.Equal((77.5m, "集計の誤りを訂正（調査票の二重計上）"), (value.Actual!.Value, value.CorrectionReason));
        Assert.NotNull(value.CorrectedAt);
        // The value as published is kept and shown beside the correction, wherever the actual is read.
        Assert.Equal(stored.Actual, value.PublishedActual);
        var again = await planning.PostAsync(url, ValuesForm(await planning.GetStringAsync(url), new() { [(2024, "Actual")] = "78" }, "再集計の結果を反映"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(stored.Actual, app.WithDb(db => db.IndicatorValues.AsNoTracking().Single(v => v.IndicatorId == indicator && v.FiscalYear == 2024).PublishedActual));

        var citizen = app.NewClient();
        var page = await citizen.GetStringAsync($"/public/measures/{measure}");
        Assert.Contains("訂正 令和", page);
        Assert.Contains("再集計の結果を反映", page);
        Assert.Contains($"公表時 {Komaki.Management.Web.Infrastructure.Display.Number(stored.Actual)}", page);
        var json = await citizen.GetStringAsync($"/api/v1/indicators?measureId={measure}");
        Assert.Contains("\"correctionReason\":\"再集計の結果を反映\"", json);
        using (var records = System.Text.Json.JsonDocument.Parse(json))
        {
            var record = FindCorrected(records.RootElement, "再集計の結果を反映");
            Assert.Equal(stored.Actual, record.GetProperty("publishedActual").GetDecimal());
            Assert.Equal(78m, record.GetProperty("actual").GetDecimal());
        }
        var csv = await citizen.GetStringAsync($"/api/v1/indicators.csv?measureId={measure}");
        Assert.Contains("訂正の理由", csv);
        Assert.Contains("公表時の実績値", csv);
    }

    [Fact]
    public async Task A_superseded_edition_and_a_closed_budget_year_are_read_only_for_a_department()
    {
        var head = await app.SignedInAsync(RoadHead);
        var project = app.WithDb(db => db.Projects.Single(p => p.Code == "6-2-01").Id);
        var old = await head.GetAsync($"/ImplementationPlans/2025/Projects/{project}");
        Assert.Equal(HttpStatusCode.Forbidden, old.StatusCode);
        Assert.Contains("新しい版に引き継がれたため", await old.Content.ReadAsStringAsync());
        Assert.DoesNotContain($"/ImplementationPlans/2025/Projects/{project}", await head.GetStringAsync("/ImplementationPlans/2025?q=6-2-01"));
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/ImplementationPlans/2026/Projects/{project}")).StatusCode);
        var token = KomakiFactory.TokenIn(await head.GetStringAsync($"/ImplementationPlans/2026/Projects/{project}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/ImplementationPlans/2025/Projects/{project}", KomakiFactory.Form(token, ("Years[0].Year", "2025")))).StatusCode);

        var settled = await head.GetAsync($"/Budgets/2024/{project}");
        Assert.Equal(HttpStatusCode.Forbidden, settled.StatusCode);
        Assert.Contains("決算済みの年度の予算は、所属では変更できません", await settled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/Budgets/2027/{project}")).StatusCode);
        // Planning can still put things right.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(Planning)).GetAsync($"/Budgets/2024/{project}")).StatusCode);
    }

    [Fact]
    public async Task A_fiscal_year_no_plan_covers_is_a_404_on_every_route_and_form()
    {
        var planning = await app.SignedInAsync(Planning);
        foreach (var url in new[] { "/ImplementationPlans/2147483647", "/Budgets?year=99999", "/Evaluations?year=3000", "/Budgets/1900/Comparison", "/ExecutionPlans?year=2999",
            "/Goals?year=4000", "/Reports/Results?year=1", "/Cycle/Calendar?year=9999", "/Board/Mayor?year=-5", "/MeasureEvaluations?year=2200", "/Imports/implementation-plan/2999/Upload" })
            Assert.Equal(HttpStatusCode.NotFound, (await planning.GetAsync(url)).StatusCode);
        var index = await planning.GetStringAsync("/ImplementationPlans");
        var created = await planning.PostAsync("/ImplementationPlans/Create", KomakiFactory.Form(KomakiFactory.TokenIn(index), ("fiscalYear", "2147483647")));
        Assert.Equal(HttpStatusCode.NotFound, created.StatusCode);
        Assert.False(app.WithDb(db => db.ImplementationPlans.Any(p => p.FiscalYear > 2100)));
        Assert.Equal(HttpStatusCode.OK, (await planning.GetAsync("/ImplementationPlans")).StatusCode);

        // Year 0 and a year too large to bind (both bind as 0, "not given") are refused as typed, in routes, forms and rows.
        foreach (var url in new[] { "/Budgets?year=0", "/Evaluations?year=0", "/Goals?year=0", "/Reports/Results?year=00", "/Budgets?year=99999999999" })
            Assert.Equal(HttpStatusCode.NotFound, (await planning.GetAsync(url)).StatusCode);
        var plans = app.WithDb(db => db.ImplementationPlans.Count());
        foreach (var year in new[] { "0", "-0", "99999999999" })
            Assert.Equal(HttpStatusCode.NotFound, (await planning.PostAsync("/ImplementationPlans/Create", KomakiFactory.Form(KomakiFactory.TokenIn(index), ("fiscalYear", year)))).StatusCode);
        Assert.Equal(plans, app.WithDb(db => db.ImplementationPlans.Count()));
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        var risks = app.WithDb(db => db.ControlRisks.Count());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync("/Control/Risks/Create?year=2026", KomakiFactory.Form(KomakiFactory.TokenIn(await staff.GetStringAsync("/Control/Risks/Create?year=2026")),
            ("FiscalYear", "0"), ("Process", "x")))).StatusCode);
        Assert.Equal(risks, app.WithDb(db => db.ControlRisks.Count()));
    }

    private static byte[] BrokenSheet()
    {
        var good = Komaki.Management.TestSheets.RawXlsx.Build(Komaki.Management.TestSheets.RawXlsx.Rows(["事業コード", "事業費"], ["1-1-01", 1]));
        using var input = new ZipArchive(new MemoryStream(good));
        using var ms = new MemoryStream();
        using (var output = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                if (entry.FullName.Contains("sheet1")) text = text.Replace("</row>", "<row>", StringComparison.Ordinal);
                using var writer = new StreamWriter(output.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return ms.ToArray();
    }

    [Fact]
    public async Task A_workbook_with_malformed_sheet_xml_gets_the_unreadable_file_message_on_screen()
    {
        var client = await app.SignedInAsync(Planning);
        var token = await KomakiFactory.TokenAsync(client, "/Imports/implementation-plan/2026/Upload");
        var content = new ByteArrayContent(BrokenSheet());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("2026"), "year" }, { content, "file", "壊れた.xlsx" } };
        var response = await client.PostAsync("/Imports/implementation-plan/Preview", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("ファイルが壊れているため読み込めません（シート「Sheet1」の内容を読めません）", html);
    }

    [Fact]
    public async Task Private_pages_and_downloads_are_never_stored_public_pages_may_be()
    {
        var planning = await app.SignedInAsync(Planning);
        foreach (var url in new[] { "/", "/PlanTree", "/Imports/implementation-plan/2026/Export", "/Goals/Export?year=2026", "/Account/Login" })
            Assert.Equal("no-store", (await planning.GetAsync(url)).Headers.CacheControl?.ToString());
        var citizen = app.NewClient();
        Assert.NotEqual("no-store", (await citizen.GetAsync("/public")).Headers.CacheControl?.ToString());
        Assert.NotEqual("no-store", (await citizen.GetAsync("/api/v1/measures")).Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Open_data_csv_neutralises_cells_that_begin_like_a_formula_tab_and_carriage_return_included()
    {
        var input = app.WithDb(db => db.CitizenInputs.First(c => c.IsPublished && c.Answer != null));
        app.WithDb(db =>
        {
            var c = db.CitizenInputs.Single(x => x.Id == input.Id);
            c.Summary = "\t=HYPERLINK(\"http://x\")";
            c.Answer = "\r@SUM(1)";
            // A published voice changes only as a 訂正 (PublishedCorrections).
            (c.CorrectedAt, c.CorrectionReason) = (DateTime.UtcNow, "-1+1");
            return db.SaveChanges();
        });
        var csv = await app.NewClient().GetStringAsync("/api/v1/citizen-inputs.csv");
        Assert.Contains("'\t=HYPERLINK", csv);
        Assert.Contains("'\r@SUM(1)", csv);
    }

    [Fact]
    public async Task Evaluation_sheets_get_unique_names_when_codes_share_their_first_31_characters()
    {
        var (a, b) = app.WithDb(db =>
        {
            var template = db.Projects.First();
            var stem = "8-8-" + new string('9', 27);
            var x = new Core.Plans.Project { Code = stem + "A", Name = "長いコードの事業A", MeasureId = template.MeasureId, OwnerUnitId = template.OwnerUnitId, StartYear = 2020 };
            var y = new Core.Plans.Project { Code = stem + "B", Name = "長いコードの事業B", MeasureId = template.MeasureId, OwnerUnitId = template.OwnerUnitId, StartYear = 2020 };
            db.Projects.AddRange(x, y);
            db.SaveChanges();
            foreach (var p in new[] { x, y })
                db.ProjectEvaluations.Add(new ProjectEvaluation { ProjectId = p.Id, FiscalYear = 2025, OwnerUnitId = p.OwnerUnitId, State = EvaluationState.Published, PublishedAt = DateTime.UtcNow });
            db.SaveChanges();
            return (x.Code, y.Code);
        });
        var response = await (await app.SignedInAsync(Planning)).GetAsync("/Imports/evaluations/2025/Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains(wb.Worksheets, w => w.Name == a[..31]);
        Assert.Contains(wb.Worksheets, w => w.Name == a[..29] + "~2");
    }
}
