using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.Goals;

/// 組織目標一覧: all goals of a year in one sheet, for the top hearing.
public static class GoalSheet
{
    public sealed record Row(
        string Department, string Unit, OrganizationalGoal Goal, string Links);

    public static void Write(Stream output, int fiscalYear, IEnumerable<Row> rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("組織目標一覧");
        SheetCells.Title(ws, $"{Wareki.FiscalYear(fiscalYear)} 組織目標一覧");
        string[] headers = ["部", "課", "目標", "設定理由", "関連する施策・事業・マニフェスト", "指標（目標値／実績値）", "取組（スケジュール）", "状態", "中間確認", "自己評価", "評価の根拠"];
        SheetCells.Texts(ws, 3, 1, headers);
        SheetCells.HeaderStyle(ws.Range(3, 1, 3, headers.Length));
        var r = 4;
        foreach (var row in rows)
        {
            var g = row.Goal;
            SheetCells.Texts(ws, r, 1,
                row.Department, row.Unit, g.Title, g.Reason, row.Links,
                string.Join("\n", g.Indicators.OrderBy(i => i.SortOrder).Select(i =>
                    $"{i.Name}：{NumberText.WithUnit(i.Target, i.Unit, Number)}" + (i.Actual is decimal a ? $"／実績 {Number(a)}{i.Unit}" : ""))),
                string.Join("\n", g.Steps.OrderBy(s => s.SortOrder).Select(s => $"{s.Action}（{s.Schedule}）")),
                g.State.Label(), g.MidYearReview, g.Grade?.ToString(), g.GradeEvidence);
            r++;
        }
        if (r > 4)
        {
            var body = ws.Range(4, 1, r - 1, headers.Length);
            body.Style.Alignment.WrapText = true;
            body.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            body.Style.Border.InsideBorder = XLBorderStyleValues.Hair;
            body.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        }
        SheetCells.Widths(ws, [14, 16, 36, 40, 30, 30, 36, 14, 30, 8, 36]);
        SheetCells.PrintWide(ws, 3, 3);
        wb.SaveAs(output);
    }

    private static string Number(decimal d) => d.ToString("#,##0.##", CultureInfo.InvariantCulture);
}
