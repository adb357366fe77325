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

    /// Reads an amount as staff type it in a unit (1000 for 千円). Blank or a dash is null.
    public static bool TryParse(string? text, long yenPerUnit, out long? yen)
    {
        yen = null;
        if (!NumberText.TryParse(text, out var value)) return false;
        if (value is decimal v)
        {
            var y = Math.Round(v * yenPerUnit, MidpointRounding.AwayFromZero);
            if (y > long.MaxValue / 10 || y < long.MinValue / 10) return false;
            yen = (long)y;
        }
        return true;
    }
}
