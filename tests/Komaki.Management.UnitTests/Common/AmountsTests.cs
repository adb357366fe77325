using Komaki.Management.Core.Common;

namespace Komaki.Management.UnitTests.Common;

/// An amount staff type (issue 31: "1e3" was stored as 1,000 千円, "1E-3" as 1 円, "0.0004" rounded to 0 円).
public class AmountsTests
{
    [Theory]
    [InlineData("1e3")]
    [InlineData("1E3")]
    [InlineData("1E-3")]
    [InlineData("1.2E+3")]
    [InlineData("１ｅ３")]
    [InlineData("0.0004")]
    [InlineData("0.0015")]
    [InlineData("1,234.5678")]
    [InlineData("99999999999999999999999999")]
    public void A_typed_amount_with_an_exponent_or_below_one_yen_is_refused(string text) => Assert.False(Amounts.TryParse(text, 1000, out _));

    [Theory]
    [InlineData("1,234", 1_234_000L)]
    [InlineData("0.001", 1L)]
    [InlineData("12.345", 12_345L)]
    [InlineData("▲500", -500_000L)]
    [InlineData("99,999,999,999", 99_999_999_999_000L)]
    public void A_typed_amount_to_the_yen_is_read(string text, long expected)
    {
        Assert.True(Amounts.TryParse(text, 1000, out var yen));
        Assert.Equal(expected, yen);
    }

    /// A sheet's cell is read as Excel shows it (a number cell to 15 digits, so without a float's tail): its exponent is
    /// read, and a fraction finer than the yen is refused as the forms refuse it, never rounded to the nearest yen.
    [Fact]
    public void A_cell_a_program_wrote_is_read_with_its_exponent_but_never_rounded_to_the_yen()
    {
        Assert.True(Amounts.TryParseCell("1.2E+3", 1000, out var yen));
        Assert.Equal(1_200_000, yen);
        Assert.True(Amounts.TryParseCell("1357.023", 1000, out yen));
        Assert.Equal(1_357_023, yen);
        Assert.False(Amounts.TryParseCell("1357.0237", 1000, out _));
        Assert.False(Amounts.TryParseCell("1357.0230000000001", 1000, out _));
        Assert.False(Amounts.TryParseCell("1,000.0004", 1000, out _));
        Assert.True(Amounts.IsFinerThanYen("1,000.0004", 1000));
        Assert.False(Amounts.IsFinerThanYen("1,000.001", 1000));
    }
}
