using Komaki.Management.Core.Excel;
using Komaki.Management.TestSheets;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.UnitTests.Excel;

public class HeaderMapTests
{
    private static HeaderMap Find(byte[] bytes)
    {
        using var package = XlsxPackage.Open(new MemoryStream(bytes));
        return HeaderMap.Find(package.ReadSheet(), ImplementationPlanSheet.Fields);
    }

    private static readonly SheetLayout Layout = new(ImplementationPlanSheet.SheetName, ImplementationPlanSheet.Fields, "code", "事業コード")
    {
        AmountKeys = ImplementationPlanSheet.AmountKeys,
    };

    private static (SheetTable? Table, ImportReport Report) Open(byte[] bytes, ImportChoices? choices = null)
    {
        var report = new ImportReport();
        var table = SheetTable.Open(new MemoryStream(bytes), ExcelLimits.Default, Layout, choices ?? ImportChoices.None, report);
        return (table, report);
    }

    [Fact]
    public void Headers_below_title_rows_are_found_and_the_unit_note_is_read()
    {
        var map = Find(RawXlsx.Build(RawXlsx.Rows(
            ["令和6年度 実施計画", null, null, null],
            [null, null, null, "（単位：円）"],
            ["事業番号", "事業の名称", "年度", "総事業費"],
            ["1-1-01", "防災訓練推進事業", "R6", 1000])));
        Assert.Equal(3, map.LastHeaderRow);
        Assert.Equal(1, map.Column("code"));
        Assert.Equal(2, map.Column("name"));
        Assert.Equal(4, map.Column("cost"));
        var (table, report) = Open(RawXlsx.Build(RawXlsx.Rows(
            ["令和6年度 実施計画", null, null, null],
            [null, null, null, "（単位：円）"],
            ["事業番号", "事業の名称", "年度", "総事業費"],
            ["1-1-01", "防災訓練推進事業", "R6", 1000])));
        Assert.Equal(1, table!.YenPerUnit(4));
        Assert.Equal("円（D2の注記「（単位：円）」から）", Assert.Single(report.AmountUnits));
    }

    [Theory]
    [InlineData("事業名")]
    [InlineData("事務事業名")]
    [InlineData("事業の名称")]
    [InlineData("事 業 名")]
    [InlineData("事業名\n（ふりがな）")]
    public void Several_wordings_of_a_header_are_the_same_field(string header)
    {
        var map = Find(RawXlsx.Build(RawXlsx.Rows(["事業コード", header, "年度", "事業費"])));
        Assert.Equal(2, map.Column("name"));
    }

    [Fact]
    public void A_wide_sheet_with_year_blocks_over_two_header_rows_is_understood()
    {
        var sheet = """
            <sheetData>
              <row r="1"><c r="A1" t="inlineStr"><is><t>事業コード</t></is></c><c r="B1" t="inlineStr"><is><t>令和6年度</t></is></c><c r="D1" t="inlineStr"><is><t>R7（千円）</t></is></c></row>
              <row r="2"><c r="B2" t="inlineStr"><is><t>事業費</t></is></c><c r="C2" t="inlineStr"><is><t>一般財源</t></is></c><c r="D2" t="inlineStr"><is><t>事業費</t></is></c><c r="E2" t="inlineStr"><is><t>一般財源</t></is></c></row>
            </sheetData>
            <mergeCells count="3"><mergeCell ref="A1:A2"/><mergeCell ref="B1:C1"/><mergeCell ref="D1:E1"/></mergeCells>
            """;
        var map = Find(RawXlsx.Build(sheet));
        Assert.Equal(2, map.LastHeaderRow);
        Assert.Equal(1, map.Column("code"));
        Assert.Equal(2, map.Column(2024, "cost"));
        Assert.Equal(5, map.Column(2025, "general"));
        Assert.Equal([2024, 2025], map.Years);
        // 令和6年度's columns state no unit: the import asks rather than assume 千円.
        var (unknown, asking) = Open(RawXlsx.Build(sheet));
        Assert.Null(unknown);
        Assert.True(asking.NeedsAmountUnit);
        var (table, report) = Open(RawXlsx.Build(sheet), new ImportChoices { YenPerUnit = 1 });
        Assert.Equal(1000, table!.YenPerUnit(4));
        Assert.Equal(1, table.YenPerUnit(2));
        Assert.Contains("千円（D・E列の見出しから）", report.AmountUnits);
    }

    [Fact]
    public void Unrecognised_headers_get_a_message_naming_expected_and_found()
    {
        var e = Assert.Throws<ExcelFileException>(() => Find(RawXlsx.Build(RawXlsx.Rows(["番号", "名前", "金額"], ["1", "a", "3"]))));
        Assert.Contains("事業コード", e.Message);
        Assert.Contains("事業費", e.Message);
        Assert.Contains("名前", e.Message);
        Assert.Contains("金額", e.Message);
    }

    [Fact]
    public void An_empty_sheet_is_named_as_empty()
    {
        var e = Assert.Throws<ExcelFileException>(() => Find(RawXlsx.Build("<sheetData/>")));
        Assert.Contains("空です", e.Message);
    }
}
