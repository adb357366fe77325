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
}
