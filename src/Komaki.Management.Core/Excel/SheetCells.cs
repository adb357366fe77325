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
}
