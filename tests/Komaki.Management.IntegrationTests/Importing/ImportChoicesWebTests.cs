using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Importing;
using Komaki.Management.TestSheets;
using Microsoft.EntityFrameworkCore;
using static Komaki.Management.TestSheets.RawXlsx;

namespace Komaki.Management.IntegrationTests.Importing;

/// What the import screens ask when a file leaves something open, and the city's words that planning keeps:
/// the label table, the 部課名 mapping and the list of directions.
public class ImportChoicesWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Planning = "kikaku@komaki.example";
    private const string RoadHead = "doro-kacho@komaki.example";

    private static async Task<string> UploadAsync(HttpClient client, string kind, int year, byte[] file)
    {
        var token = await KomakiFactory.TokenAsync(client, $"/Imports/{kind}/{year}/Upload");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(year.ToString()), "year" }, { content, "file", "計画.xlsx" } };
        var response = await client.PostAsync($"/Imports/{kind}/Preview", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Field(string html, string name) => Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;

    private static string PlanSheet(string code, string status) => RowsFrom(1,
        ["（単位：千円）"],
        ["事業コード", "年度", "区分", "事業費", "国庫支出金", "県支出金", "地方債", "その他特定財源", "一般財源"],
        [code, "R9", status, 50, 0, 0, 0, 0, 50]);

    [Fact]
    public async Task Planning_picks_the_sheet_and_the_meaning_of_an_unknown_label_on_the_preview_then_confirms()
    {
        var client = await app.SignedInAsync(Planning);
        var file = Build([new Sheet("総務部", PlanSheet("1-1-01", "継続")), new Sheet("建設部", PlanSheet("1-1-02", "重点継続"))]);
        var html = await UploadAsync(client, SheetKind.ImplementationPlan, 2027, file);
        Assert.Contains("id=\"sheet-choice\"", html);
        Assert.DoesNotContain("id=\"confirm\"", html);
        var token = Regex.Match(html, "name=\"token\" value=\"([0-9A-F]{32})\"").Groups[1].Value;

        var chosen = await client.PostAsync("/Imports/implementation-plan/Choose", KomakiFactory.Form(KomakiFactory.TokenIn(html), ("year", "2027"), ("token", token), ("sheet", "建設部")));
        var second = await chosen.Content.ReadAsStringAsync();
        Assert.Contains("シート「建設部」を読みました。", second);
        Assert.Contains("実施計画の区分「重点継続」が何を意味するか", second);
        var labelField = Regex.Match(second, "name=\"(label:[^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("label:2:", labelField);

        var mapped = await client.PostAsync("/Imports/implementation-plan/Choose", KomakiFactory.Form(KomakiFactory.TokenIn(second), ("year", "2027"), ("token", token),
            (labelField, ((int)Core.Implementation.ImplementationStatus.Continuing).ToString())));
        var third = await mapped.Content.ReadAsStringAsync();
        Assert.Contains("id=\"confirm\"", third);
        Assert.Contains("<td>重点継続</td><td>継続</td>", third);

        var confirm = await client.PostAsync("/Imports/implementation-plan/Confirm", KomakiFactory.Form(KomakiFactory.TokenIn(third),
            ("year", "2027"), ("token", token), ("fingerprint", Field(third, "fingerprint"))));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var line = app.WithDb(db => db.ImplementationPlanLines.Include(l => l.Project).Single(l => l.ImplementationPlan!.FiscalYear == 2027));
        Assert.Equal(("1-1-02", Core.Implementation.ImplementationStatus.Continuing, 50_000L), (line.Project!.Code, line.Status, line.Cost));
        Assert.Equal(1, app.WithDb(db => db.LabelMappings.Count(m => m.Label == "重点継続" && m.Kind == LabelKind.ImplementationStatus)));
    }

    [Fact]
    public async Task Another_users_token_cannot_be_used_to_choose_or_confirm()
    {
        var planning = await app.SignedInAsync(Planning);
        var html = await UploadAsync(planning, SheetKind.ImplementationPlan, 2028, Build([new Sheet("a", PlanSheet("1-1-01", "継続")), new Sheet("b", PlanSheet("1-1-02", "継続"))]));
        var token = Regex.Match(html, "name=\"token\" value=\"([0-9A-F]{32})\"").Groups[1].Value;
        var admin = await app.SignedInAsync("admin@komaki.example");
        var page = await admin.GetStringAsync("/ImportLabels");
        var response = await admin.PostAsync("/Imports/implementation-plan/Choose", KomakiFactory.Form(KomakiFactory.TokenIn(page), ("year", "2028"), ("token", token), ("sheet", "a")));
        Assert.Contains("有効期限が切れたか、既に取り込み済み", await response.Content.ReadAsStringAsync());
        var head = await app.SignedInAsync(RoadHead);
        // A department head may send the unit's own sheet, but planning's staged file is not theirs to answer for.
        var others = await head.PostAsync("/Imports/implementation-plan/Choose", KomakiFactory.Form(KomakiFactory.TokenIn(await head.GetStringAsync("/ImportLabels")), ("year", "2028"), ("token", token)));
        Assert.Contains("有効期限が切れたか、既に取り込み済み", await others.Content.ReadAsStringAsync());
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        var forbidden = await staff.PostAsync("/Imports/implementation-plan/Choose", KomakiFactory.Form(KomakiFactory.TokenIn(await staff.GetStringAsync("/Reminders")), ("year", "2028"), ("token", token)));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Planning_keeps_the_label_table_with_history_and_a_department_head_only_reads_it()
    {
        var client = await app.SignedInAsync(Planning);
        var page = await client.GetStringAsync("/ImportLabels?kind=Direction");
        Assert.Contains("<td>今後の方向性</td><td>改革改善（縮小・統合含む）</td><td>改善</td>", page);

        var created = await client.PostAsync("/ImportLabels", KomakiFactory.Form(KomakiFactory.TokenIn(page), ("Kind", "Direction"), ("Label", "３　抜本的見直し"), ("Value", ((int)Direction.Reduce).ToString())));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var mapping = app.WithDb(db => db.LabelMappings.Single(m => m.Label == "３　抜本的見直し"));
        Assert.Equal(("抜本的見直し", (int)Direction.Reduce), (mapping.Key, mapping.Value));

        // The same words again (another list number) are the same label: refused beside the field.
        var duplicate = await client.PostAsync("/ImportLabels", KomakiFactory.Form(KomakiFactory.TokenIn(page), ("Kind", "Direction"), ("Label", "抜本的見直し"), ("Value", "1")));
        Assert.Contains("は今後の方向性の対応表に既にあります", await duplicate.Content.ReadAsStringAsync());
        var empty = await client.PostAsync("/ImportLabels", KomakiFactory.Form(KomakiFactory.TokenIn(page), ("Kind", "Direction"), ("Label", ""), ("Value", "")));
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("シートの表記を入力してください。", emptyHtml);
        Assert.Contains("意味を選んでください。", emptyHtml);

        var edit = await client.GetStringAsync($"/ImportLabels/{mapping.Id}/Edit");
        var changed = await client.PostAsync($"/ImportLabels/{mapping.Id}/Edit", KomakiFactory.Form(KomakiFactory.TokenIn(edit), ("Version", mapping.Version.ToString()), ("Value", ((int)Direction.SuspendOrAbolish).ToString())));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var stale = await client.PostAsync($"/ImportLabels/{mapping.Id}/Edit", KomakiFactory.Form(KomakiFactory.TokenIn(edit), ("Version", mapping.Version.ToString()), ("Value", "1")));
        Assert.Contains("他の人がこの対応を先に変更しました", await stale.Content.ReadAsStringAsync());

        var confirmPage = await client.GetStringAsync($"/ImportLabels/{mapping.Id}/Delete");
        Assert.Contains("次の取り込みから、この表記のある行は取り込まず", confirmPage);
        var deleted = await client.PostAsync($"/ImportLabels/{mapping.Id}/Delete", KomakiFactory.Form(KomakiFactory.TokenIn(confirmPage)));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(app.WithDb(db => db.LabelMappings.Any(m => m.Id == mapping.Id)));
        var history = await client.GetStringAsync($"/History/LabelMapping/{mapping.Id}");
        Assert.Contains("（外した表記）", history);
        Assert.Equal(3, app.WithDb(db => db.AuditEntries.Count(a => a.RecordType == "LabelMapping" && a.RecordId == mapping.Id.ToString())));

        var head = await app.SignedInAsync(RoadHead);
        var read = await head.GetStringAsync("/ImportLabels");
        Assert.DoesNotContain("id=\"add-label\"", read);
        var forbidden = await head.PostAsync("/ImportLabels", KomakiFactory.Form(KomakiFactory.TokenIn(read), ("Kind", "Direction"), ("Label", "x"), ("Value", "1")));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/ImportLabels/{app.WithDb(db => db.LabelMappings.First().Id)}/Delete")).StatusCode);
    }

    [Fact]
    public async Task The_citys_names_for_directions_are_what_every_page_shows_and_only_directions_in_use_are_offered()
    {
        var client = await app.SignedInAsync(Planning);
        var page = await client.GetStringAsync("/Directions");
        var rows = Regex.Matches(page, "name=\"rows\\[(\\d+)\\]\\.Code\" value=\"(\\w+)\"").Select(m => (Index: m.Groups[1].Value, Code: m.Groups[2].Value)).ToList();
        Assert.Equal(Enum.GetValues<Direction>().Length, rows.Count);
        var fields = new List<(string, string)>();
        foreach (var (i, code) in rows)
        {
            var choice = DirectionCatalog.Default.All.Single(c => c.Code.ToString() == code);
            fields.Add(($"rows[{i}].Code", code));
            fields.Add(($"rows[{i}].Label", choice.Code == Direction.Continue ? "現状維持" : choice.Label));
            fields.Add(($"rows[{i}].SortOrder", choice.SortOrder.ToString()));
            if (choice.InUse && choice.Code != Direction.AbolishAndReplace) fields.Add(($"rows[{i}].InUse", "true"));
        }
        var saved = await client.PostAsync("/Directions", KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. fields]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var list = await client.GetStringAsync("/Evaluations?year=2025");
        Assert.Contains("現状維持 <span class=\"direction-count\">", list);
        var draft = app.WithDb(db => db.ProjectEvaluations.Include(e => e.Project).First(e => e.FiscalYear == 2025 && e.State == EvaluationState.Draft));
        var form = await client.GetStringAsync($"/Evaluations/2025/{draft.ProjectId}/Edit");
        var offered = Regex.Match(form, "<select[^>]*id=\"FirstDirection\"[^>]*>(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(">現状維持<", offered);
        Assert.DoesNotContain(">廃止→新規<", offered);
        Assert.DoesNotContain(">統合<", offered);

        // Two directions with one name are refused beside the field; nothing is saved.
        var clash = fields.Select(f => f.Item1.EndsWith(".Label", StringComparison.Ordinal) && f.Item2 == "縮小" ? (f.Item1, "拡大") : f).ToList();
        var refused = await client.PostAsync("/Directions", KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. clash]));
        Assert.Contains("「拡大」は他の区分と同じ名称です", await refused.Content.ReadAsStringAsync());
        Assert.Equal("縮小", app.WithDb(db => db.DirectionChoices.Single(c => c.Code == Direction.Reduce).Label));

        var head = await app.SignedInAsync(RoadHead);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync("/Directions", KomakiFactory.Form(KomakiFactory.TokenIn(await head.GetStringAsync("/Directions")), [.. fields]))).StatusCode);
    }
}
