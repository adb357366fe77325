using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.Implementation;

/// The 実施計画 sheet as the city exchanges it: one row per project and year, amounts in 千円.
/// Import also reads wide sheets with a block of amount columns per year (R6 / R7 / R8).
public static class ImplementationPlanSheet
{
    public const string SheetName = "実施計画";

    public static readonly FieldSpec Code = new("code", "事業コード", ["事業番号", "事務事業コード", "事務事業番号", "コード", "事業No", "事業NO", "事業ID", "事務事業ID"], Required: true);
    public static readonly FieldSpec Name = new("name", "事務事業名", ["事業名", "事業の名称", "事務事業の名称", "事業名称"]);
    public static readonly FieldSpec Unit = new("unit", "担当課", ["所管課", "担当部署", "所属", "課名", "担当課名", "担当部課", "部課名"], Reference: true);
    public static readonly FieldSpec MeasureName = new("measure", "施策", ["施策名"], Reference: true);
    public static readonly FieldSpec Year = new("year", "年度", ["計画年度", "実施年度", "対象年度"]);
    public static readonly FieldSpec Status = new("status", "区分", ["事業区分", "計画区分", "新規・継続", "新規継続", "新規/継続"], PerYear: true);
    public static readonly FieldSpec Content = new("content", "事業内容", ["事業の内容", "実施内容", "取組内容", "事業概要", "計画内容"], PerYear: true);
    public static readonly FieldSpec Cost = new("cost", "事業費", ["総事業費", "事業費計", "計画事業費", "事業費合計"], Required: true, PerYear: true);
    public static readonly FieldSpec National = new("national", "国庫支出金", ["国庫", "国費", "国庫補助金", "国"], PerYear: true);
    public static readonly FieldSpec Prefectural = new("prefectural", "県支出金", ["県費", "県", "県補助金"], PerYear: true);
    public static readonly FieldSpec Bonds = new("bonds", "地方債", ["市債", "起債"], PerYear: true);
    public static readonly FieldSpec OtherSpecific = new("other", "その他特定財源", ["その他", "その他財源", "その他の特定財源"], PerYear: true);
    public static readonly FieldSpec General = new("general", "一般財源", ["一財", "市費"], PerYear: true);

    public static readonly IReadOnlyList<FieldSpec> Fields =
        [Code, Name, Unit, MeasureName, Year, Status, Content, Cost, National, Prefectural, Bonds, OtherSpecific, General];

    public static readonly IReadOnlyList<FieldSpec> Sources = [National, Prefectural, Bonds, OtherSpecific, General];

    public static readonly IReadOnlySet<string> AmountKeys = new HashSet<string>(new[] { Cost }.Concat(Sources).Select(f => f.Key));

    /// What one exported row shows.
    public sealed record Row(
        string Code, string ProjectName, string? UnitName, string? MeasureName, int FiscalYear,
        ImplementationStatus Status, string Content, long Cost, Funding Funding);

    private const int FirstDataRow = 5;

    public static void Write(Stream output, ImplementationPlan edition, IEnumerable<Row> rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(SheetName);
        SheetCells.Title(ws, edition.Title);
        SheetCells.Text(ws.Cell(2, 13), "（単位：千円）");
        ws.Cell(2, 13).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;

        string[] single = [Code.Header, Name.Header, Unit.Header, MeasureName.Header, Year.Header, Status.Header, Content.Header, Cost.Header];
        for (var c = 0; c < single.Length; c++) SheetCells.HeaderOverTwoRows(ws, 3, c + 1, single[c]);
        SheetCells.HeaderGroup(ws, 3, 9, "財源内訳", Sources.Select(s => s.Header).ToList());
        SheetCells.HeaderStyle(ws.Range(3, 1, 4, 13));

        var r = FirstDataRow;
        foreach (var row in rows)
        {
            SheetCells.Texts(ws, r, 1, row.Code, row.ProjectName, row.UnitName, row.MeasureName, Wareki.FiscalYear(row.FiscalYear), row.Status.Label(), row.Content);
            SheetCells.Thousands(ws, r, 8, [row.Cost, .. row.Funding.InOrder]);
            r++;
        }
        var last = Math.Max(r - 1, FirstDataRow);
        ws.Range(FirstDataRow, 7, last, 7).Style.Alignment.WrapText = true;
        SheetCells.ThousandsRange(ws.Range(FirstDataRow, 8, last + 200, 13));
        SheetCells.DropDown(ws.Range(FirstDataRow, 6, last + 200, 6), ImplementationStatusLabels.All.Select(s => s.Label()));
        if (r > FirstDataRow) ws.Range(FirstDataRow, 1, last, 13).Style.Border.InsideBorder = XLBorderStyleValues.Hair;

        SheetCells.Widths(ws, [14, 30, 16, 24, 12, 8, 48, 12, 12, 12, 12, 14, 12]);
        ws.SheetView.FreezeRows(4);
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.SetRowsToRepeatAtTop(3, 4);
        wb.SaveAs(output);
    }
}
