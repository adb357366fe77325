using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.Execution;

/// The 主要事業実行計画 sheet: one row per major project, the year's goal and content, the schedule
/// by month (4月〜3月, ◆ marks a milestone), the indicators for reference, and the progress reports.
public static class ExecutionPlanSheet
{
    public const string SheetName = "主要事業実行計画";

    public static readonly FieldSpec Code = new("code", "事業コード", ["事業番号", "事務事業コード", "事務事業番号", "コード", "事業ID", "事務事業ID"], Required: true);
    public static readonly FieldSpec Name = new("name", "事務事業名", ["事業名", "主要事業名", "事業の名称"]);
    public static readonly FieldSpec Unit = new("unit", "担当課", ["所管課", "担当部署", "所属", "課名", "担当部課", "担当課名"]);
    public static readonly FieldSpec Year = new("year", "年度", ["計画年度", "対象年度"]);
    public static readonly FieldSpec Goal = new("goal", "今年度の目標", ["年度目標", "今年度目標", "目標", "達成目標", "本年度の目標"], Required: true);
    public static readonly FieldSpec Content = new("content", "事業内容", ["取組内容", "実施内容", "主な取組", "事業の内容"]);
    public static readonly FieldSpec Indicators = new("indicators", "指標（目標値）", ["指標", "成果指標", "活動指標"], Reference: true);
    public static readonly FieldSpec MidYearStatus = new("midStatus", "中間進捗区分", ["中間評価", "上半期進捗区分"]);
    public static readonly FieldSpec MidYearProgress = new("midProgress", "中間進捗", ["中間報告", "上半期の進捗", "上半期進捗状況"]);
    public static readonly FieldSpec YearEndStatus = new("endStatus", "年度末進捗区分", ["年度末評価"]);
    public static readonly FieldSpec YearEndProgress = new("endProgress", "年度末進捗", ["年度末報告", "年度末の実績", "年度末実績"]);

    public static FieldSpec Month(int month) => MonthFields[month];

    /// The progress the unit's staff report (ExecutionPlanRule.ReportProgress); the other fields are the plan.
    public static readonly IReadOnlyList<FieldSpec> Progress = [MidYearStatus, MidYearProgress, YearEndStatus, YearEndProgress];

    private static readonly Dictionary<int, FieldSpec> MonthFields =
        ExecutionPlan.Months.ToDictionary(m => m, m => new FieldSpec($"m{m}", $"{m}月", [$"{m}月分", $"{m}"]));

    public static readonly IReadOnlyList<FieldSpec> Fields =
        [Code, Name, Unit, Year, Goal, Content, .. ExecutionPlan.Months.Select(Month), Indicators, MidYearStatus, MidYearProgress, YearEndStatus, YearEndProgress];

    public sealed record Row(
        string Code, string ProjectName, string? UnitName, string? Goal, string? Content, IReadOnlyDictionary<int, string> Schedule,
        string? Indicators, ProgressStatus? MidYearStatus, string? MidYearProgress, ProgressStatus? YearEndStatus, string? YearEndProgress);

    private const int FirstDataRow = 5;
    private const int FirstMonthColumn = 6;

    public static void Write(Stream output, int fiscalYear, IEnumerable<Row> rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(SheetName);
        SheetCells.Title(ws, $"{Wareki.FiscalYear(fiscalYear)} 主要事業実行計画");
        SheetCells.Text(ws.Cell(2, 1), "◆ で始まる予定はマイルストーンです。「指標（目標値）」は参照用で、取り込みでは読みません。");

        var before = new[] { Code, Name, Unit, Goal, Content };
        var after = new[] { Indicators, MidYearStatus, MidYearProgress, YearEndStatus, YearEndProgress };
        for (var c = 0; c < before.Length; c++) SheetCells.HeaderOverTwoRows(ws, 3, c + 1, before[c].Header);
        SheetCells.HeaderGroup(ws, 3, FirstMonthColumn, "スケジュール", ExecutionPlan.Months.Select(m => Month(m).Header).ToList());
        var afterStart = FirstMonthColumn + 12;
        for (var c = 0; c < after.Length; c++) SheetCells.HeaderOverTwoRows(ws, 3, afterStart + c, after[c].Header);
        var lastColumn = afterStart + after.Length - 1;
        SheetCells.HeaderStyle(ws.Range(3, 1, 4, lastColumn));

        var r = FirstDataRow;
        foreach (var row in rows)
        {
            SheetCells.Texts(ws, r, 1, row.Code, row.ProjectName, row.UnitName, row.Goal, row.Content);
            SheetCells.Texts(ws, r, FirstMonthColumn, [.. ExecutionPlan.Months.Select(m => row.Schedule.GetValueOrDefault(m))]);
            SheetCells.Texts(ws, r, afterStart, row.Indicators, row.MidYearStatus?.Label(), row.MidYearProgress, row.YearEndStatus?.Label(), row.YearEndProgress);
            r++;
        }
        var last = Math.Max(r - 1, FirstDataRow);
        ws.Range(FirstDataRow, 1, last, lastColumn).Style.Alignment.WrapText = true;
        ws.Range(FirstDataRow, 1, last, lastColumn).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        ws.Range(FirstDataRow, afterStart, last, afterStart).Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
        var statuses = ProgressStatusLabels.All.Select(s => s.Label()).ToList();
        SheetCells.DropDown(ws.Range(FirstDataRow, afterStart + 1, last + 100, afterStart + 1), statuses);
        SheetCells.DropDown(ws.Range(FirstDataRow, afterStart + 3, last + 100, afterStart + 3), statuses);

        SheetCells.Widths(ws, [12, 26, 14, 36, 40]);
        for (var i = 0; i < 12; i++) ws.Column(FirstMonthColumn + i).Width = 9;
        SheetCells.Widths(ws, [28, 10, 36, 10, 36], afterStart);
        SheetCells.PrintWide(ws, 3, 4, frozenColumns: 2);
        wb.SaveAs(output);
    }
}
