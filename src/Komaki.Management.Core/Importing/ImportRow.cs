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

    public string? Text(int? column) => column is int c ? Clean(table.TextAt(row, c)) : null;

    private static string? Clean(string? t)
    {
        if (string.IsNullOrWhiteSpace(t)) return null;
        t = TextNormal.WithoutInvisible(t);
        if (string.IsNullOrWhiteSpace(t)) return null;
        return t.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
    }

    /// Free text as the sheet shows it: a number or date cell is stored as Excel displays it (「7月15日」, 「85%」,
    /// 「1,235」), never as the value beneath (2026-07-15, 0.85, 1234.5). Null when blank.
    public string? Shown(string key, int? year = null) => ColumnOf(key, year) is int c ? Shown(c) : null;

    public string? Shown(int? column) =>
        column is not int c ? null
        : table.Grid.ReadingAt(row, c) is { Shown: { Length: > 0 } shown } && Text(c) is not null ? Clean(shown) : Text(c);

    /// Where a field sits, for messages: "F12".
    public string Cell(string key, int? year = null) => ColumnOf(key, year) is int c ? Cell(c) : "";

    public string Cell(int column) => $"{CellRange.ColumnName(column)}{row.Number}";

    /// The amount of a field in yen (null when blank or a dash), or the reason it cannot be read added to errors.
    public long? Amount(FieldSpec field, List<string> errors, int? year = null)
    {
        if (ColumnOf(field.Key, year) is not int c) return null;
        return Amount(c, field.Header, errors);
    }

    /// `rounded`: where an import of figures computed by another system's formulas (the evaluation history) keeps an
    /// amount finer than one yen rounded to the yen — each such cell is added there, for the preview to name — instead of
    /// refusing it as every sheet typed by staff is refused.
    public long? Amount(int column, string label, List<string> errors, List<string>? rounded = null)
    {
        // A figure shown as a percentage or a date is not an amount, whatever number lies beneath it.
        if (table.Grid.ReadingAt(row, column) is { } shown && (shown.IsDate || shown.Shown.Contains('%', StringComparison.Ordinal)) && Text(column) is not null)
        {
            errors.Add($"{Cell(column)}（{label}）は「{shown.Shown}」と表示されていて、金額として読めません。セルの表示形式を数値にしてください。");
            return null;
        }
        var text = Text(column);
        if (Amounts.TryParseCell(text, table.YenPerUnit(column), out var yen)) return yen;
        if (rounded is not null && Amounts.IsFinerThanYen(text, table.YenPerUnit(column)) && NumberText.TryParseCell(text, out var fine) && fine is decimal f)
        {
            var kept = (long)Math.Round(f * table.YenPerUnit(column), MidpointRounding.AwayFromZero);
            rounded.Add($"{Cell(column)}「{text}」→{kept:N0}円");
            return kept;
        }
        if (Amounts.IsFinerThanYen(text, table.YenPerUnit(column)))
            errors.Add($"{Cell(column)}（{label}）の「{text}」は1円より細かい金額です（{SheetTable.UnitName(table.YenPerUnit(column))}で小数第{Decimals(table.YenPerUnit(column))}位まで）。丸めずに取り込まないため、セルの値を確かめてください。");
        else errors.Add($"{label}「{text}」を金額として読み取れません（{Cell(column)}）。");
        return null;
    }

    private static int Decimals(long yenPerUnit) => (int)Math.Round(Math.Log10(yenPerUnit));

    /// A number of a field that keeps `decimals` places (null when blank or a dash), or null with the reason added to
    /// errors: text that is not a number (said with `notANumber`), or a number with more decimals than the field keeps —
    /// refused, never rounded, as the form that edits the field refuses it.
    public decimal? NumberAt(int column, string label, int decimals, List<string> errors, Func<string, string>? clean = null, List<string>? rounded = null)
    {
        var text = Text(column);
        var read = clean is null || text is null ? text : clean(text);
        if (!NumberText.TryParseCell(read, out var value))
        {
            errors.Add($"{label}「{text}」を数値として読み取れません（{Cell(column)}）。");
            return null;
        }
        if (value is decimal r && r != Math.Round(r, decimals) && rounded is not null)
        {
            var kept = Math.Round(r, decimals, MidpointRounding.AwayFromZero);
            rounded.Add($"{Cell(column)}「{text}」→{kept.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            return kept;
        }
        if (value is decimal v && v != Math.Round(v, decimals))
        {
            errors.Add(TooPrecise(column, label, text!, decimals));
            return null;
        }
        return value;
    }

    /// Why a number with more decimals than its field keeps is refused, naming the cell.
    public string TooPrecise(int column, string label, string text, int decimals) =>
        $"{Cell(column)}（{label}）の「{text}」は{(decimals == 0 ? "整数ではありません" : $"小数第{decimals + 1}位以下があります")}。" +
        $"この項目は{(decimals == 0 ? "整数" : $"小数第{decimals}位まで")}で記録するため、丸めずに取り込みません。";

    /// A 小計・合計 row: the code or the name (never another column, such as 備考) says so, as the plan's structure
    /// names one (施策計, 1-1 計, 小計, 合計).
    public string? TotalText(IEnumerable<string> identityKeys, Subtotals subtotals) =>
        identityKeys.Select(k => Text(k)).FirstOrDefault(subtotals.IsSubtotal);
}
