using Komaki.Management.Core;

namespace Komaki.Management.UnitTests.Identity;

/// The directory's 所属 against the staff register's: written the ways directories write it, the same unit is no
/// difference; another unit is, naming both.
public sealed class UnitDifferenceTests
{
    [Theory]
    [InlineData("道路課")]
    [InlineData("都市建設部道路課")]
    [InlineData("都市建設部 道路課")]
    [InlineData("都市建設部　道路課")]
    [InlineData("都市建設部・道路課")]
    [InlineData("都市建設部")]
    public void The_same_unit_as_a_directory_writes_it_is_no_difference(string directory) =>
        Assert.Null(UnitDifference.Of(directory, "道路課", "都市建設部 道路課"));

    [Fact]
    public void Full_and_half_width_letters_are_one_unit() =>
        Assert.Null(UnitDifference.Of("ＤＸ推進課", "DX推進課", "総務部 DX推進課"));

    [Fact]
    public void Another_unit_is_a_difference_naming_both_and_nothing_to_compare_is_none()
    {
        Assert.Equal(new UnitDifference("総務部 総務課", "都市建設部 道路課"), UnitDifference.Of(" 総務部 総務課 ", "道路課", "都市建設部 道路課"));
        Assert.Null(UnitDifference.Of(null, "道路課", "都市建設部 道路課"));
        Assert.Null(UnitDifference.Of("  ", "道路課", "都市建設部 道路課"));
    }
}
