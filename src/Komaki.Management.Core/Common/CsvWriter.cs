namespace Komaki.Management.Core.Common;

/// The one guard against formula injection (OWASP "CSV Injection"), used by every file the app writes — CSV here,
/// Excel through SheetCells. A spreadsheet takes a cell that begins with = + - @ as a formula, and one that begins
/// with a tab or a carriage return may be trimmed into one; such text is written with a leading ' (in Excel, the quote
/// prefix). A plain signed number (-12.5) is a number, not a formula, and is left as it is.
public static class FormulaGuard
{
    private static readonly Regex SignedNumber = new(@"^[+-][0-9][0-9,]*(\.[0-9]+)?\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static bool LooksLikeFormula(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !SignedNumber.IsMatch(text);

    public static string Neutralise(string text) => LooksLikeFormula(text) ? "'" + text : text;
}

public sealed record CsvColumn<T>(string Header, Func<T, object?> Value);

/// CSV as Excel in Japan opens it: UTF-8 with a BOM, CRLF, RFC 4180 quoting, every cell through FormulaGuard. Open
/// data, the payroll file and any other CSV the app serves are written here and nowhere else.
public static class CsvWriter
{
    public static byte[] Bytes<T>(IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text(columns, rows))];

    public static string Text<T>(IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', columns.Select(c => Cell(c.Header))).Append("\r\n");
        foreach (var row in rows) sb.AppendJoin(',', columns.Select(c => Cell(c.Value(row)))).Append("\r\n");
        return sb.ToString();
    }

    /// One value as a cell: dates in ISO 8601, numbers in invariant culture, text guarded and quoted where needed.
    public static string Cell(object? value)
    {
        var s = FormulaGuard.Neutralise(Plain(value));
        return s.IndexOfAny([',', '"', '\n', '\r', '\'']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    /// A value as text without quoting, for values joined into one cell (several indicators in one column).
    public static string Plain(object? value) => value switch
    {
        null => "",
        DateTime d => UtcInstantJsonConverter.Text(d),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
