namespace Komaki.Management.Core.Common;

/// 和暦 (Japanese era) conversion for display and for reading what staff type.
/// Fiscal years are stored as the Western start year; eras exist only at the edges.
public static partial class Wareki
{
    private sealed record Era(string Name, char Letter, DateOnly Start);

    // Newest first. The first day of an era is the day after the last of the previous one.
    private static readonly Era[] Eras =
    [
        new("令和", 'R', new DateOnly(2019, 5, 1)),
        new("平成", 'H', new DateOnly(1989, 1, 8)),
        new("昭和", 'S', new DateOnly(1926, 12, 25)),
    ];

    /// 令和6年度 for 2024. A fiscal year takes the era in force on its last day's side of
    /// the change: FY2019 (2019-04-01..2020-03-31) is 令和元年度, as the city's documents write it.
    public static string FiscalYear(int fiscalYear)
    {
        // Total: a year before 昭和 (bad data, never refused at a page) is shown in Western years, never thrown on.
        if (fiscalYear < Eras[^1].Start.Year) return $"{fiscalYear}年度";
        var era = EraOfYear(fiscalYear);
        return $"{era.Name}{YearNumber(fiscalYear - era.Start.Year + 1)}年度";
    }

    /// 令和6年度 (2024): what staff expect on screens that also show Western years.
    public static string FiscalYearWithWestern(int fiscalYear) => $"{FiscalYear(fiscalYear)} ({fiscalYear})";

    /// R6 for 2024: the short form used in table headers.
    public static string FiscalYearShort(int fiscalYear)
    {
        if (fiscalYear < Eras[^1].Start.Year) return fiscalYear.ToString(CultureInfo.InvariantCulture);
        var era = EraOfYear(fiscalYear);
        return $"{era.Letter}{fiscalYear - era.Start.Year + 1}";
    }

    public static string Date(DateOnly date)
    {
        var era = Eras.FirstOrDefault(e => date >= e.Start);
        if (era is null) return $"{date.Year}年{date.Month}月{date.Day}日";
        return $"{era.Name}{YearNumber(date.Year - era.Start.Year + 1)}年{date.Month}月{date.Day}日";
    }

    public static int FiscalYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// Reads R6, 令和6年度, 令和元年度, H30, 平成31年度, 2024年度, 2024 (full-width too).
    public static bool TryParseFiscalYear(string? text, out int fiscalYear)
    {
        fiscalYear = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Normalize(NormalizationForm.FormKC).Trim().Replace(" ", "");
        var western = WesternYear().Match(s);
        if (western.Success)
        {
            fiscalYear = int.Parse(western.Groups[1].Value, CultureInfo.InvariantCulture);
            return fiscalYear is >= 1900 and <= 2200;
        }
        var m = EraYear().Match(s);
        if (!m.Success) return false;
        var eraText = m.Groups[1].Value;
        var era = Eras.FirstOrDefault(e => e.Name == eraText || char.ToUpperInvariant(eraText[0]) == e.Letter && eraText.Length == 1);
        if (era is null) return false;
        var n = m.Groups[2].Value == "元" ? 1 : int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (n < 1) return false;
        fiscalYear = era.Start.Year + n - 1;
        return true;
    }

    private static Era EraOfYear(int fiscalYear) =>
        Eras.FirstOrDefault(e => fiscalYear >= e.Start.Year) ?? Eras[^1];

    private static string YearNumber(int n) => n == 1 ? "元" : n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})(年度?)?$")]
    private static partial Regex WesternYear();

    [GeneratedRegex(@"^(令和|平成|昭和|[RrHhSs])(元|\d{1,2})(年度?)?$")]
    private static partial Regex EraYear();
}
