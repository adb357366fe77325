using ClosedXML.Excel;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.UnitTests.Excel;

/// Cells read as Excel shows them: the number format applied (scaling commas, percent, zero padding, literal text,
/// red negatives without a minus, dates), and a format that shows no single figure is a flaw of the cell.
public class ShownValueTests
{
    private static SheetRow Row(object value, string format)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("S");
        var cell = ws.Cell(1, 1);
        switch (value)
        {
            case double d: cell.SetValue(d); break;
            case DateTime t: cell.SetValue(t); break;
            default: cell.SetValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
        cell.Style.NumberFormat.Format = format;
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        using var package = XlsxPackage.Open(new MemoryStream(ms.ToArray()));
        return package.ReadSheet().Rows.Single();
    }

    [Theory]
    [InlineData(25_600_000_000d, "#,##0,", "25600000", true)]
    [InlineData(25_600_000d, "#,##0,", "25600", true)]
    [InlineData(0.557, "0.0%", "55.7", true)]
    [InlineData(0.5, "0%", "50", true)]
    [InlineData(123d, "00000", "00123", false)]
    [InlineData(25600d, "#,##0", "25600", false)]
    [InlineData(25600d, "#,##0\"千円\"", "25600", false)]
    [InlineData(-1234d, "#,##0;[Red]#,##0", "-1234", false)]
    [InlineData(-1234d, "#,##0;\"△\"#,##0", "-1234", false)]
    [InlineData(-1234d, "#,##0 ;(#,##0)", "-1234", false)]
    [InlineData(1234.6, "#,##0", "1235", true)]
    [InlineData(3.42, "0.00", "3.42", false)]
    [InlineData(0d, "#,##0;-#,##0;\"－\"", "0", false)]
    public void A_number_cell_reads_as_its_format_shows_it(double value, string format, string read, bool differs)
    {
        var row = Row(value, format);
        Assert.Equal(read, row.Get(1));
        Assert.Equal(differs, row.ReadingAt(1)?.Differs ?? false);
        Assert.Empty(row.Flaws);
    }

    [Fact]
    public void A_date_formatted_code_is_read_as_a_date_and_says_what_Excel_shows()
    {
        var row = Row(new DateTime(2026, 1, 1), "m\"月\"d\"日\"");
        Assert.Equal("2026-01-01", row.Get(1));
        var reading = row.ReadingAt(1);
        Assert.NotNull(reading);
        Assert.True(reading.IsDate);
        Assert.Equal("1月1日", reading.Shown);
    }

    [Theory]
    [InlineData(1.5, "# ?/?")]
    [InlineData(5d, ";;;")]
    public void A_format_that_shows_no_single_figure_makes_the_cell_a_flaw(double value, string format)
    {
        var row = Row(value, format);
        Assert.Null(row.Get(1));
        var flaw = Assert.Single(row.Flaws);
        Assert.Contains(format, flaw.Problem);
        Assert.NotNull(flaw.Advice);
    }

    [Fact]
    public void General_and_text_formats_read_as_written()
    {
        Assert.Equal("0.3", Row(0.30000000000000004, "General").Get(1));
        Assert.Null(Row(12d, "General").ReadingAt(1));
        Assert.Equal("12", Row(12d, "@").Get(1));
    }
}
