using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.Importing;

/// One data row of a SheetTable, read through its header: a field's text (merged-down values included), an amount
/// in yen in the unit the table decided, a column by number for imports that place columns themselves.
public sealed class ImportRow(SheetTable table, SheetRow row)
{
    public int Number => row.Number;

    public string Sheet => table.Grid.Name;

    public bool Has(string key, int? year = null) => ColumnOf(key, year) is not null;

    public int? ColumnOf(string key, int? year = null) => year is int y ? table.Map.Column(y, key) : table.Map.Column(key);

    /// The cell's text, trimmed, with line breaks as \n; null when blank.
    public string? Text(string key, int? year = null) => ColumnOf(key, year) is int c ? Text(c) : null;

    public string? Text(int? column)
    {
        if (column is not int c) return null;
        var t = table.TextAt(row, c);
        if (string.IsNullOrWhiteSpace(t)) return null;
        t = TextNormal.WithoutInvisible(t);
        if (string.IsNullOrWhiteSpace(t)) return null;
        return t.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
    }

    /// Where a field sits, for messages: "F12".
    public string Cell(string key, int? year = null) => ColumnOf(key, year) is int c ? Cell(c) : "";

    public string Cell(int column) => $"{CellRange.ColumnName(column)}{row.Number}";

    /// The amount of a field in yen (null when blank or a dash), or the reason it cannot be read added to errors.
    public long? Amount(FieldSpec field, List<string> errors, int? year = null)
    {
        if (ColumnOf(field.Key, year) is not int c) return null;
        return Amount(c, field.Header, errors);
    }

    public long? Amount(int column, string label, List<string> errors)
    {
        var text = Text(column);
        if (Amounts.TryParseCell(text, table.YenPerUnit(column), out var yen)) return yen;
        errors.Add($"{label}「{text}」を金額として読み取れません（{Cell(column)}）。");
        return null;
    }

    /// A 小計・合計 row: the code or the name (never another column, such as 備考) says so, as the plan's structure
    /// names one (施策計, 1-1 計, 小計, 合計).
    public string? TotalText(IEnumerable<string> identityKeys, Subtotals subtotals) =>
        identityKeys.Select(k => Text(k)).FirstOrDefault(subtotals.IsSubtotal);
}
