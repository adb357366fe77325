using System.IO.Compression;
using ClosedXML.Excel;
using Komaki.Management.Core.Excel;
using Komaki.Management.TestSheets;

namespace Komaki.Management.UnitTests.Excel;

public class XlsxPackageTests
{
    private static SheetGrid Read(byte[] bytes, ExcelLimits? limits = null)
    {
        using var package = XlsxPackage.Open(new MemoryStream(bytes), limits);
        return package.ReadSheet();
    }

    private static string Refusal(byte[] bytes, ExcelLimits? limits = null) =>
        Assert.Throws<ExcelFileException>(() => Read(bytes, limits)).Message;

    [Fact]
    public void Furigana_runs_are_not_part_of_the_header_text()
    {
        var bytes = RawXlsx.Build(
            """<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>""",
            """<si><t>事業名</t><rPh sb="0" eb="2"><t>ジギョウ</t></rPh><rPh sb="2" eb="3"><t>メイ</t></rPh><phoneticPr fontId="1"/></si>""");
        Assert.Equal("事業名", Read(bytes).ShownText(1, 1));
    }

    [Fact]
    public void Rich_text_runs_are_joined()
    {
        var bytes = RawXlsx.Build(
            """<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>""",
            """<si><r><rPr><b/></rPr><t>事業</t></r><r><t>費</t></r></si>""");
        Assert.Equal("事業費", Read(bytes).ShownText(1, 1));
    }

    [Fact]
    public void A_formula_is_read_as_its_cached_value_and_never_evaluated()
    {
        var bytes = RawXlsx.Build("""<sheetData><row r="1"><c r="A1"><v>100</v></c><c r="B1"><v>200</v></c><c r="C1"><f>SUM(A1:B1)</f><v>300</v></c><c r="D1" t="str"><f>"R"&amp;"6"</f><v>R6</v></c></row></sheetData>""");
        var grid = Read(bytes);
        Assert.Equal("300", grid.ShownText(1, 3));
        Assert.Equal("R6", grid.ShownText(1, 4));
    }

    [Fact]
    public void A_date_formatted_serial_is_read_as_a_date()
    {
        // Displays as R6.4.1 in Excel (a 和暦 custom format) but holds the serial 45383.
        var styles = """<numFmts count="1"><numFmt numFmtId="176" formatCode="[$-ja-JP-x-gannen]ggge&quot;.&quot;m&quot;.&quot;d"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs>""";
        var bytes = RawXlsx.Build("""<sheetData><row r="1"><c r="A1" s="1"><v>45383</v></c><c r="B1" s="0"><v>45383</v></c></row></sheetData>""", stylesXml: styles);
        var grid = Read(bytes);
        Assert.Equal("2024-04-01", grid.ShownText(1, 1));
        Assert.Equal("45383", grid.ShownText(1, 2));
    }

    [Fact]
    public void Merged_cells_show_their_top_left_value_and_prefixed_namespaces_are_read()
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("実施計画");
        ws.Cell(1, 2).SetValue("財源内訳");
        ws.Range(1, 2, 1, 4).Merge();
        ws.Cell(2, 3).SetValue("県支出金");
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        var grid = Read(ms.ToArray());
        Assert.Equal("財源内訳", grid.ShownText(1, 4));
        Assert.Equal("県支出金", grid.ShownText(2, 3));
        Assert.Null(grid.ShownText(2, 4));
    }

    [Fact]
    public void An_empty_file_is_refused() => Assert.Contains("空", Refusal([]));

    [Fact]
    public void A_csv_renamed_to_xlsx_is_refused_with_what_to_do()
    {
        var message = Refusal("事業コード,事業費\n1-1-01,100\n"u8.ToArray());
        Assert.Contains("Excel ブック（.xlsx）ではありません", message);
        Assert.Contains("保存してから", message);
    }

    [Fact]
    public void An_old_xls_or_a_password_protected_workbook_is_refused()
    {
        // Both are OLE2 compound files: an encrypted .xlsx is wrapped in one too.
        var ole = new byte[512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        var message = Refusal(ole);
        Assert.Contains("古い形式（.xls）か、パスワードで保護された", message);
    }

    [Fact]
    public void A_corrupt_zip_is_refused()
    {
        var bytes = RawXlsx.Build(RawXlsx.Rows(["a"]));
        var truncated = bytes[..(bytes.Length / 2)];
        Assert.Contains("壊れている", Refusal(truncated));
    }

    [Fact]
    public void A_zip_without_a_workbook_is_refused()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            w.Write("not a workbook");
        }
        Assert.Contains("ブックの本体がありません", Refusal(ms.ToArray()));
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_inflated()
    {
        // 300 MB of zeros in one part compresses to a few hundred KB.
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open())) w.Write("<workbook/>");
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++) s.Write(zeros);
        }
        Assert.True(ms.Length < 2 * 1024 * 1024);
        Assert.Contains("ZIP 爆弾", Refusal(ms.ToArray()));
    }

    [Fact]
    public void A_part_that_lies_about_its_size_is_cut_off_while_reading()
    {
        var limits = ExcelLimits.Default with { MaxUncompressedBytes = 64 * 1024, MaxCompressionRatio = int.MaxValue };
        var rows = Enumerable.Range(1, 5000).Select(i => new object?[] { $"1-1-{i:0000}", i }).ToArray();
        var bytes = RawXlsx.Build(RawXlsx.Rows(rows));
        Assert.Contains("ZIP 爆弾", Refusal(bytes, limits));
    }

    [Fact]
    public void A_sheet_of_a_million_rows_is_refused_from_its_dimension()
    {
        var bytes = RawXlsx.Build("""<dimension ref="A1:L1000000"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>事業コード</t></is></c></row></sheetData>""");
        Assert.Contains("上限（100,000 行）", Refusal(bytes));
    }

    [Fact]
    public void Rows_are_counted_as_they_are_read_not_by_the_number_they_claim()
    {
        // 100,001 rows all numbered 5 once passed a limit that looked at row numbers.
        var rows = string.Concat(Enumerable.Repeat("""<row r="5"><c r="A5"><v>1</v></c></row>""", 100_001));
        Assert.Contains("上限（100,000 行）", Refusal(RawXlsx.Build($"<sheetData>{rows}</sheetData>")));
        // A sheet of two rows, the second far down, is two rows.
        var grid = Read(RawXlsx.Build("""<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>事業コード</t></is></c></row><row r="1000000"><c r="A1000000"><v>1</v></c></row></sheetData>"""));
        Assert.Equal([1, 1_000_000], grid.Rows.Select(r => r.Number));
    }
}
