namespace Komaki.Management.Core.Common;

/// Money is stored in yen and shown in 千円, as plan and budget sheets are.
public static class Amounts
{
    public static decimal ToThousands(long yen) => yen / 1000m;

    /// 1,234 or 1,234.5 (千円), ▲1,234 for a negative amount as in the city's documents; blank for no value.
    public static string Thousands(long? yen) => yen switch
    {
        null => "",
        < 0 => "▲" + Thousands(-yen.Value),
        long y => ToThousands(y).ToString(y % 1000 == 0 ? "#,##0" : "#,##0.###", CultureInfo.InvariantCulture),
    };

    /// Reads an amount as staff type it in a unit (1000 for 千円). Blank or a dash is null. An exponent (1e3) and a
    /// fraction finer than one yen (0.0004 千円) are refused, not read or rounded: every form that takes an amount
    /// reads it here, so none stores an amount other than the one typed.
    public static bool TryParse(string? text, long yenPerUnit, out long? yen)
    {
        yen = null;
        if (text is not null && text.Normalize(System.Text.NormalizationForm.FormKC).Contains('e', StringComparison.OrdinalIgnoreCase)) return false;
        return Read(text, yenPerUnit, exponent: false, out yen);
    }

    /// Reads an amount a sheet holds (as Excel shows it, so without a float's tail): a program may have written it with
    /// an exponent (1.5E3). A fraction finer than one yen (1,000.0004 千円) is refused, not rounded, as the forms refuse it.
    public static bool TryParseCell(string? text, long yenPerUnit, out long? yen) => Read(text, yenPerUnit, exponent: true, out yen);

    /// Whether a sheet's amount is a number finer than one yen in the unit (1,000.0004 千円): read, it would be rounded.
    public static bool IsFinerThanYen(string? text, long yenPerUnit) =>
        NumberText.TryParseCell(text, out var value) && value is decimal v && Math.Abs(v) <= long.MaxValue / 10 / yenPerUnit
        && Math.Round(v * yenPerUnit) != v * yenPerUnit;

    private static bool Read(string? text, long yenPerUnit, bool exponent, out long? yen)
    {
        yen = null;
        if (!(exponent ? NumberText.TryParseCell(text, out var value) : NumberText.TryParse(text, out value))) return false;
        if (value is decimal v)
        {
            if (Math.Abs(v) > long.MaxValue / 10 / yenPerUnit) return false;
            var y = Math.Round(v * yenPerUnit, MidpointRounding.AwayFromZero);
            if (y != v * yenPerUnit) return false;
            yen = (long)y;
        }
        return true;
    }
}
