using ClosedXML.Excel;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.IntegrationTests.CitizenInputs;

public class VoiceImportTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static byte[] Sheet(string title, string[] headers, params object?[][] rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Sheet1");
        ws.Cell(1, 1).SetValue(title);
        for (var c = 0; c < headers.Length; c++) ws.Cell(3, c + 1).SetValue(headers[c]);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is string s) ws.Cell(r + 4, c + 1).SetValue(s);
                else if (rows[r][c] is double d) ws.Cell(r + 4, c + 1).SetValue(d);
            }
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    [Fact]
    public async Task The_manifesto_sheet_adds_new_promises_updates_changed_ones_and_refuses_bad_rows()
    {
        var termId = app.WithDb(db => db.MayorTerms.Single().Id);
        string[] headers = ["No.", "分野", "マニフェスト項目", "具体的な内容", "数値目標"];
        var file = Sheet("市長マニフェスト（令和5年）", headers,
            ["1-1", "子育て・教育", "子ども医療費助成の拡充", "通院・入院の医療費助成を高校生世代まで広げ、子育て世帯の負担を軽くします。", "対象を20歳まで"],
            ["6-1", "行政", "市役所の窓口をワンストップに", "引っ越しなどの手続を一つの窓口で済むようにします。", null],
            ["6-2", "行政", null, "項目がない行", null]);
        var before = app.Snapshot();
        var bad = await app.ImportAsync(SheetKind.Manifesto, file, termId, apply: true);
        Assert.False(bad.Applied);
        Assert.True(bad.Refused.Any(r => r.Row == 6 && r.Reason.Contains("項目が空欄です")), bad.FileError + string.Join("/", bad.Refused.Select(r => $"{r.Row}:{r.Reason}")) + string.Join("/", bad.Skipped.Select(r => $"{r.Row}:{r.Reason}")));
        Assert.Equal(before, app.Snapshot());

        var good = CitySheetsEdit(file, ws => ws.Row(6).Delete());
        var report = await app.ImportAsync(SheetKind.Manifesto, good, termId, apply: true);
        Assert.True(report.Applied);
        Assert.Equal("6-1", Assert.Single(report.Created).Key);
        var changed = Assert.Single(report.Updated);
        Assert.Equal(("数値目標", "対象を18歳年度末まで", "対象を20歳まで"), (changed.Changes.Single().Field, changed.Changes.Single().Old, changed.Changes.Single().New));
        Assert.Equal(31, app.WithDb(db => db.ManifestoItems.Count()));
        Assert.Empty((await app.ImportAsync(SheetKind.Manifesto, good, termId, apply: false)).Updated);
    }

    [Fact]
    public async Task Survey_results_come_in_by_measure_code_with_percent_signs_and_out_of_range_values_are_refused()
    {
        string[] headers = ["施策番号", "施策名", "満足度(%)", "重要度(%)"];
        var file = Sheet("令和8年度 市民意識調査 結果", headers, ["1-1", "防災力の強化", "55.2%", "70.1%"], ["１－２", "消防", 61.0, 66.0], ["9-9", "存在しない", 50.0, 50.0], ["1-3", "防犯", 120.0, 50.0]);
        var report = await app.ImportAsync(SheetKind.Survey, file, 2026, apply: true);
        Assert.False(report.Applied);
        Assert.Equal([6, 7], report.Refused.Select(r => r.Row));
        Assert.Contains("施策コード「9-9」の施策がありません。", report.Refused[0].Reason);
        Assert.Contains("0〜100", report.Refused[1].Reason);

        var fixedFile = CitySheetsEdit(file, ws => { ws.Row(7).Delete(); ws.Row(6).Delete(); });
        var ok = await app.ImportAsync(SheetKind.Survey, fixedFile, 2026, apply: true);
        Assert.True(ok.Applied);
        Assert.Equal(2, ok.Created.Count);
        Assert.Equal(55.2m, app.WithDb(db => db.SurveyResults.Single(r => r.FiscalYear == 2026 && r.Measure!.Code == "1-1").Satisfaction));
        Assert.Equal(2, (await app.ImportAsync(SheetKind.Survey, fixedFile, 2026, apply: false)).Unchanged);
    }

    [Fact]
    public async Task Survey_scores_read_as_shown_not_surveyed_is_empty_and_a_five_point_average_is_refused()
    {
        string[] headers = ["施策番号", "施策名", "満足度(%)", "重要度(%)"];
        // 0.557 shown 55.7% by its format is 55.7 on the 0–100 scale; 「－」 is a measure not surveyed, never 0.
        var file = CitySheetsEdit(Sheet("令和7年度 市民意識調査 結果", headers, ["1-1", "防災力の強化", 0.557, 0.7], ["1-2", "消防", "－", "－"], ["1-3", "防犯", 40.0, 50.0]), ws =>
        {
            ws.Cell(4, 3).Style.NumberFormat.Format = "0.0%";
            ws.Cell(4, 4).Style.NumberFormat.Format = "0%";
        });
        (decimal, decimal)? Stored12() => app.WithDb(db => db.SurveyResults.Where(r => r.FiscalYear == 2025 && r.Measure!.Code == "1-2")
            .Select(r => new { r.Satisfaction, r.Importance }).AsEnumerable().Select(r => ((decimal, decimal)?)(r.Satisfaction, r.Importance)).SingleOrDefault());
        var before = Stored12();
        var report = await app.ImportAsync(SheetKind.Survey, file, 2025, apply: true);
        Assert.True(report.Applied, string.Join(" / ", report.Refused.Select(r => r.Reason)));
        Assert.Equal(before, Stored12());
        Assert.Equal(55.7m, app.WithDb(db => db.SurveyResults.Single(r => r.FiscalYear == 2025 && r.Measure!.Code == "1-1").Satisfaction));
        if (before is null) Assert.Contains(report.Skipped, s => s.Row == 5 && s.Reason.Contains("未調査"));
        Assert.Contains(report.Notes, n => n.Contains("表示形式「0.0%」") && n.Contains("C4"));

        // A later sheet where 1-3 was not asked about its importance keeps the stored importance.
        var later = Sheet("令和7年度 市民意識調査 結果（追加集計）", headers, ["1-3", "防犯", 45.0, "－"]);
        var kept = await app.ImportAsync(SheetKind.Survey, later, 2025, apply: true);
        Assert.True(kept.Applied);
        var result = app.WithDb(db => db.SurveyResults.Single(r => r.FiscalYear == 2025 && r.Measure!.Code == "1-3"));
        Assert.Equal((45m, 50m), (result.Satisfaction, result.Importance));

        string[] fivePoint = ["施策番号", "施策名", "満足度（5段階平均）", "重要度（5段階平均）"];
        var refused = await app.ImportAsync(SheetKind.Survey, Sheet("満足度", fivePoint, ["1-1", "防災力の強化", 3.42, 4.1]), 2025, apply: false);
        Assert.Contains("段階評価の平均", refused.FileError);
    }

    private static byte[] CitySheetsEdit(byte[] file, Action<IXLWorksheet> edit) => Komaki.Management.TestSheets.CitySheets.Edit(file, edit);
}
