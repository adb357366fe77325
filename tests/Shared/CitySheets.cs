using ClosedXML.Excel;

namespace Komaki.Management.TestSheets;

/// Workbooks shaped like the ones departments really send (see ../shared/docs/domain.md, "Excel"):
/// title rows above the header, a two-row header with merged year blocks, years in 和暦 written
/// three different ways, a unit note, header wording that is not ours, full-width digits stored as text,
/// dashes for "none", a blank row, and subtotal/total rows with formulas.
public static class CitySheets
{
    public sealed record PlanRow(string Code, string Name, string Status, string Content, long[][] Years);

    /// A wide 実施計画 sheet for the edition starting in `year`: per row one project, per year block
    /// 事業費 and the five sources in 千円. Returns the workbook bytes.
    public static byte[] ImplementationPlanWide(int year, IReadOnlyList<PlanRow> rows)
    {
        using var wb = new XLWorkbook();
        var cover = wb.AddWorksheet("表紙");
        cover.Cell(1, 1).SetValue("実施計画（各課提出用）");
        var ws = wb.AddWorksheet("実施計画事業一覧");
        ws.Cell(1, 1).SetValue($"令和{year - 2018}年度～令和{year - 2016}年度 実施計画事業一覧");
        ws.Range(1, 1, 1, 8).Merge();
        ws.Cell(2, 20).SetValue("（単位：千円）");
        string[] fixedHeaders = ["No.", "事業番号", "事務事業名", "区分", "事業の\n内容"];
        for (var c = 0; c < fixedHeaders.Length; c++)
        {
            ws.Cell(3, c + 1).SetValue(fixedHeaders[c]);
            ws.Range(3, c + 1, 4, c + 1).Merge();
        }
        string[] yearLabels = [$"令和{ToFullWidth(year - 2018)}年度", $"R{year - 2017}", $"{year + 2}年度"];
        string[] amountHeaders = ["事業費", "国庫", "県支出金", "地方債", "その他", "一般財源"];
        for (var y = 0; y < 3; y++)
        {
            var first = 6 + y * 6;
            ws.Cell(3, first).SetValue(yearLabels[y]);
            ws.Range(3, first, 3, first + 5).Merge();
            for (var a = 0; a < 6; a++) ws.Cell(4, first + a).SetValue(amountHeaders[a]);
        }
        var r = 5;
        var n = 0;
        foreach (var row in rows)
        {
            if (n == 2) r++; // a blank row, as left behind after deleting a project
            n++;
            ws.Cell(r, 1).SetValue(n);
            ws.Cell(r, 2).SetValue(row.Code);
            ws.Cell(r, 3).SetValue(row.Name);
            ws.Cell(r, 4).SetValue(row.Status);
            ws.Cell(r, 5).SetValue(row.Content);
            for (var y = 0; y < 3; y++)
            {
                for (var a = 0; a < 6; a++)
                {
                    var cell = ws.Cell(r, 6 + y * 6 + a);
                    var thousands = row.Years[y][a];
                    if (thousands == 0 && a > 0) cell.SetValue("－");
                    else if (n % 3 == 0) cell.SetValue(ToFullWidth(thousands)); // typed as text with full-width digits
                    else cell.SetValue(thousands);
                }
            }
            r++;
        }
        ws.Cell(r, 3).SetValue("小計");
        ws.Cell(r, 6).FormulaA1 = $"SUM(F5:F{r - 1})";
        ws.Cell(r + 1, 3).SetValue("合　計");
        ws.Cell(r + 1, 6).FormulaA1 = $"F{r}";
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    public sealed record ExecutionRow(string Code, string Name, string? Unit, string Goal, string Content, Dictionary<int, string> Months, string? MidYear);

    /// A 主要事業実行計画 sheet in another division's wording, months in full-width under a merged heading.
    public static byte[] ExecutionPlan(int year, IReadOnlyList<ExecutionRow> rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("実行計画");
        ws.Cell(1, 1).SetValue($"令和{year - 2018}年度 主要事業実行計画");
        string[] fixedHeaders = ["事務事業番号", "主要事業名", "所管課", "年度目標", "主な取組"];
        for (var c = 0; c < fixedHeaders.Length; c++)
        {
            ws.Cell(2, c + 1).SetValue(fixedHeaders[c]);
            ws.Range(2, c + 1, 3, c + 1).Merge();
        }
        ws.Cell(2, 6).SetValue("事業スケジュール");
        ws.Range(2, 6, 2, 17).Merge();
        int[] months = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];
        for (var i = 0; i < 12; i++) ws.Cell(3, 6 + i).SetValue($"{ToFullWidth(months[i])}月");
        ws.Cell(2, 18).SetValue("上半期の進捗");
        ws.Range(2, 18, 3, 18).Merge();
        var r = 4;
        foreach (var row in rows)
        {
            ws.Cell(r, 1).SetValue(row.Code);
            ws.Cell(r, 2).SetValue(row.Name);
            if (row.Unit is not null) ws.Cell(r, 3).SetValue(row.Unit);
            ws.Cell(r, 4).SetValue(row.Goal);
            ws.Cell(r, 5).SetValue(row.Content);
            for (var i = 0; i < 12; i++)
            {
                if (row.Months.TryGetValue(months[i], out var work)) ws.Cell(r, 6 + i).SetValue(work);
            }
            if (row.MidYear is not null) ws.Cell(r, 18).SetValue(row.MidYear);
            r++;
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    /// Changes cells of the sheet of a workbook (as a department would in Excel) and returns the new bytes.
    public static byte[] Edit(byte[] workbook, Action<IXLWorksheet> edit)
    {
        using var wb = new XLWorkbook(new MemoryStream(workbook));
        edit(wb.Worksheet(1));
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    /// The row of the cell holding exactly this text in the given column.
    public static int RowOf(IXLWorksheet ws, int column, string text) =>
        ws.Column(column).CellsUsed().First(c => c.GetString() == text).Address.RowNumber;

    private static string ToFullWidth(long n) =>
        new(n.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture).Select(c => c switch
        {
            >= '0' and <= '9' => (char)('０' + (c - '0')),
            ',' => '，',
            _ => c,
        }).ToArray());
}
