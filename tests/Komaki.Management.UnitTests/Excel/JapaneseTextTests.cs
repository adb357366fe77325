using System.Text;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.UnitTests.Excel;

/// CSV bytes decoded without a wrong character: UTF-8 with or without BOM, CP932 with its NEC-selected IBM
/// extensions, Shift_JIS-2004; a sequence no candidate decodes becomes a flaw of its cell.
public class JapaneseTextTests
{
    private const string Names = "職員番号,氏名\r\n00123,山﨑 髙德\r\n";

    [Fact]
    public void Utf8_with_and_without_bom_is_read_and_said()
    {
        Assert.Equal(Names, JapaneseText.Decode(Encoding.UTF8.GetBytes(Names), out var plain));
        Assert.Equal("UTF-8", plain);
        var bom = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Names)).ToArray();
        Assert.Equal(Names, JapaneseText.Decode(bom, out var withBom));
        Assert.Equal("UTF-8（BOM 付き）", withBom);
    }

    [Fact]
    public void Cp932_nec_selected_ibm_extensions_are_read_not_replaced()
    {
        // 山﨑 髙德 as Windows writes them: 﨑 ED95, 髙 EEE0, 德 ED9E (the NEC-selected rows .NET's code page 932 lacks).
        var bytes = Concat(Encoding.ASCII.GetBytes("a,"), [0x8E, 0x52, 0xED, 0x95, 0x20, 0xEE, 0xE0, 0xED, 0x9E], Encoding.ASCII.GetBytes("\r\n"));
        Assert.Equal("a,山﨑 髙德\r\n", JapaneseText.Decode(bytes, out var name));
        Assert.Equal("Shift_JIS（CP932）", name);
    }

    [Fact]
    public void Shift_jis_2004_characters_outside_cp932_are_read()
    {
        // 﨑 9892, 德 EAC3, 彅 EAB8 in Shift_JIS-2004: not characters in CP932.
        var bytes = Concat(Encoding.ASCII.GetBytes("a,"), [0x8E, 0x52, 0x98, 0x92, 0xEA, 0xC3, 0xEA, 0xB8], Encoding.ASCII.GetBytes("\r\n"));
        Assert.Equal("a,山﨑德彅\r\n", JapaneseText.Decode(bytes, out var name));
        Assert.Equal("Shift_JIS-2004", name);
    }

    [Fact]
    public void Bytes_no_candidate_decodes_make_their_cell_a_flaw_naming_the_encoding()
    {
        var bytes = Concat(Encoding.UTF8.GetBytes("職員番号,氏名\r\n"), Encoding.ASCII.GetBytes("1,"), [0x85, 0x40, 0x80], Encoding.ASCII.GetBytes("\r\n2,ok\r\n"));
        var grid = CsvGrid.Read(new MemoryStream(bytes), ExcelLimits.Default, "x.csv", out _);
        var flaw = Assert.Single(grid.RowAt(2)!.Flaws);
        Assert.Equal(2, flaw.Column);
        Assert.Contains("読めないバイト列", flaw.Problem);
        Assert.Empty(grid.RowAt(3)!.Flaws);
    }

    [Fact]
    public void Excel_keep_the_zeros_form_reads_as_the_digits()
    {
        var grid = CsvGrid.Read(new MemoryStream(Encoding.UTF8.GetBytes("職員番号,氏名\r\n=\"00123\",a\r\n\"=\"\"00042\"\"\",b\r\n")), ExcelLimits.Default, "x.csv", out _);
        Assert.Equal("00123", grid.ShownText(2, 1));
        Assert.Equal("00042", grid.ShownText(3, 1));
    }

    [Fact]
    public void Private_use_characters_are_told_apart()
    {
        Assert.True(JapaneseText.IsPrivateUse('\uE001'));
        Assert.False(JapaneseText.IsPrivateUse('髙'));
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
