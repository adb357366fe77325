using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Staffing;

/// 定員管理の表 as Excel: 部門別職員数 in the layout of 「給与・定員管理等について」, and every line of the year.
public static class StaffingSheet
{
    public static void Write(Stream output, int year, IReadOnlyList<StaffingTableRow> table, IReadOnlyList<StaffingLine> lines, OrgTree org, string? confirmed = null)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("部門別職員数");
        SheetCells.Text(ws.Cell(1, 1), $"部門別職員数の状況（各年4月1日現在・正規職員） {Wareki.FiscalYear(year)}");
        ws.Cell(1, 1).Style.Font.Bold = true;
        string[] headers = ["部門", $"{Wareki.FiscalYearShort(year - 1)}", $"{Wareki.FiscalYearShort(year)}", "対前年増減数", "主な増減理由"];
        SheetCells.Texts(ws, 3, 1, headers);
        SheetCells.HeaderStyle(ws.Range(3, 1, 3, headers.Length));
        var r = 4;
        if (confirmed is not null) SheetCells.Text(ws.Cell(2, 1), confirmed);
        foreach (var (_, dept, previous, current, reasons) in table)
        {
            SheetCells.Text(ws.Cell(r, 1), dept);
            ws.Cell(r, 2).Value = previous;
            ws.Cell(r, 3).Value = current;
            ws.Cell(r, 4).Value = current - previous;
            SheetCells.Text(ws.Cell(r, 5), string.Join("、", reasons));
            r++;
        }
        SheetCells.Text(ws.Cell(r, 1), "合計");
        ws.Cell(r, 2).Value = table.Sum(t => t.Previous);
        ws.Cell(r, 3).Value = table.Sum(t => t.Current);
        ws.Cell(r, 4).Value = table.Sum(t => t.Current - t.Previous);
        SheetCells.Widths(ws, [20, 10, 10, 12, 60]);

        var detail = wb.AddWorksheet("課別の定員");
        string[] h = ["課", "職種", "任用形態", "配分定数", "4月1日の実員", "要求数", "要求の理由", "査定数", "査定の理由", "状態"];
        SheetCells.Texts(detail, 1, 1, h);
        SheetCells.HeaderStyle(detail.Range(1, 1, 1, h.Length));
        var n = 2;
        foreach (var l in lines)
        {
            SheetCells.Text(detail.Cell(n, 1), org.PathName(l.OrgUnitId));
            SheetCells.Text(detail.Cell(n, 2), l.JobType.Label());
            SheetCells.Text(detail.Cell(n, 3), l.Employment.Label());
            detail.Cell(n, 4).Value = l.Allocated;
            if (l.ActualApril1 is decimal a) detail.Cell(n, 5).Value = a;
            if (l.Requested is decimal q) detail.Cell(n, 6).Value = q;
            SheetCells.Text(detail.Cell(n, 7), l.RequestReason);
            if (l.Assessed is decimal s) detail.Cell(n, 8).Value = s;
            SheetCells.Text(detail.Cell(n, 9), l.AssessmentReason);
            SheetCells.Text(detail.Cell(n, 10), l.State.Label());
            n++;
        }
        SheetCells.Widths(detail, [26, 12, 12, 10, 12, 10, 40, 10, 40, 8]);
        wb.SaveAs(output);
    }
}
