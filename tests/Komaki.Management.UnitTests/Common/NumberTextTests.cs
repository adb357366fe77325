using Komaki.Management.Core.Common;

namespace Komaki.Management.UnitTests.Common;

public class NumberTextTests
{
    [Theory]
    [InlineData("1,234", 1234)]
    [InlineData("１，２３４", 1234)]
    [InlineData("▲500", -500)]
    [InlineData("△12.5", -12.5)]
    [InlineData(" 42 ", 42)]
    [InlineData("-3", -3)]
    public void Numbers_are_read_as_staff_type_them(string text, double expected)
    {
        Assert.True(NumberText.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("－")]
    [InlineData("―")]
    public void Blank_and_dashes_mean_no_value(string text)
    {
        Assert.True(NumberText.TryParse(text, out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12円")]
    [InlineData("1.2.3")]
    public void Text_that_is_not_a_number_is_refused(string text) => Assert.False(NumberText.TryParse(text, out _));

    /// A form takes a number exactly as a page shows it: no exponent, no sign after ▲, no more decimals than shown.
    [Theory]
    [InlineData("1e1")]
    [InlineData("1E1")]
    [InlineData("１ｅ１")]
    [InlineData("▲-5")]
    [InlineData("△+5")]
    [InlineData("▲－5")]
    [InlineData("1.12345")]
    [InlineData("1.123456789")]
    public void A_form_refuses_what_no_page_shows(string text) => Assert.False(NumberText.TryParse(text, out _));

    [Theory]
    [InlineData("1.5", 0)]
    [InlineData("1.125", 2)]
    [InlineData("0.0001", 3)]
    public void A_field_that_keeps_fewer_decimals_refuses_more(string text, int decimals) => Assert.False(NumberText.TryParse(text, decimals, out _));

    /// Every value a page shows posts back to itself.
    [Theory]
    [InlineData("1.1235")]
    [InlineData("-0.5")]
    [InlineData("12")]
    [InlineData("1234567.0001")]
    public void What_a_page_shows_reads_back_to_the_same_value(string shown)
    {
        Assert.True(NumberText.TryParse(shown, out var value));
        Assert.Equal(shown, NumberText.Format(value));
    }

    /// A sheet another program wrote may hold an exponent; a sign after ▲ is refused there too.
    [Fact]
    public void A_sheet_cell_may_hold_an_exponent()
    {
        Assert.True(NumberText.TryParseCell("1E0", out var one));
        Assert.Equal(1m, one);
        Assert.False(NumberText.TryParseCell("▲-5", out _));
    }
}
