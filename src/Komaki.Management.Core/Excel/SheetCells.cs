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
        if (yen is long y) cell.SetValue(y / 1000m);
        cell.Style.NumberFormat.Format = ThousandsFormatOf(yen);
    }

    /// The amount in 千円 without a style of its own, for columns formatted once by ThousandsRange: a style set per
    /// cell costs ClosedXML a lookup each, seconds for a sheet of the whole city.
    public static void ThousandsValue(IXLCell cell, long? yen)
    {
        if (yen is long y) cell.SetValue(y / 1000m);
    }

    /// Formats columns of amounts in 千円 once as a range, after their values are written (ThousandsValue): every
    /// cell as a whole 千円, then each amount with yen below the 千円 (few) with the format that shows it exactly.
    public static void ThousandsRange(IXLRange range)
    {
        range.Style.NumberFormat.Format = ThousandsFormat;
        foreach (var cell in range.CellsUsed(c => c.DataType == XLDataType.Number))
        {
            var value = cell.GetValue<decimal>();
            if (value != Math.Round(value)) cell.Style.NumberFormat.Format = NumberFormatOf(value, 3);
        }
    }

    /// The format of a whole number of 千円 (the common case, set once over a range).
    public const string ThousandsFormat = "#,##0";

    /// The format that shows an amount in 千円 exactly as stored: as many decimals as its yen need (2,500.5 for
    /// 2,500,500 円, 1,000.001 for 1,000,001 円), none for a whole 千円. Every export writes its amounts with it, so a
    /// sheet shows what is stored and an import — which reads what Excel shows — reads back what was exported.
    public static string ThousandsFormatOf(long? yen) => NumberFormatOf(yen is long y ? y / 1000m : null, 3);

    /// The format that shows a number exactly as stored: thousands separators and as many decimals as the value has,
    /// up to the field's scale (the decimals it keeps).
    public static string NumberFormatOf(decimal? value, int scale)
    {
        if (value is not decimal v) return ThousandsFormat;
        var decimals = 0;
        while (decimals < scale && Math.Round(v, decimals) != v) decimals++;
        return decimals == 0 ? ThousandsFormat : ThousandsFormat + "." + new string('0', decimals);
    }

    /// A number written with the format that shows it exactly (NumberFormatOf).
    public static void Number(IXLCell cell, decimal? value, int scale)
    {
        if (value is not decimal v) return;
        cell.SetValue(v);
        cell.Style.NumberFormat.Format = NumberFormatOf(v, scale);
    }

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
