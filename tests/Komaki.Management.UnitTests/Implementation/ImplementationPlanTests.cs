using System.IO.Compression;
using ClosedXML.Excel;
using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Implementation;

namespace Komaki.Management.UnitTests.Implementation;

public class ImplementationPlanTests
{
    [Theory]
    [InlineData("新規", ImplementationStatus.New)]
    [InlineData("１　新規", ImplementationStatus.New)]
    [InlineData("○継続", ImplementationStatus.Continuing)]
    [InlineData(" 拡充 ", ImplementationStatus.Expanded)]
    [InlineData("Reduced", ImplementationStatus.Reduced)]
    [InlineData("終了", ImplementationStatus.Ended)]
    public void Status_labels_are_read_as_staff_write_them(string text, ImplementationStatus expected)
    {
        Assert.True(ImplementationStatusLabels.TryParse(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("見直し")]
    public void Unknown_status_labels_are_not_guessed(string text) =>
        Assert.False(ImplementationStatusLabels.TryParse(text, out _));

    [Theory]
    [InlineData("1,234", 1000, 1_234_000L)]
    [InlineData("１，２３４", 1000, 1_234_000L)]
    [InlineData("▲500", 1000, -500_000L)]
    [InlineData("△500", 1000, -500_000L)]
    [InlineData("1234567", 1, 1_234_567L)]
    [InlineData("1.5", 1_000_000, 1_500_000L)]
    [InlineData("1.2E+3", 1000, 1_200_000L)]
    public void Amounts_are_read_in_the_unit_of_the_sheet(string text, long yenPerUnit, long expected)
    {
        Assert.True(Amounts.TryParseCell(text, yenPerUnit, out var yen));
        Assert.Equal(expected, yen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("－")]
    [InlineData("-")]
    [InlineData("―")]
    public void Blank_and_dashes_are_no_value(string text)
    {
        Assert.True(Amounts.TryParse(text, 1000, out var yen));
        Assert.Null(yen);
    }

    private static ImplementationPlanLine Line(int project, int year, long cost, ImplementationStatus status = ImplementationStatus.Continuing) =>
        new() { ProjectId = project, FiscalYear = year, Status = status, Content = "内容", Cost = cost, Funding = Funding.None with { General = cost } };

    [Fact]
    public void A_new_edition_starts_as_the_last_one_rolled_forward_a_year()
    {
        var previous = new ImplementationPlan { Id = 7, FiscalYear = 2025, Lines = [
            Line(1, 2025, 100), Line(1, 2026, 110), Line(1, 2027, 120, ImplementationStatus.New),
            Line(2, 2026, 50), Line(2, 2027, 50, ImplementationStatus.Ended),
        ] };
        var next = EditionCopy.StartFrom(previous, 2026, DateTime.UtcNow);

        Assert.Equal(7, next.CopiedFromId);
        Assert.Equal("令和8年度 実施計画（令和8年度〜令和10年度）", next.Title);
        Assert.DoesNotContain(next.Lines, l => l.FiscalYear == 2025);
        Assert.Equal(110, next.Lines.Single(l => l is { ProjectId: 1, FiscalYear: 2026 }).Cost);
        var rolled = next.Lines.Single(l => l is { ProjectId: 1, FiscalYear: 2028 });
        Assert.Equal(120, rolled.Cost);
        Assert.Equal(ImplementationStatus.Continuing, rolled.Status);
        // A project that ends in the last year is not carried into the year after.
        Assert.DoesNotContain(next.Lines, l => l is { ProjectId: 2, FiscalYear: 2028 });
        Assert.All(next.Lines, l => Assert.True(l.IsBalanced));
    }

    [Fact]
    public void Two_editions_are_compared_line_by_line_over_the_years_both_cover()
    {
        var older = new ImplementationPlan { FiscalYear = 2025, Lines = [Line(1, 2025, 100), Line(1, 2026, 110), Line(2, 2026, 50), Line(3, 2027, 70)] };
        var newer = new ImplementationPlan { FiscalYear = 2026, Lines = [Line(1, 2026, 130), Line(3, 2027, 70), Line(4, 2027, 10), Line(1, 2028, 140)] };
        var rows = EditionComparison.Compare(older, newer).ToDictionary(r => (r.ProjectId, r.FiscalYear));

        Assert.Equal(4, rows.Count);
        Assert.Equal(LineChange.Changed, rows[(1, 2026)].Change);
        Assert.Equal(20, rows[(1, 2026)].CostDifference);
        Assert.Equal(LineChange.Removed, rows[(2, 2026)].Change);
        Assert.Equal(LineChange.Unchanged, rows[(3, 2027)].Change);
        Assert.Equal(LineChange.Added, rows[(4, 2027)].Change);
    }

    [Fact]
    public void Roll_ups_add_up_to_the_grand_total_and_blank_stays_blank()
    {
        var rows = new[]
        {
            ("A", new BudgetFigures(100, 110, 100, 100, null, 90)),
            ("A", new BudgetFigures(50, 50, 45, 45, 5, 48)),
            ("B", new BudgetFigures(30, null, null, null, null, null)),
        };
        var (groups, total) = BudgetRollUp.By(rows, r => (r.Item1, r.Item1), r => r.Item2);
        Assert.Equal(180, total.PlanCost);
        Assert.Equal(groups.Sum(g => g.Figures.PlanCost), total.PlanCost);
        Assert.Equal(150, groups[0].Figures.Current);
        Assert.Equal(92.0m, groups[0].Figures.ExecutionRate);
        Assert.Null(groups[1].Figures.Settled);
        Assert.Equal(138, total.Settled);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"click\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    public void Text_that_looks_like_a_formula_is_written_as_quoted_text(string text)
    {
        using var wb = new XLWorkbook();
        SheetCells.Text(wb.AddWorksheet("s").Cell(1, 1), text);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);

        using var zip = new ZipArchive(new MemoryStream(ms.ToArray()));
        var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEnd();
        Assert.DoesNotContain("<x:f>", sheet);
        Assert.DoesNotContain("<f>", sheet);
        Assert.Contains("t=\"s\"", sheet);
        Assert.Contains("quotePrefix=\"1\"", styles);

        using var package = XlsxPackage.Open(new MemoryStream(ms.ToArray()));
        Assert.Equal(text, package.ReadSheet().ShownText(1, 1));
    }

    [Fact]
    public void Sources_that_do_not_add_up_to_the_cost_are_refused_with_the_difference_in_thousands_of_yen()
    {
        Assert.Null(ImplementationPlanLine.FundingMismatch(1_000_000, 1_000_000));
        Assert.Equal("財源内訳の合計 900千円 が事業費 1,000千円 と一致しません（差 ▲100千円）。", ImplementationPlanLine.FundingMismatch(1_000_000, 900_000));
    }

    [Fact]
    public void The_plan_form_refuses_a_year_whose_sources_miss_the_cost_beside_the_general_fund_field()
    {
        var result = new CommandResult();
        var parsed = ProjectPlanFormRules.Parse(new YearEntry { Year = 2026, Status = "Continuing", Cost = "1,000", General = "900" }, "Years[0].", result);
        Assert.Null(parsed);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Years[0].General", error.Field);
        Assert.Contains("差 ▲100千円", error.Message);
    }
}

