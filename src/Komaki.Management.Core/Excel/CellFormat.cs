using ExcelNumberFormat;

namespace Komaki.Management.Core.Excel;

/// How a number cell was read when its number format matters: what was saved in it, what Excel shows, the format,
/// whether it is a date, and whether the figure read (the shown one) differs from the saved one (scaled by
/// `#,##0,`, a percentage, rounded by the format).
public sealed record CellReading(int Column, string Stored, string Shown, string Format, bool IsDate, bool Differs);

/// A cell style's number format, applied as Excel applies it (ExcelNumberFormat), so a cell reads as the person
/// looking at the sheet reads it: 25,600 for 25600000 shown by `#,##0,` under （単位：千円）, 55.7 for 0.557 shown
/// 55.7%, 00123 for 123 shown by `00000`, a date for a date format. The figure is taken from what is shown; the
/// sign from the number itself (a format may show a negative amount in red without its minus). A format that shows
/// no single figure (a fraction, a hidden value) cannot be read as anything and makes the cell a flaw.
internal sealed partial class CellFormat
{
    public const string Advice = "Excel で開いてセルの表示形式を確かめ、表示されている値を数値か文字列として入力し直してから取り込んでください。";

    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    private readonly NumberFormat _format;

    public string Code { get; }
    public bool IsDate { get; }

    private CellFormat(string code, bool isDate)
    {
        Code = code;
        IsDate = isDate;
        _format = new NumberFormat(code);
    }

    /// The format of a cellXfs entry's numFmtId, or null when it is General or text (read as written).
    public static CellFormat? Of(int id, IReadOnlyDictionary<int, string> custom)
    {
        var code = custom.TryGetValue(id, out var c) ? c : BuiltIn(id);
        if (code is null && IsBuiltInDate(id)) code = "yyyy/m/d";
        if (string.IsNullOrWhiteSpace(code) || code.Equals("General", StringComparison.OrdinalIgnoreCase) || code == "@") return null;
        return new CellFormat(code, IsBuiltInDate(id) || IsDateFormat(code));
    }

    /// A number without a format, as Excel's General shows it to 15 significant digits and without an exponent:
    /// 1.0, 1E0 and 1 are all "1", 0E0 is "0", and a binary artefact such as 0.30000000000000004 is "0.3".
    public static string General(double number, string raw)
    {
        if (Math.Abs(number) >= 7.9e27) return raw;
        var d = (decimal)number; // the conversion keeps at most 15 significant digits, as Excel displays
        return d.ToString("0.############################", CultureInfo.InvariantCulture);
    }

    /// The text a number cell is read as (null when what is shown is not one figure), and how it was read when that
    /// is worth saying.
    public string? Read(double number, string stored, out CellReading? reading)
    {
        reading = null;
        if (IsDate)
        {
            if (number is not (> 0 and < 2958466)) return stored;
            var date = DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            reading = new CellReading(0, stored, Shown(number) ?? date, Code, true, false);
            return date;
        }
        if (_format.IsDateTimeFormat)
        {
            // A date format naming neither day nor year (m"月" — what Excel makes of 4月): read as saved, shown as displayed.
            if (Shown(number) is { Length: > 0 } display) reading = new CellReading(0, stored, display, Code, true, false);
            return stored;
        }
        if (_format.IsTimeSpanFormat) return stored;
        var shown = Shown(number);
        if (shown is null) return stored;
        var figures = Figure().Matches(shown.Normalize(NormalizationForm.FormKC));
        if (figures.Count != 1)
        {
            if (figures.Count == 0 && number == 0) return "0";
            reading = new CellReading(0, stored, shown, Code, false, true);
            return null;
        }
        var text = figures[0].Value.Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return stored;
        if (number < 0 && value != 0) text = "-" + text;
        var differs = decimal.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var saved) && saved != (number < 0 ? -value : value);
        if (differs || shown.Any(char.IsLetter)) reading = new CellReading(0, stored, shown, Code, false, differs);
        return text;
    }

    private string? Shown(double number)
    {
        if (!_format.IsValid) return null;
        try
        {
            return _format.Format(number, Japanese);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    /// The formats Excel does not write into styles.xml (ECMA-376 18.8.30), those that are not General or dates.
    private static string? BuiltIn(int id) => id switch
    {
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        5 => "\"¥\"#,##0;\"¥\"\\-#,##0",
        6 => "\"¥\"#,##0;[Red]\"¥\"\\-#,##0",
        7 => "\"¥\"#,##0.00;\"¥\"\\-#,##0.00",
        8 => "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        12 => "# ?/?",
        13 => "# ??/??",
        37 => "#,##0 ;(#,##0)",
        38 => "#,##0 ;[Red](#,##0)",
        39 => "#,##0.00;(#,##0.00)",
        40 => "#,##0.00;[Red](#,##0.00)",
        48 => "##0.0E+0",
        49 => "@",
        _ => null,
    };

    private static bool IsBuiltInDate(int id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    private static bool IsDateFormat(string code)
    {
        var inQuotes = false;
        var inBrackets = false;
        foreach (var c in code)
        {
            if (c == '"' && !inBrackets) inQuotes = !inQuotes;
            else if (inQuotes) continue;
            else if (c == '[') inBrackets = true;
            else if (c == ']') inBrackets = false;
            else if (!inBrackets && c is 'y' or 'd' or 'e' or 'g' or 'Y' or 'D') return true;
            else if (c == ';') break;
        }
        return false;
    }

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?(?:[Ee][+-]?\d+)?|\.\d+")]
    private static partial Regex Figure();
}
