using System.Globalization;
using System.Text;

namespace Komaki.Management.Core.Common;

/// Reads numbers as staff type or paste them: full-width digits, 、or ，separators, ▲ or △ for minus.
/// Blank means "no value", which is not zero.
public static class NumberText
{
    public static bool TryParse(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var s = text.Normalize(NormalizationForm.FormKC).Trim().Replace(",", "").Replace("，", "").Replace(" ", "");
        var negative = false;
        if (s.StartsWith('▲') || s.StartsWith('△'))
        {
            negative = true;
            s = s[1..];
        }
        if (s is "-" or "－" or "―" or "‐") return true;
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)) return false;
        value = negative ? -d : d;
        return true;
    }

    public static string Format(decimal? value) =>
        value is decimal v ? v.ToString(v == Math.Round(v) ? "0" : "0.####", CultureInfo.InvariantCulture) : "";
}
