using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.Importing;

/// The data rows of an import sheet, below its header: subtotal/total rows and rows without a project code
/// are skipped and reported, blank rows are counted in a note.
public static class DataRows
{
    public static IEnumerable<(MappedRow Row, string Code)> Read(SheetGrid grid, HeaderMap map, ImportReport report, string codeKey, string codeLabel = "事業コード")
    {
        var blankRows = 0;
        var previous = map.LastHeaderRow;
        foreach (var sheetRow in grid.Rows)
        {
            if (sheetRow.Number <= map.LastHeaderRow) continue;
            blankRows += sheetRow.Number - previous - 1;
            previous = sheetRow.Number;
            var row = new MappedRow(map, sheetRow);
            if (row.IsTotalRow())
            {
                report.Skipped.Add(new(grid.Name, row.Number, "小計・合計の行のため読み飛ばしました。"));
                continue;
            }
            if (row.Text(codeKey) is not string code)
            {
                report.Skipped.Add(new(grid.Name, row.Number, $"{codeLabel}のない行（見出し・注記など）のため読み飛ばしました。"));
                continue;
            }
            yield return (row, code);
        }
        if (blankRows > 0) report.Notes.Add($"空白行 {blankRows:N0} 行を読み飛ばしました。");
    }
}
