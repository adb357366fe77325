using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Importing;

/// Dates as sheets and personnel systems write them, read the same in every date cell of every import:
/// 令和8年4月1日, 令和元年5月1日, R8.4.1, R8/4/1, H31.4.1, 2026/4/1, 2026-04-01, 2026.4.1, 2026年4月1日, 20260401, full-width
/// digits, a time after the date (2026/4/1 0:00:00), and Excel date cells (read as yyyy-MM-dd, or a serial number when the
/// cell has no date format). Nothing else: a day that does not exist (令和8年2月30日) is not a date.
public static partial class ImportDates
{
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Normalize(NormalizationForm.FormKC).Trim();
        s = Time().Replace(s, "");
        var era = EraDate().Match(s);
        if (era.Success)
        {
            if (!Wareki.TryParseFiscalYear(era.Groups["era"].Value + era.Groups["y"].Value, out var startOfEraYear)) return false;
            return Make(startOfEraYear, era.Groups["m"].Value, era.Groups["d"].Value, out date);
        }
        var western = WesternDate().Match(s);
        if (western.Success) return Make(int.Parse(western.Groups["y"].Value, CultureInfo.InvariantCulture), western.Groups["m"].Value, western.Groups["d"].Value, out date);
        var compact = CompactDate().Match(s);
        if (compact.Success) return Make(int.Parse(compact.Groups["y"].Value, CultureInfo.InvariantCulture), compact.Groups["m"].Value, compact.Groups["d"].Value, out date);
        // A date cell without a date format arrives as its serial number.
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000 && serial == Math.Floor(serial))
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        return false;
    }

    /// A fiscal year written as a year (令和8年度, R8, 2026) or as a date in it (R8.4.1, a date cell).
    public static bool TryFiscalYear(string? text, out int fiscalYear)
    {
        if (Wareki.TryParseFiscalYear(text, out fiscalYear)) return true;
        if (!TryParse(text, out var date)) return false;
        fiscalYear = Wareki.FiscalYearOf(date);
        return true;
    }

    private static bool Make(int year, string month, string day, out DateOnly date)
    {
        date = default;
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year, m)) return false;
        date = new DateOnly(year, m, d);
        return true;
    }

    [GeneratedRegex(@"\s+\d{1,2}:\d{2}(:\d{2})?$")]
    private static partial Regex Time();

    [GeneratedRegex(@"^(?<era>令和|平成|昭和|[RrHhSs])\s*(?<y>元|\d{1,2})\s*(?:年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日|[./\-](?<m>\d{1,2})[./\-](?<d>\d{1,2}))$")]
    private static partial Regex EraDate();

    [GeneratedRegex(@"^(?<y>\d{4})\s*(?:年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日|[./\-](?<m>\d{1,2})[./\-](?<d>\d{1,2}))$")]
    private static partial Regex WesternDate();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$")]
    private static partial Regex CompactDate();
}
