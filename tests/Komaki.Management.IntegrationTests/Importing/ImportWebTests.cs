using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Importing;
using Komaki.Management.TestSheets;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Importing;

/// The import screens over HTTP: upload → preview → confirm, bad files with a message and the app still up,
/// and who may do what.
public class ImportWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Planning = "kikaku@komaki.example";
    private const string RoadHead = "doro-kacho@komaki.example";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, int year, byte[] file, string fileName = "実施計画.xlsx")
    {
        var token = await KomakiFactory.TokenAsync(client, $"/Imports/{kind}/{year}/Upload");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(year.ToString()), "year" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", fileName);
        return await client.PostAsync($"/Imports/{kind}/Preview", form);
    }

    private static (string Token, string Fingerprint) ConfirmFields(string html) =>
        (Regex.Match(html, "name=\"token\" value=\"([0-9A-F]+)\"").Groups[1].Value,
         Regex.Match(html, "name=\"fingerprint\" value=\"([0-9A-F]+)\"").Groups[1].Value);

    [Fact]
    public async Task Planning_staff_upload_see_each_change_and_confirm_it_into_the_database()
    {
        var client = await app.SignedInAsync(Planning);
        var export = await app.ExportAsync(SheetKind.ImplementationPlan, 2026);
        var edited = CitySheets.Edit(export, ws =>
        {
            var r = ws.RowsUsed().First(x => x.Cell(1).GetString() == "2-1-01" && x.Cell(5).GetString() == "令和8年度").RowNumber();
            ws.Cell(r, 8).SetValue(ws.Cell(r, 8).GetValue<decimal>() + 250);
            ws.Cell(r, 13).SetValue(ws.Cell(r, 13).GetValue<decimal>() + 250);
        });

        var preview = await UploadAsync(client, SheetKind.ImplementationPlan, 2026, edited);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("<span id=\"updated-count\">1</span>", html);
        Assert.Contains("2-1-01 令和8年度", html);
        Assert.Contains("事業費", html);
        var before = app.WithDb(db => db.ImplementationPlanLines.Single(l => l.ImplementationPlan!.FiscalYear == 2026 && l.Project!.Code == "2-1-01" && l.FiscalYear == 2026).Cost);

        var (token, fingerprint) = ConfirmFields(html);
        var confirm = await client.PostAsync("/Imports/implementation-plan/Confirm", KomakiFactory.Form(KomakiFactory.TokenIn(html),
            ("year", "2026"), ("token", token), ("fingerprint", fingerprint)));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var after = app.WithDb(db => db.ImplementationPlanLines.Single(l => l.ImplementationPlan!.FiscalYear == 2026 && l.Project!.Code == "2-1-01" && l.FiscalYear == 2026).Cost);
        Assert.Equal(before + 250_000, after);

        // The staged file is gone once used: a second confirmation writes nothing twice.
        var replay = await client.PostAsync("/Imports/implementation-plan/Confirm", KomakiFactory.Form(KomakiFactory.TokenIn(html),
            ("year", "2026"), ("token", token), ("fingerprint", fingerprint)));
        Assert.Contains("有効期限が切れたか、既に取り込み済み", await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_change_made_between_preview_and_confirm_stops_the_import_and_shows_the_new_comparison()
    {
        var client = await app.SignedInAsync(Planning);
        var export = await app.ExportAsync(SheetKind.ImplementationPlan, 2025);
        var edited = CitySheets.Edit(export, ws =>
        {
            var r = ws.RowsUsed().First(x => x.Cell(1).GetString() == "2-2-01" && x.Cell(5).GetString() == "令和7年度").RowNumber();
            ws.Cell(r, 7).SetValue("プレビュー後に別の職員も編集する行");
        });
        var html = await (await UploadAsync(client, SheetKind.ImplementationPlan, 2025, edited)).Content.ReadAsStringAsync();
        var (token, fingerprint) = ConfirmFields(html);

        app.WithDb(db =>
        {
            var line = db.ImplementationPlanLines.Single(l => l.ImplementationPlan!.FiscalYear == 2025 && l.Project!.Code == "2-2-01" && l.FiscalYear == 2025);
            line.Cost += 1000;
            line.Funding = line.Funding.WithMoreGeneral(1000);
            return db.SaveChanges();
        });
        var snapshot = app.Snapshot();
        var confirm = await client.PostAsync("/Imports/implementation-plan/Confirm", KomakiFactory.Form(KomakiFactory.TokenIn(html),
            ("year", "2025"), ("token", token), ("fingerprint", fingerprint)));
        var page = await confirm.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("確認画面を表示した後にデータが変わったため、取り込みませんでした", page);
        Assert.Equal(snapshot, app.Snapshot());
    }

    public static TheoryData<string, byte[], string> BadFiles()
    {
        var ole = new byte[1024];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        var valid = ImportTestSupport.LongSheet(["1-1-01", "R8", "継続", "x", 100, 0, 0, 0, 0, 100]);
        using var empty = new ClosedXML.Excel.XLWorkbook();
        empty.AddWorksheet("Sheet1");
        using var emptyStream = new MemoryStream();
        empty.SaveAs(emptyStream);
        return new()
        {
            { "事業.csv", "事業コード,事業費\r\n1-1-01,100\r\n"u8.ToArray(), "Excel ブック（.xlsx）ではありません" },
            { "旧形式.xlsx", ole, "古い形式（.xls）か、パスワードで保護されたブック" },
            { "壊れた.xlsx", valid[..(valid.Length / 2)], "ファイルが壊れているため読み込めません" },
            { "空.xlsx", emptyStream.ToArray(), "は空です" },
            { "別の表.xlsx", NoHeaders(), "見出しを認識できませんでした" },
            { "爆弾.xlsx", ZipBomb(), "ZIP 爆弾の疑い" },
            { "百万行.xlsx", MillionRows(), "行数が上限（100,000 行）を超えています" },
        };
    }

    /// 300 MB of zeros behind a valid-looking workbook part, a few hundred KB on the wire.
    private static byte[] ZipBomb()
    {
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open())) w.Write("<workbook/>");
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++) s.Write(zeros);
        }
        return ms.ToArray();
    }

    /// A sheet whose last row is row 1,000,000, as an export of a whole formatted column produces.
    private static byte[] MillionRows()
    {
        using var wb = new ClosedXML.Excel.XLWorkbook();
        var ws = wb.AddWorksheet("実施計画");
        ws.Cell(1, 1).SetValue("事業コード");
        ws.Cell(1, 2).SetValue("事業費");
        ws.Cell(1_000_000, 1).SetValue("1-1-01");
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static byte[] NoHeaders()
    {
        using var wb = new ClosedXML.Excel.XLWorkbook();
        var ws = wb.AddWorksheet("名簿");
        ws.Cell(1, 1).SetValue("氏名");
        ws.Cell(1, 2).SetValue("住所");
        ws.Cell(2, 1).SetValue("小牧 太郎");
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_gets_a_clear_message_the_database_is_unchanged_and_the_app_stays_up(string name, byte[] file, string message)
    {
        var client = await app.SignedInAsync(Planning);
        var before = app.Snapshot();
        var response = await UploadAsync(client, SheetKind.ImplementationPlan, 2026, file, name);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("このファイルは取り込めません。データベースは変更していません。", html);
        Assert.Contains(message, html);
        Assert.DoesNotContain("id=\"confirm\"", html);
        Assert.Equal(before, app.Snapshot());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_with_the_limit_named()
    {
        var client = await app.SignedInAsync(Planning);
        var before = app.Snapshot();
        var response = await UploadAsync(client, SheetKind.ImplementationPlan, 2026, new byte[21 * 1024 * 1024]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ファイルが大きすぎます（21.0 MB）。上限は 20 MB です。", html);
        Assert.Equal(before, app.Snapshot());
    }

    [Fact]
    public async Task A_department_head_round_trips_the_units_own_sheet_and_a_forged_row_of_another_unit_is_refused()
    {
        var head = await app.SignedInAsync(RoadHead);
        var (roadCodes, otherCode) = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            return (db.Projects.Where(p => p.OwnerUnitId == road).Select(p => p.Code).ToHashSet(), db.Projects.First(p => p.OwnerUnitId != road && p.Code == "2-1-01").Code);
        });
        // The head's export holds the unit's own projects only.
        var export = await head.GetByteArrayAsync("/Imports/implementation-plan/2026/Export");
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(export));
        var exportedCodes = book.Worksheet(1).RowsUsed().Select(r => r.Cell(1).GetString()).Where(c => Regex.IsMatch(c, @"^\d+-\d+-\d+$")).Distinct().ToList();
        Assert.NotEmpty(exportedCodes);
        Assert.All(exportedCodes, c => Assert.Contains(c, roadCodes));

        var upload = await head.GetStringAsync("/Imports/implementation-plan/2026/Upload");
        Assert.Contains("道路課 とその下の係の事業の行だけを取り込めます", upload);

        // A row of another unit's project, forged into the sheet, is refused with the reason; nothing is written.
        var forged = CitySheets.Edit(export, ws =>
        {
            var r = ws.RowsUsed().First(x => roadCodes.Contains(x.Cell(1).GetString()) && x.Cell(5).GetString() == "令和8年度").RowNumber();
            ws.Cell(r, 8).SetValue(ws.Cell(r, 8).GetValue<decimal>() + 100);
            ws.Cell(r, 13).SetValue(ws.Cell(r, 13).GetValue<decimal>() + 100);
            var last = ws.LastRowUsed()!.RowNumber() + 1;
            ws.Row(r).CopyTo(ws.Row(last));
            ws.Cell(last, 1).SetValue(otherCode);
            ws.Cell(last, 2).SetValue("偽の行");
        });
        var before = app.Snapshot();
        var html = await (await UploadAsync(head, SheetKind.ImplementationPlan, 2026, forged)).Content.ReadAsStringAsync();
        Assert.Contains("<span id=\"refused-count\">1</span>", html);
        Assert.Contains($"「{otherCode} ", html);
        Assert.Contains("所属で取り込めるのは、自分の所属とその下の係の事業の行だけです", html);
        Assert.Equal(before, app.Snapshot());

        // The unit's own change alone goes in, and planning sees who sent it and when.
        var own = CitySheets.Edit(export, ws =>
        {
            var r = ws.RowsUsed().First(x => roadCodes.Contains(x.Cell(1).GetString()) && x.Cell(5).GetString() == "令和8年度").RowNumber();
            ws.Cell(r, 8).SetValue(ws.Cell(r, 8).GetValue<decimal>() + 100);
            ws.Cell(r, 13).SetValue(ws.Cell(r, 13).GetValue<decimal>() + 100);
        });
        html = await (await UploadAsync(head, SheetKind.ImplementationPlan, 2026, own, "道路課_実施計画.xlsx")).Content.ReadAsStringAsync();
        Assert.Contains("<span id=\"updated-count\">1</span>", html);
        var (token, fingerprint) = ConfirmFields(html);
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostAsync("/Imports/implementation-plan/Confirm", KomakiFactory.Form(KomakiFactory.TokenIn(html),
            ("year", "2026"), ("token", token), ("fingerprint", fingerprint)))).StatusCode);
        var planning = await app.SignedInAsync(Planning);
        var log = await planning.GetStringAsync("/Imports/implementation-plan/2026/Upload");
        Assert.Matches("<td>都市建設部 道路課</td><td>道路 一郎</td><td>令和8年度</td><td class=\"text-break\">道路課_実施計画.xlsx</td><td class=\"num\">0</td><td class=\"num\">1</td>", log);

        // The unit's staff send back progress only; nobody outside planning imports the citizen survey.
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Imports/implementation-plan/2026/Upload")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Imports/execution-plan/2026/Upload")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Imports/survey/2025/Upload")).StatusCode);
    }

    [Fact]
    public async Task Uploading_without_the_antiforgery_token_is_rejected()
    {
        var client = await app.SignedInAsync(Planning);
        var form = new MultipartFormDataContent
        {
            { new StringContent("2026"), "year" },
            { new ByteArrayContent(ImportTestSupport.LongSheet(["1-1-01", "R8", "継続", "x", 1, 0, 0, 0, 0, 1])), "file", "a.xlsx" },
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/Imports/implementation-plan/Preview", form)).StatusCode);
    }
}
