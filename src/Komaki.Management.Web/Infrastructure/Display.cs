using Komaki.Management.Core.Common;

namespace Komaki.Management.Web.Infrastructure;

/// How numbers, years and dates read on screen: 和暦 years with the Western year beside them,
/// amounts in 千円 with separators, dates in Japanese.
public static class Display
{
    private static readonly CultureInfo Ja = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly TimeZoneInfo Tokyo = CityTime.Tokyo;

    public static string FiscalYear(int year) => Wareki.FiscalYearWithWestern(year);

    public static string FiscalYear(int? year) => year is int y ? FiscalYear(y) : "";

    public static string FiscalYearShort(int year) => Wareki.FiscalYear(year);

    /// Yen held in the database, shown in 千円 as plan and budget sheets do.
    public static string Thousands(decimal? yen) => yen is decimal y ? Math.Round(y / 1000m, 0, MidpointRounding.AwayFromZero).ToString("#,##0", Ja) : "";

    public static string Number(decimal? value) => value is decimal v ? v.ToString(v == Math.Round(v) ? "#,##0" : "#,##0.0###", Ja) : "－";

    public static string Percent(decimal? value) => value is decimal v ? v.ToString("0.0", Ja) + "%" : "－";

    public static string DateTime(System.DateTime utc) => CityTime.DateTimeText(utc);

    public static string Date(System.DateTime utc) => CityTime.DateText(utc);

    public static System.DateTime ToTokyo(System.DateTime utc) => CityTime.ToTokyo(utc);

    /// A fiscal year a page can be about (平成元年 to 2100); anything else in a URL is answered with 404.
    public static bool IsFiscalYear(int year) => year is >= 1989 and <= 2100;

    /// Fiscal years staff pick from: the plan periods in use, up to three years ahead.
    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> YearOptions(int from, int to)
    {
        for (var y = to; y >= from; y--)
        {
            yield return new(FiscalYear(y), y.ToString(CultureInfo.InvariantCulture));
        }
    }
}
