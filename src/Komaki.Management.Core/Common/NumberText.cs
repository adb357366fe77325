namespace Komaki.Management.Core.Common;

/// Reads numbers as staff type or paste them: full-width digits, thousands separators (，, or 、) in groups of three,
/// ▲ or △ for minus, exponents as other programs write them. Blank or a lone dash means "no value", which is not
/// zero. A separator out of place (1,2) is not read as anything: it is refused.
public static partial class NumberText
{
    /// The longest text read as a number (digits, separators, sign and unit): a form refuses longer text unread.
    public const int MaxLength = 40;

    public static bool TryParse(string? text, out decimal? value)
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
        }
        if (s.Contains(',') || s.Contains('、'))
        {
            if (!Grouped().IsMatch(s)) return false;
            s = s.Replace(",", "").Replace("、", "");
        }
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)) return false;
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
