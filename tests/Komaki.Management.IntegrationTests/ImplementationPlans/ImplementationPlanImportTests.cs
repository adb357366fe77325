using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Importing;
using Komaki.Management.TestSheets;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.ImplementationPlans;

/// The 実施計画 Excel round trip over the real database: city-shaped sheets in, exports back in unchanged,
/// edits made in Excel coming back as exactly those changes, and every kind of bad row refused whole.
public class ImplementationPlanImportTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Kind = SheetKind.ImplementationPlan;

    private static CitySheets.PlanRow Row(string code, string name, string status, long cost, long national = 0) =>
        new(code, name, status, $"{name}を実施する。",
        [
            [cost, national, 0, 0, 0, cost - national],
            [cost + 100, national, 0, 0, 0, cost + 100 - national],
            [cost + 200, national, 0, 0, 0, cost + 200 - national],
        ]);

    private static readonly CitySheets.PlanRow[] CityRows =
    [
        Row("1-1-01", "防災訓練推進事業", "継続", 25_300),
        Row("1-1-02", "自主防災組織育成事業", "１　拡充", 26_000, 5_000),
        Row("1-1-03", "防災備蓄整備事業", "継続", 1_234_500, 600_000),
        Row("1-1-04", "防災情報伝達システム整備事業", "縮小", 160_400),
        Row("1-2-01", "消防車両整備事業", "新規", 212_700, 100_000),
    ];

    [Fact]
    public async Task A_city_sheet_is_previewed_then_written_whole_and_reimporting_it_changes_nothing()
    {
        var file = CitySheets.ImplementationPlanWide(2027, CityRows);
        var before = app.Snapshot();

        var preview = await app.ImportAsync(Kind, file, 2027, apply: false);
        Assert.Null(preview.FileError);
        Assert.Empty(preview.Refused);
        Assert.Equal(15, preview.Created.Count);
        Assert.Contains(preview.Skipped, s => s.Reason.Contains("小計・合計"));
        Assert.Equal(2, preview.Skipped.Count(s => s.Reason.Contains("小計・合計")));
        Assert.Contains(preview.Notes, n => n.Contains("空白行 1 行"));
        Assert.Contains(preview.Notes, n => n.Contains("新しい版として作成"));
        Assert.Equal(before, app.Snapshot());

        var written = await app.ImportAsync(Kind, file, 2027, apply: true);
        Assert.True(written.Applied);
        var lines = app.WithDb(db => db.ImplementationPlanLines.Include(l => l.Project).Where(l => l.ImplementationPlan!.FiscalYear == 2027).ToList());
        Assert.Equal(15, lines.Count);
        // Row 3 was typed as full-width text (１，２３４，５００) in 千円.
        var stock = lines.Single(l => l.Project!.Code == "1-1-03" && l.FiscalYear == 2028);
        Assert.Equal(1_234_600_000, stock.Cost);
        Assert.Equal(600_000_000, stock.Funding.National);
        Assert.Equal(0, stock.Funding.Bonds);
        Assert.Equal(ImplementationStatus.Expanded, lines.Single(l => l.Project!.Code == "1-1-02" && l.FiscalYear == 2029).Status);
        Assert.Equal(ImplementationStatus.New, lines.Single(l => l.Project!.Code == "1-2-01" && l.FiscalYear == 2027).Status);
        Assert.All(lines, l => Assert.True(l.IsBalanced));
        // Written in bulk, but each new line is in the edition's history like any other change.
        var editionId = lines[0].ImplementationPlanId;
        var history = app.WithDb(db => db.AuditEntries.Where(a => a.RecordType == "ImplementationPlan" && a.RecordId == editionId.ToString() && a.EntityType == "ImplementationPlanLine").ToList());
        Assert.Equal(15, history.Count);
        Assert.Contains(history, a => a.Detail == $"{stock.ProjectId}:2028" && a.Changes.Any(c => c.Field == "Cost" && c.New == "1234600000"));
        var page = await (await app.SignedInAsync("kikaku@komaki.example")).GetStringAsync($"/History/ImplementationPlan/{editionId}");
        Assert.Contains("1-1-03 令和10年度", page);
        Assert.Contains("1,234,600 千円", page);

        var again = await app.ImportAsync(Kind, file, 2027, apply: true);
        Assert.Empty(again.Created);
        Assert.Empty(again.Updated);
        Assert.Equal(15, again.Unchanged);
        Assert.False(again.Applied);
    }

    [Fact]
    public async Task An_export_imports_back_with_zero_changes()
    {
        var export = await app.ExportAsync(Kind, 2026);
        var report = await app.ImportAsync(Kind, export, 2026, apply: false);
        Assert.Null(report.FileError);
        Assert.Empty(report.Refused);
        Assert.Empty(report.Created);
        Assert.Empty(report.Updated);
        Assert.Equal(app.WithDb(db => db.ImplementationPlanLines.Count(l => l.ImplementationPlan!.FiscalYear == 2026)), report.Unchanged);
    }

    [Fact]
    public async Task Edits_made_in_excel_to_an_export_come_back_as_exactly_those_changes()
    {
        var export = await app.ExportAsync(Kind, 2025);
        var edited = CitySheets.Edit(export, ws =>
        {
            var r = RowOf(ws, "1-3-01", "令和7年度");
            var cost = ws.Cell(r, 8).GetValue<decimal>();
            ws.Cell(r, 8).SetValue(cost + 1000);
            ws.Cell(r, 13).SetValue(ws.Cell(r, 13).GetValue<decimal>() + 1000);
            ws.Cell(RowOf(ws, "1-3-02", "令和8年度"), 7).SetValue("=内容を見直し、対象を拡大する。");
            ws.Cell(RowOf(ws, "1-3-03", "令和9年度"), 6).SetValue("拡充");
        });

        var preview = await app.ImportAsync(Kind, edited, 2025, apply: false);
        Assert.Empty(preview.Refused);
        Assert.Empty(preview.Created);
        Assert.Equal(3, preview.Updated.Count);
        var cost = preview.Updated.Single(u => u.Key == "1-3-01 令和7年度");
        Assert.Equal(["事業費", "一般財源"], cost.Changes.Select(c => c.Field));
        var content = preview.Updated.Single(u => u.Key == "1-3-02 令和8年度").Changes.Single();
        Assert.Equal(("事業内容", "=内容を見直し、対象を拡大する。"), (content.Field, content.New));
        var status = preview.Updated.Single(u => u.Key == "1-3-03 令和9年度").Changes.Single();
        Assert.Equal(("区分", "拡充"), (status.Field, status.New));

        var applied = await app.ImportAsync(Kind, edited, 2025, apply: true);
        Assert.True(applied.Applied);
        var audit = app.WithDb(db => db.AuditEntries.Count(a => a.RecordType == "ImplementationPlan" && a.ChangesJson.Contains("内容を見直し")));
        Assert.Equal(1, audit);
        Assert.Empty((await app.ImportAsync(Kind, edited, 2025, apply: false)).Updated);
    }

    private static int RowOf(ClosedXML.Excel.IXLWorksheet ws, string code, string year) =>
        ws.RowsUsed().First(r => r.Cell(1).GetString() == code && r.Cell(5).GetString() == year).RowNumber();

    public static TheoryData<string, object?[], string> BadRows => new()
    {
        { "unknown code", ["9-9-99", "R8", "継続", "x", 100, 0, 0, 0, 0, 100], "事業コード「9-9-99」の事務事業が登録されていません" },
        { "sources do not sum", ["1-1-01", "R8", "継続", "x", 1000, 300, 0, 0, 0, 600], "財源内訳の合計 900千円 が事業費 1,000千円 と一致しません（差 ▲100千円）" },
        { "negative cost", ["1-1-01", "R8", "継続", "x", "▲500", 0, 0, 0, 0, "▲500"], "事業費がマイナス" },
        { "year outside the edition", ["1-1-01", "令和12年度", "継続", "x", 100, 0, 0, 0, 0, 100], "令和12年度はこの実施計画の期間（令和8年度〜令和10年度）の外です" },
        { "unreadable year", ["1-1-01", "来年度", "継続", "x", 100, 0, 0, 0, 0, 100], "年度「来年度」を読み取れません" },
        { "unknown status", ["1-1-01", "R8", "見直し", "x", 100, 0, 0, 0, 0, 100], "区分「見直し」が何を意味するか、取り込みラベルの対応表にありません" },
        { "not an amount", ["1-1-01", "R8", "継続", "x", "約100", 0, 0, 0, 0, 100], "事業費「約100」を金額として読み取れません" },
        { "same project and year twice", ["1-1-02", "R9", "継続", "x", 100, 0, 0, 0, 0, 100], "行が2行目にもあります" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task A_bad_row_is_refused_with_its_row_number_and_nothing_is_written(string because, object?[] bad, string reason)
    {
        _ = because;
        object?[] good = ["1-1-02", "R9", "拡充", "正しい行", 500, 0, 0, 0, 0, 500];
        var file = ImportTestSupport.LongSheet(good, bad);
        var before = app.Snapshot();

        var report = await app.ImportAsync(Kind, file, 2026, apply: true);

        Assert.False(report.Applied);
        var refused = Assert.Single(report.Refused);
        Assert.Equal(3, refused.Row);
        Assert.Contains(reason, refused.Reason);
        Assert.Equal(before, app.Snapshot());
        Assert.Contains("\"refused\":[{\"sheet\":\"実施計画\",\"row\":3", report.ToJson());
    }

    [Fact]
    public async Task Amounts_in_yen_are_read_from_the_unit_note()
    {
        using var wb = new ClosedXML.Excel.XLWorkbook();
        var ws = wb.AddWorksheet("計画");
        ws.Cell(1, 1).SetValue("実施計画（単位：円）");
        string[] headers = ["事業コード", "年度", "区分", "事業費", "国庫支出金", "県支出金", "地方債", "その他特定財源", "一般財源"];
        for (var c = 0; c < headers.Length; c++) ws.Cell(2, c + 1).SetValue(headers[c]);
        ws.Cell(3, 1).SetValue("1-4-01");
        ws.Cell(3, 2).SetValue("R10");
        ws.Cell(3, 3).SetValue("継続");
        ws.Cell(3, 4).SetValue(1_234_567);
        ws.Cell(3, 9).SetValue(1_234_567);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);

        var report = await app.ImportAsync(Kind, ms.ToArray(), 2026, apply: false);
        var created = Assert.Single(report.Created.Concat(report.Updated));
        Assert.Contains(created.Changes, c => c.Field == "事業費" && c.New == "1,234.567");
        Assert.Equal("円（A1の注記「実施計画（単位：円）」から）", Assert.Single(report.AmountUnits));
    }
}
