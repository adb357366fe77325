namespace Komaki.Management.Core.Common;

/// Reads numbers as staff type or paste them: full-width digits, thousands separators (，, or 、) in groups of three,
/// ▲ or △ for minus. Blank or a lone dash means "no value", which is not zero. A separator out of place (1,2) is not
/// read as anything: it is refused, and so is ▲ before a sign (▲-5 reads both ways).
/// A form reads exactly what it shows and stores (TryParse): no exponent, and no more decimals than the field keeps
/// (Format shows at most FormDecimals; a field that keeps fewer says so). A sheet written by another program may hold
/// an exponent or a float's tail (TryParseCell).
public static partial class NumberText
{
    /// The longest text read as a number (digits, separators, sign and unit): a form refuses longer text unread.
    public const int MaxLength = 40;

    /// The most decimals Format shows, so the most a form takes when its field keeps no fewer.
    public const int FormDecimals = 4;

    /// A number as typed into a form, with at most FormDecimals decimals.
    public static bool TryParse(string? text, out decimal? value) => TryParse(text, FormDecimals, out value);

    /// A number as typed into a form whose field keeps `decimals` (0 for a count): an exponent or a further decimal is
    /// refused, never rounded, so what is stored is what was typed and what the form shows back.
    public static bool TryParse(string? text, int decimals, out decimal? value)
    {
        if (!Read(text, exponent: false, out value)) return false;
        if (value is decimal d && d.Scale > decimals && d != Math.Round(d, decimals))
        {
            value = null;
            return false;
        }
        return true;
    }

    /// A number as a sheet cell holds it: another program may have written it with an exponent (1E0).
    public static bool TryParseCell(string? text, out decimal? value) => Read(text, exponent: true, out value);

    private static bool Read(string? text, bool exponent, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var s = text.Normalize(NormalizationForm.FormKC).Trim().Replace(" ", "");
        if (s.Length == 1 && TextNormal.ForCode(s) == "-") return true;
        var negative = false;
        if (s.StartsWith('▲') || s.StartsWith('△'))
        {
            negative = true;
            s = s[1..];
            if (s.StartsWith('+') || s.StartsWith('-')) return false;
        }
        if (s.Contains(',') || s.Contains('、'))
        {
            if (!Grouped().IsMatch(s)) return false;
            s = s.Replace(",", "").Replace("、", "");
        }
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | (exponent ? NumberStyles.AllowExponent : NumberStyles.None), CultureInfo.InvariantCulture, out var d)) return false;
        value = negative ? -d : d;
        return true;
    }

    public static string Format(decimal? value) =>
        value is decimal v ? v.ToString(v == Math.Round(v) ? "0" : "0.####", CultureInfo.InvariantCulture) : "";

    /// What a sheet or page shows for no value beside a unit.
    public const string NoValue = "未記入";

    /// A value with its unit (12回), or 未記入 with no unit when there is no value: a unit never stands alone.
    public static string WithUnit(decimal? value, string? unit, Func<decimal, string>? format = null) =>
        value is decimal v ? (format ?? (d => Format(d)))(v) + unit : NoValue;

    [GeneratedRegex(@"^[+-]?\d{1,3}([,、]\d{3})+(\.\d+)?$")]
    private static partial Regex Grouped();
}
