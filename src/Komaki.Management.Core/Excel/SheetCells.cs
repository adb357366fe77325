using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Excel;

/// How exports write cells, in one place so a ClosedXML upgrade touches one file.
public static class SheetCells
{
    /// Writes text as text: a value FormulaGuard takes for a formula is stored as a string with Excel's quote
    /// prefix, so it is never run, not even after the cell is edited.
    public static void Text(IXLCell cell, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (FormulaGuard.LooksLikeFormula(text)) cell.Style.IncludeQuotePrefix = true;
    }

    public static void Thousands(IXLCell cell, long? yen)
    {
        ThousandsValue(cell, yen);
        cell.Style.NumberFormat.Format = ThousandsFormat;
    }

    /// The amount in 千円 without a style of its own, for a column formatted once as a range: a style set per cell
    /// costs ClosedXML a lookup each, seconds for a sheet of the whole city.
    public static void ThousandsValue(IXLCell cell, long? yen)
    {
        if (yen is long y) cell.SetValue(y / 1000m);
    }

    public const string ThousandsFormat = "#,##0";
    /// Texts in consecutive cells of a row, from the first column named.
    public static void Texts(IXLWorksheet ws, int row, int firstColumn, params string?[] texts)
    {
        for (var i = 0; i < texts.Length; i++) Text(ws.Cell(row, firstColumn + i), texts[i]);
    }

    /// Amounts in yen as 千円 in consecutive cells of a row, from the first column named.
    public static void Thousands(IXLWorksheet ws, int row, int firstColumn, params long?[] yen)
    {
        for (var i = 0; i < yen.Length; i++) Thousands(ws.Cell(row, firstColumn + i), yen[i]);
    }

    /// The same without a style per cell, for columns formatted once as a range (ThousandsValue).
    public static void ThousandsValues(IXLWorksheet ws, int row, int firstColumn, params long?[] yen)
    {
        for (var i = 0; i < yen.Length; i++) ThousandsValue(ws.Cell(row, firstColumn + i), yen[i]);
    }

    public static void HeaderStyle(IXLRange range)
    {
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Alignment.WrapText = true;
        range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
    }

    public static void DropDown(IXLRange range, IEnumerable<string> options) =>
        range.SetDataValidation().List("\"" + string.Join(",", options) + "\"", true);

    /// The sheet's title in its first cell, bold and large, as the city's sheets open.
    public static void Title(IXLWorksheet ws, string title)
    {
        Text(ws.Cell(1, 1), title);
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 14;
    }

    /// A heading over two header rows, for a column that belongs to no group.
    public static void HeaderOverTwoRows(IXLWorksheet ws, int row, int column, string text)
    {
        Text(ws.Cell(row, column), text);
        ws.Range(row, column, row + 1, column).Merge();
    }

    /// A group of columns under one heading (財源内訳, スケジュール): the heading across them, theirs in the row below.
    public static void HeaderGroup(IXLWorksheet ws, int row, int column, string heading, IReadOnlyList<string> headers)
    {
        Text(ws.Cell(row, column), heading);
        ws.Range(row, column, row, column + headers.Count - 1).Merge();
        for (var i = 0; i < headers.Count; i++) Text(ws.Cell(row + 1, column + i), headers[i]);
    }

    /// The widths of the columns from the first, in Excel's units.
    public static void Widths(IXLWorksheet ws, IReadOnlyList<double> widths, int firstColumn = 1)
    {
        for (var c = 0; c < widths.Count; c++) ws.Column(firstColumn + c).Width = widths[c];
    }

    /// A wide table printed for meetings: landscape A3, its header rows (and the first columns, when named) kept in
    /// view on screen and repeated on every printed page.
    public static void PrintWide(IXLWorksheet ws, int firstHeaderRow, int lastHeaderRow, int frozenColumns = 0)
    {
        ws.SheetView.Freeze(lastHeaderRow, frozenColumns);
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.PaperSize = XLPaperSize.A3Paper;
        ws.PageSetup.SetRowsToRepeatAtTop(firstHeaderRow, lastHeaderRow);
    }
}
