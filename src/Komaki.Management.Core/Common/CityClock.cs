namespace Komaki.Management.Core.Common;

/// Today as the city reads it (Tokyo time, fiscal years from April), from the injected TimeProvider so tests and
/// rehearsals can set the date.
public sealed class CityClock(TimeProvider time)
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTime Now => CityTime.ToTokyo(UtcNow);

    public DateOnly Today => DateOnly.FromDateTime(Now);

    public int FiscalYear => Wareki.FiscalYearOf(Today);
}
