namespace Komaki.Management.Core.Common;

/// The city's wall clock zone (JST): stored times are UTC and read in Tokyo time with 和暦 dates.
public static class CityTime
{
    public static readonly TimeZoneInfo Tokyo = FindTokyo();

    public static DateTime ToTokyo(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Tokyo);

    public static string DateTimeText(DateTime utc)
    {
        var local = ToTokyo(utc);
        return $"{Wareki.Date(DateOnly.FromDateTime(local))} {local:HH:mm}";
    }

    public static string DateText(DateTime utc) => Wareki.Date(DateOnly.FromDateTime(ToTokyo(utc)));

    private static TimeZoneInfo FindTokyo()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "JST", "JST");
        }
    }
}
