using Komaki.Management.Core.Common;

namespace Komaki.Management.UnitTests.Common;

public class WarekiTests
{
    [Theory]
    [InlineData(2024, "令和6年度")]
    [InlineData(2019, "令和元年度")]
    [InlineData(2020, "令和2年度")]
    [InlineData(2018, "平成30年度")]
    [InlineData(1989, "平成元年度")]
    [InlineData(1988, "昭和63年度")]
    public void Fiscal_years_are_shown_in_the_era_the_city_uses(int year, string expected) =>
        Assert.Equal(expected, Wareki.FiscalYear(year));

    [Fact]
    public void Screens_show_the_western_year_beside_the_era() =>
        Assert.Equal("令和6年度 (2024)", Wareki.FiscalYearWithWestern(2024));

    [Theory]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(1989, 1, 7, "昭和64年1月7日")]
    [InlineData(1989, 1, 8, "平成元年1月8日")]
    [InlineData(2025, 3, 31, "令和7年3月31日")]
    public void Dates_change_era_on_the_exact_day(int y, int m, int d, string expected) =>
        Assert.Equal(expected, Wareki.Date(new DateOnly(y, m, d)));

    [Theory]
    [InlineData(2019, 4, 30, 2019)]
    [InlineData(2019, 3, 31, 2018)]
    [InlineData(2020, 1, 15, 2019)]
    public void A_date_belongs_to_the_fiscal_year_that_started_in_April(int y, int m, int d, int fiscalYear) =>
        Assert.Equal(fiscalYear, Wareki.FiscalYearOf(new DateOnly(y, m, d)));

    [Theory]
    [InlineData("R6", 2024)]
    [InlineData("令和6年度", 2024)]
    [InlineData("令和元年度", 2019)]
    [InlineData("R1", 2019)]
    [InlineData("H31", 2019)]
    [InlineData("平成31年度", 2019)]
    [InlineData("H30", 2018)]
    [InlineData("2024年度", 2024)]
    [InlineData("2024", 2024)]
    [InlineData("２０２４年度", 2024)]
    [InlineData("Ｒ６", 2024)]
    public void Years_are_read_as_staff_write_them(string text, int expected)
    {
        Assert.True(Wareki.TryParseFiscalYear(text, out var year));
        Assert.Equal(expected, year);
    }

    [Theory]
    [InlineData("")]
    [InlineData("R年度")]
    [InlineData("令和")]
    [InlineData("X6")]
    [InlineData("R0")]
    public void Unreadable_years_are_refused(string text) => Assert.False(Wareki.TryParseFiscalYear(text, out _));

    [Fact]
    public void Conversion_is_total_for_dates_and_years_before_showa()
    {
        Assert.Equal("1900年1月1日", Wareki.Date(new DateOnly(1900, 1, 1)));
        Assert.Equal("1926年12月24日", Wareki.Date(new DateOnly(1926, 12, 24)));
        Assert.Equal("昭和元年12月25日", Wareki.Date(new DateOnly(1926, 12, 25)));
        Assert.Equal("1900年度", Wareki.FiscalYear(1900));
        Assert.Equal("0", Wareki.FiscalYearShort(0));
        Assert.Equal("1", Wareki.Date(DateOnly.MinValue)[..1]);
    }
}
