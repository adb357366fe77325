using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Personnel;
using Komaki.Management.TestSheets;
using static Komaki.Management.IntegrationTests.Importing.MetamorphicImportTests;

namespace Komaki.Management.IntegrationTests.Importing;

/// What a clerk reads one way, every import reads that way: 小計・合計 rows named by the plan's structure, a 部 written
/// before its 課, the units of the year's organisation, the everyday words and dates of personnel systems. Each case is
/// compared with the file that says the same thing plainly (the same preview), in every import kind it applies to.
/// Previews only, so the cases share one database.
public class ReadAsMeantTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const int Year = 2026;

    private static readonly ImportChoices InThousands = Evaluations.LegacyEvaluationImportTests.InThousands;

    private const string SubtotalWarning = "小計・合計の行は取り込まない";

    /// The real evaluation history (tests/Fixtures/real) cut to its headings and first twelve projects, copied cell by
    /// cell (values, number formats, merged headings) into a new book, so a case reads in a second.
    internal static byte[] EvaluationHistory() => SmallHistory.Value;

    private static readonly Lazy<byte[]> SmallHistory = new(() =>
    {
        using var source = new XLWorkbook(new MemoryStream(Evaluations.LegacyEvaluationImportTests.Fixture()));
        var ws = source.Worksheet(1);
        var code = Header(ws, "事務事業ID");
        var data = DataRows(ws, code.Address.ColumnNumber, code.Address.RowNumber);
        using var book = new XLWorkbook();
        var to = book.AddWorksheet(ws.Name);
        var keep = Enumerable.Range(1, data[0] - 1).Concat(data.Take(12)).ToList();
        for (var i = 0; i < keep.Count; i++)
        {
            foreach (var cell in ws.Row(keep[i]).CellsUsed())
            {
                var target = to.Cell(i + 1, cell.Address.ColumnNumber);
                target.Value = cell.Value;
                target.Style.NumberFormat.Format = cell.Style.NumberFormat.Format;
            }
        }
        foreach (var m in ws.MergedRanges.Where(m => m.RangeAddress.LastAddress.RowNumber < data[0]))
            to.Range(m.RangeAddress.FirstAddress.RowNumber, m.RangeAddress.FirstAddress.ColumnNumber, m.RangeAddress.LastAddress.RowNumber, m.RangeAddress.LastAddress.ColumnNumber).Merge();
        using var ms = new MemoryStream();
        book.SaveAs(ms);
        return ms.ToArray();
    });

    private static List<int> DataRows(IXLWorksheet ws, int codeColumn, int headerRow) =>
        ws.Column(codeColumn).CellsUsed().Where(c => c.Address.RowNumber > headerRow && Regex.IsMatch(c.GetString(), @"^\d")).Select(c => c.Address.RowNumber).ToList();

    private static IXLCell Header(IXLWorksheet ws, params string[] texts) => ws.CellsUsed().First(c => texts.Contains(c.GetString().Trim()));

    /// Inserts a row below `after` whose amount columns hold the sum of `rows` (plus `off` on the first of them).
    private static int InsertTotal(IXLWorksheet ws, int after, IEnumerable<int> rows, int[] amountColumns, Action<IXLRow> label, double off = 0)
    {
        var list = rows.ToList();
        ws.Row(after).InsertRowsBelow(1);
        var at = after + 1;
        label(ws.Row(at));
        var first = true;
        foreach (var c in amountColumns)
        {
            ws.Cell(at, c).SetValue(list.Sum(r => ws.Cell(r, c).GetValue<double>()) + (first ? off : 0));
            ws.Cell(at, c).Style.NumberFormat.Format = "#,##0";
            first = false;
        }
        return at;
    }

    /// The 実施計画 export with 施策 subtotals (「1-1 計」 in the code, 「施策計」 and 「小計」 in the name) after its first
    /// three projects and a 合計 of every row at the bottom; `off` puts a wrong figure in the first subtotal's 事業費.
    private static (byte[] File, List<int> TotalRows) PlanWithSubtotals(byte[] export, double off = 0)
    {
        var totals = new List<int>();
        var file = CitySheets.Edit(export, ws =>
        {
            var code = Header(ws, "事業コード");
            var rows = DataRows(ws, 1, code.Address.RowNumber);
            int[] amounts = [8, 9, 10, 11, 12, 13];
            var groups = rows.GroupBy(r => ws.Cell(r, 1).GetString()).Select(g => g.ToList()).ToList();
            InsertTotal(ws, rows[^1], rows, amounts, r => r.Cell(2).SetValue("合計"));
            Action<IXLRow>[] labels =
            [
                r => r.Cell(1).SetValue(string.Join("-", ws.Cell(groups[0][0], 1).GetString().Split('-').Take(2)) + " 計"),
                r => r.Cell(2).SetValue("施策計"),
                r => r.Cell(2).SetValue("小計"),
            ];
            for (var g = 2; g >= 0; g--) InsertTotal(ws, groups[g][^1], groups[g], amounts, labels[g], g == 0 ? off : 0);
            totals.AddRange(Enumerable.Range(code.Address.RowNumber + 1, ws.LastRowUsed()!.RowNumber() - code.Address.RowNumber)
                .Where(r => ws.Cell(r, 2).GetString() is "合計" or "施策計" or "小計" || ws.Cell(r, 1).GetString().EndsWith(" 計", StringComparison.Ordinal)));
        });
        return (file, totals);
    }

    [Fact]
    public async Task Subtotal_rows_named_by_the_plan_are_skipped_and_a_figure_that_is_not_the_sum_of_its_rows_is_warned_naming_the_cell()
    {
        // 実施計画: the amounts of one row per project and year.
        var export = await app.ExportAsync(SheetKind.ImplementationPlan, Year);
        var baseline = Stored(await app.ImportAsync(SheetKind.ImplementationPlan, export, Year, apply: false));
        var (file, totals) = PlanWithSubtotals(export);
        Assert.Equal(4, totals.Count);
        var report = await app.ImportAsync(SheetKind.ImplementationPlan, file, Year, apply: false);
        Assert.Empty(report.Refused);
        Assert.Equal(baseline, Stored(report));
        Assert.Equal(totals, report.Skipped.Where(s => s.Reason.StartsWith("小計・合計の行", StringComparison.Ordinal)).Select(s => s.Row));
        Assert.DoesNotContain(report.Warnings, w => w.Reason.Contains(SubtotalWarning));

        var (wrong, wrongTotals) = PlanWithSubtotals(export, off: 1);
        var warned = await app.ImportAsync(SheetKind.ImplementationPlan, wrong, Year, apply: false);
        Assert.Equal(baseline, Stored(warned));
        var warning = Assert.Single(warned.Warnings, w => w.Reason.Contains(SubtotalWarning));
        Assert.Equal(wrongTotals[0], warning.Row);
        Assert.Contains($"H{wrongTotals[0]}（事業費）", warning.Reason);

        // 事務事業評価 (the previous system's history): every year block's amounts.
        // Its 部課名 are another city's, so most rows are refused until mapped: the outcome compared is what is stored and
        // what is refused (cells named without their row numbers, which the inserted row moves).
        var evaluation = EvaluationHistory();
        var choices = InThousands;
        static string Outcome(ImportReport r) =>
            Stored(r) + "\n" + string.Join("\n", r.Refused.Select(x => Regex.Replace(x.Reason, @"(?<![A-Za-z])[A-Z]{1,3}[0-9]+(?![0-9])", "cell")).Order(StringComparer.Ordinal));
        var evaluationBaseline = Outcome(await app.ImportAsync(SheetKind.Evaluations, evaluation, 2025, apply: false, choices));
        var subtotalRow = 0;
        var changedCell = "";
        byte[] EvaluationWithSubtotal(bool wrongFigure) => CitySheets.Edit(evaluation, ws =>
        {
            var code = Header(ws, "事務事業ID");
            var name = Header(ws, "事務事業名");
            var rows = DataRows(ws, code.Address.ColumnNumber, code.Address.RowNumber);
            var lastColumn = ws.LastColumnUsed()!.ColumnNumber();
            ws.Row(rows[0]).InsertRowsBelow(1);
            subtotalRow = rows[0] + 1;
            for (var c = 1; c <= lastColumn; c++) ws.Cell(subtotalRow, c).Value = ws.Cell(rows[0], c).Value;
            ws.Cell(subtotalRow, code.Address.ColumnNumber).Clear(XLClearOptions.Contents);
            ws.Cell(subtotalRow, name.Address.ColumnNumber).SetValue("小計");
            if (!wrongFigure) return;
            var cost = ws.Row(code.Address.RowNumber).CellsUsed().Concat(ws.Row(code.Address.RowNumber + 1).CellsUsed()).Concat(ws.Row(code.Address.RowNumber - 1).CellsUsed())
                .First(c => c.GetString().StartsWith("事業費計", StringComparison.Ordinal)).Address.ColumnNumber;
            ws.Cell(subtotalRow, cost).SetValue(ws.Cell(subtotalRow, cost).GetValue<double>() + 5);
            changedCell = $"{XLHelper.GetColumnLetterFromNumber(cost)}{subtotalRow}";
        });
        var withSubtotal = await app.ImportAsync(SheetKind.Evaluations, EvaluationWithSubtotal(false), 2025, apply: false, choices);
        Assert.DoesNotContain(withSubtotal.Refused, r => r.Row == subtotalRow);
        Assert.Equal(evaluationBaseline, Outcome(withSubtotal));
        Assert.Contains(withSubtotal.Skipped, s => s.Row == subtotalRow && s.Reason.StartsWith("小計・合計の行", StringComparison.Ordinal));
        Assert.DoesNotContain(withSubtotal.Warnings, w => w.Reason.Contains(SubtotalWarning));
        var evaluationWarned = await app.ImportAsync(SheetKind.Evaluations, EvaluationWithSubtotal(true), 2025, apply: false, choices);
        Assert.Equal(evaluationBaseline, Outcome(evaluationWarned));
        var costWarning = Assert.Single(evaluationWarned.Warnings, w => w.Reason.Contains(SubtotalWarning));
        Assert.Contains(changedCell, costWarning.Reason);
    }

    [Fact]
    public async Task Subtotal_rows_in_imports_without_amounts_are_skipped_and_project_names_ending_in_kei_stay_data()
    {
        // 市民意識調査: a 政策 subtotal and an overall total between the measures.
        string[] headers = ["施策番号", "施策名", "満足度(%)", "重要度(%)"];
        object?[][] plain = [["1-1", "防災力の強化", 55.2, 70.1], ["1-2", "消防・救急体制の充実", 61.0, 66.0]];
        object?[][] withTotals = [plain[0], plain[1], ["1 計", null, 58.1, 68.0], [null, "合計", 58.1, 68.0]];
        var survey = await app.ImportAsync(SheetKind.Survey, Sheet("市民意識調査", headers, plain), Year, apply: false);
        var surveyTotals = await app.ImportAsync(SheetKind.Survey, Sheet("市民意識調査", headers, withTotals), Year, apply: false);
        Assert.Empty(surveyTotals.Refused);
        Assert.Equal(Stored(survey), Stored(surveyTotals));
        Assert.Equal(2, surveyTotals.Skipped.Count(s => s.Reason.StartsWith("小計・合計の行", StringComparison.Ordinal)));

        // マニフェスト: a 小計 row under a field.
        var termId = app.WithDb(db => db.MayorTerms.Single().Id);
        string[] mHeaders = ["番号", "分野", "項目", "内容"];
        object?[][] items = [["9-1", "行政", "窓口のデジタル化", "書かない窓口を全庁に広げます。"], ["9-2", "行政", "橋梁設計", "長寿命化の設計を進めます。"]];
        var manifesto = await app.ImportAsync(SheetKind.Manifesto, Sheet("マニフェスト", mHeaders, items), termId, apply: false);
        var manifestoTotals = await app.ImportAsync(SheetKind.Manifesto, Sheet("マニフェスト", mHeaders, [.. items, ["小計", null, null, null]]), termId, apply: false);
        Assert.Equal(Stored(manifesto), Stored(manifestoTotals));
        Assert.Contains("9-2", Stored(manifestoTotals));

        // 職員名簿 (CSV): a 課計 line the personnel system prints under each division.
        var register = StaffRegister.Of(app, Year);
        var staff = await app.ImportAsync(StaffImport.Kind, register.Bytes(), Year, apply: false, fileName: "名簿.csv");
        var withKei = register.Copy();
        withKei.Lines.Insert(3, new StaffRegister.Line("", "課計", "", null, "", "", null, "", "", null));
        withKei.Lines.Add(new StaffRegister.Line("合計", "", "", null, "", "", null, "", "", null));
        var staffTotals = await app.ImportAsync(StaffImport.Kind, withKei.Bytes(), Year, apply: false, fileName: "名簿.csv");
        Assert.Empty(staffTotals.Refused);
        Assert.Equal(Stored(staff), Stored(staffTotals));
    }

    [Fact]
    public async Task A_department_written_before_its_division_finds_the_division_in_every_import_that_reads_a_unit_and_an_unknown_or_abolished_one_is_refused_naming_the_cell()
    {
        var departments = app.WithDb(db => db.OrgUnits.Where(u => u.ParentId != null).Select(u => new { u.Name, Parent = u.Parent!.Name }).ToList()
            .GroupBy(u => u.Name).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First().Parent));

        // 主要事業実行計画: the 担当課 column.
        var export = await app.ExportAsync(SheetKind.ExecutionPlan, Year);
        var baseline = Stored(await app.ImportAsync(SheetKind.ExecutionPlan, export, Year, apply: false));
        string[] separators = ["", " ", "　"];
        var unitCells = new List<string>();
        var written = CitySheets.Edit(export, ws =>
        {
            var unit = Header(ws, "担当課");
            var i = 0;
            foreach (var r in DataRows(ws, 1, unit.Address.RowNumber))
            {
                var cell = ws.Cell(r, unit.Address.ColumnNumber);
                if (departments.TryGetValue(cell.GetString(), out var dept)) cell.SetValue(dept + separators[i++ % 3] + cell.GetString());
                unitCells.Add(cell.Address.ToString()!);
            }
        });
        var report = await app.ImportAsync(SheetKind.ExecutionPlan, written, Year, apply: false);
        Assert.Empty(report.Refused);
        Assert.Equal(baseline, Stored(report));

        var wrong = CitySheets.Edit(written, ws =>
        {
            ws.Cell(unitCells[0]).SetValue("都市建設部道路化");
            ws.Cell(unitCells[1]).SetValue("こども未来部子育て支援課");
        });
        var refused = await app.ImportAsync(SheetKind.ExecutionPlan, wrong, Year, apply: false);
        Assert.Equal(2, refused.Refused.Count);
        Assert.Contains($"{unitCells[0]}の担当課「都市建設部道路化」", refused.Refused[0].Reason);
        Assert.Contains("道路課（都市建設部）", refused.Refused[0].Reason);
        Assert.Contains($"{unitCells[1]}の「こども未来部子育て支援課」は子育て支援課（平成27年度〜令和4年度の組織）で、令和8年度の組織にはありません", refused.Refused[1].Reason);

        // 職員名簿: the 所属 column.
        var register = StaffRegister.Of(app, Year);
        var staffBaseline = Stored(await app.ImportAsync(StaffImport.Kind, register.Bytes(), Year, apply: false, fileName: "名簿.csv"));
        var withDepartments = register.Copy();
        for (var i = 0; i < withDepartments.Lines.Count; i++)
        {
            var line = withDepartments.Lines[i];
            if (line.Department is string d) withDepartments.Lines[i] = line with { Unit = d + separators[i % 3] + line.Unit };
        }
        var staffReport = await app.ImportAsync(StaffImport.Kind, withDepartments.Bytes(), Year, apply: false, fileName: "名簿.csv");
        Assert.Empty(staffReport.Refused);
        Assert.Equal(staffBaseline, Stored(staffReport));
        var staffWrong = withDepartments.Copy();
        staffWrong.Lines[0] = staffWrong.Lines[0] with { Unit = "こども未来部　子育て支援課" };
        staffWrong.Lines[1] = staffWrong.Lines[1] with { Unit = "都市建設部道路化" };
        var staffRefused = await app.ImportAsync(StaffImport.Kind, staffWrong.Bytes(), Year, apply: false, fileName: "名簿.csv");
        Assert.Equal(2, staffRefused.Refused.Count);
        Assert.Contains("C2の「こども未来部　子育て支援課」は子育て支援課（平成27年度〜令和4年度の組織）で、令和8年度の組織にはありません", staffRefused.Refused[0].Reason);
        Assert.Contains("C3の部課名「都市建設部道路化」に当たる組織が登録されていません。近い名前の組織: ", staffRefused.Refused[1].Reason);
        Assert.Contains("道路課（都市建設部）", staffRefused.Refused[1].Reason);

        // 事務事業評価: the 部課名 column; a 部課名 of the city's organisation is found without being asked about.
        var evaluation = EvaluationHistory();
        var unitRow = 0;
        var evaluationFile = CitySheets.Edit(evaluation, ws =>
        {
            var code = Header(ws, "事務事業ID");
            var unit = Header(ws, "部課名");
            var rows = DataRows(ws, code.Address.ColumnNumber, code.Address.RowNumber);
            unitRow = rows[0];
            ws.Cell(rows[0], unit.Address.ColumnNumber).SetValue("都市建設部　道路課");
            ws.Cell(rows[1], unit.Address.ColumnNumber).SetValue("こども未来部子育て支援課");
        });
        var evaluationReport = await app.ImportAsync(SheetKind.Evaluations, evaluationFile, 2025, apply: false, InThousands);
        Assert.DoesNotContain(evaluationReport.UnmappedUnits, u => u.Name.Contains("道路課"));
        Assert.DoesNotContain(evaluationReport.Refused, r => r.Row == unitRow && r.Reason.Contains("部課名"));
        Assert.Contains(evaluationReport.Refused, r => r.Row == unitRow + 1 && r.Reason.Contains("子育て支援課（平成27年度〜令和4年度の組織）で、令和7年度の組織にはありません"));
    }

    [Fact]
    public async Task Everyday_personnel_words_and_dates_read_as_the_plain_register_and_an_earlier_transfer_date_means_in_post_since_the_first_day()
    {
        var register = StaffRegister.Of(app, Year);
        var baseline = Stored(await app.ImportAsync(StaffImport.Kind, register.Bytes(), Year, apply: false, fileName: "名簿.csv"));
        var everyday = register.Copy();
        string[] dates = ["令和8年4月1日", "R8.4.1", "2026/4/1", "Ｒ８．４．１", "20260401", "令和5年4月1日", "H31.4.1", "2019/4/1 0:00:00"];
        for (var i = 0; i < everyday.Lines.Count; i++)
        {
            var line = everyday.Lines[i];
            everyday.Lines[i] = line with
            {
                Employment = line.Employment switch { "正規" => "正規職員", "再任用" => "再任用（短時間）", "会計年度任用" => i % 2 == 0 ? "会計年度任用職員（パートタイム）" : "会計年度任用職員（フルタイム）", var e => e },
                Level = line.Level switch { "部長級" => "部長", "課長級" => "課長", "係長級" => "係長", var l => l },
                StartsOn = dates[i % dates.Length],
            };
        }
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        everyday.Encoding = Encoding.GetEncoding(932);
        var report = await app.ImportAsync(StaffImport.Kind, everyday.Bytes(), Year, apply: false, fileName: "名簿.csv");
        Assert.True(report.Refused.Count == 0, string.Join(" / ", report.Refused.Take(3).Select(r => r.Reason)));
        Assert.Empty(report.UnmappedLabels);
        Assert.Equal(baseline, Stored(report));
        Assert.Contains(report.Notes, n => n.Contains("より前の") && n.Contains("からの所属として読みました"));
        Assert.Contains(report.Notes, n => n.Contains("文字コード Shift_JIS（CP932）"));
        Assert.Contains(report.LabelsUsed, l => l.Label == "正規職員" && l.Meaning == "正規");

        // A word the label table does not know is asked about, and read as the user says.
        var other = register.Copy();
        other.Lines[0] = other.Lines[0] with { Employment = "常勤嘱託" };
        var asked = await app.ImportAsync(StaffImport.Kind, other.Bytes(), Year, apply: false, fileName: "名簿.csv");
        var unmapped = Assert.Single(asked.UnmappedLabels);
        Assert.Equal("任用形態", unmapped.KindLabel);
        Assert.Contains("G2", Assert.Single(asked.Refused).Reason);
        var meant = Enum.GetValues<EmploymentType>().Single(e => e.Label() == register.Lines[0].Employment);
        var chosen = await app.ImportAsync(StaffImport.Kind, other.Bytes(), Year, apply: false,
            ImportChoices.None with { Labels = new Dictionary<string, int> { [unmapped.ChoiceKey] = (int)meant } }, fileName: "名簿.csv");
        Assert.Empty(chosen.Refused);
        Assert.Equal(baseline, Stored(chosen));

        // A date after the year is refused, naming the cell.
        var later = register.Copy();
        later.Lines[1] = later.Lines[1] with { StartsOn = "令和9年4月1日" };
        var laterReport = await app.ImportAsync(StaffImport.Kind, later.Bytes(), Year, apply: false, fileName: "名簿.csv");
        Assert.Contains("H3", Assert.Single(laterReport.Refused).Reason);

        // The year cells of the plans written as a date of the year.
        var plan = await app.ExportAsync(SheetKind.ImplementationPlan, Year);
        var planBaseline = Stored(await app.ImportAsync(SheetKind.ImplementationPlan, plan, Year, apply: false));
        var dated = CitySheets.Edit(plan, ws =>
        {
            var year = Header(ws, "年度");
            var i = 0;
            foreach (var r in DataRows(ws, 1, year.Address.RowNumber))
            {
                var cell = ws.Cell(r, year.Address.ColumnNumber);
                Assert.True(Wareki.TryParseFiscalYear(cell.GetString(), out var fy));
                if (i++ % 2 == 0) cell.SetValue(Wareki.Date(new DateOnly(fy, 4, 1)));
                else
                {
                    cell.SetValue(new DateTime(fy, 4, 1));
                    cell.Style.NumberFormat.Format = "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"";
                }
            }
        });
        var datedReport = await app.ImportAsync(SheetKind.ImplementationPlan, dated, Year, apply: false);
        Assert.Empty(datedReport.Refused);
        Assert.Equal(planBaseline, Stored(datedReport));
    }

    private static byte[] Sheet(string name, string[] headers, params object?[][] rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(name);
        for (var c = 0; c < headers.Length; c++) ws.Cell(1, c + 1).SetValue(headers[c]);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                switch (rows[r][c])
                {
                    case string s: ws.Cell(r + 2, c + 1).SetValue(s); break;
                    case double d: ws.Cell(r + 2, c + 1).SetValue(d); break;
                }
            }
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}
