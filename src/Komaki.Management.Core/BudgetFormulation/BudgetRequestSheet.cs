using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.BudgetFormulation;

/// The 予算要求書 as a 課 fills it in Excel: one row per 事業 of the budget year, the 歳出 and its 財源内訳 in 千円, the
/// 要求理由 and 新規/継続; the 実施計画's amount, the year before's budget and where the request stands are there to read
/// and are not read back.
public static class BudgetRequestSheet
{
    public const string SheetName = "予算要求書";

    public static readonly FieldSpec Code = new("code", "事業コード", ["事業番号", "事務事業コード", "事務事業番号", "コード", "事業ID", "事務事業ID"], Required: true);
    public static readonly FieldSpec Name = new("name", "事務事業名", ["事業名", "事業の名称", "事業名称"]);
    public static readonly FieldSpec Unit = new("unit", "担当課", ["所管課", "課名", "担当部課", "所属"], Reference: true);
    public static readonly FieldSpec Kind = new("kind", "新規・継続", ["区分", "新規継続", "新規/継続", "事業区分"], Required: true);
    public static readonly FieldSpec Expenditure = new("expenditure", "要求額（歳出）", ["要求額", "歳出", "歳出額", "要求額(歳出)", "予算要求額"], Required: true);
    public static readonly FieldSpec National = new("national", "国庫支出金", ["国庫", "国費", "国庫補助金"], Required: true);
    public static readonly FieldSpec Prefectural = new("prefectural", "県支出金", ["県費", "県", "県補助金"], Required: true);
    public static readonly FieldSpec Bonds = new("bonds", "地方債", ["市債", "起債"], Required: true);
    public static readonly FieldSpec OtherSpecific = new("other", "その他特定財源", ["その他", "その他財源", "その他の特定財源"], Required: true);
    public static readonly FieldSpec General = new("general", "一般財源", ["一財", "市費"], Required: true);
    public static readonly FieldSpec Reason = new("reason", "要求理由", ["要求の理由", "理由", "要求内容"], Required: true);
    public static readonly FieldSpec PlanAmount = new("plan", "実施計画の額", ["実施計画額", "実施計画事業費"], Reference: true);
    public static readonly FieldSpec PreviousBudget = new("previous", "前年度予算", ["前年度当初予算", "前年度予算額"], Reference: true);
    public static readonly FieldSpec State = new("state", "状態", ["提出状況", "要求の状態"], Reference: true);

    public static readonly IReadOnlyList<FieldSpec> Sources = [National, Prefectural, Bonds, OtherSpecific, General];

    public static readonly IReadOnlyList<FieldSpec> Fields =
        [Code, Name, Unit, Kind, Expenditure, .. Sources, Reason, PlanAmount, PreviousBudget, State];

    public static readonly IReadOnlySet<string> AmountKeys = new HashSet<string>(new[] { Expenditure }.Concat(Sources).Select(f => f.Key));

    public const string NewLabel = "新規";
    public const string ContinuingLabel = "継続";

    /// 新規 or 継続 as a clerk writes it; null when the text says neither (or both).
    public static bool? ReadKind(string text)
    {
        var t = TextNormal.ForMatch(text);
        var isNew = t is "新規" or "新" or "新規事業";
        var continuing = t is "継続" or "継" or "継続事業";
        return isNew == continuing ? null : isNew;
    }

    /// What one exported row shows: a request (amounts, reason) or, for a 事業 without one, the 事業 to fill in.
    public sealed record Row(string Code, string ProjectName, string? UnitName, bool IsNew, IFunded? Amounts, string? Reason,
        long? PlanAmount, long? PreviousBudget, string State);

    private const int HeaderRow = 3;
    private const int FirstDataRow = 5;

    public static void Write(Stream output, int fiscalYear, string? unitName, IEnumerable<Row> rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(SheetName);
        SheetCells.Title(ws, $"{Wareki.FiscalYear(fiscalYear)} 予算要求書{(unitName is null ? "" : "　" + unitName)}");
        SheetCells.Text(ws.Cell(2, 1), "灰色の列（担当課・実施計画の額・前年度予算・状態）は参照用で、取り込みでは読みません。提出済の行は変えられません。");
        SheetCells.Text(ws.Cell(2, 14), "（単位：千円）");
        ws.Cell(2, 14).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;

        FieldSpec[] before = [Code, Name, Unit, Kind, Expenditure];
        for (var c = 0; c < before.Length; c++) SheetCells.HeaderOverTwoRows(ws, HeaderRow, c + 1, before[c].Header);
        SheetCells.HeaderGroup(ws, HeaderRow, 6, "財源内訳", Sources.Select(s => s.Header).ToList());
        FieldSpec[] after = [Reason, PlanAmount, PreviousBudget, State];
        for (var c = 0; c < after.Length; c++) SheetCells.HeaderOverTwoRows(ws, HeaderRow, 11 + c, after[c].Header);
        SheetCells.HeaderStyle(ws.Range(HeaderRow, 1, HeaderRow + 1, 14));

        var r = FirstDataRow;
        foreach (var row in rows)
        {
            SheetCells.Texts(ws, r, 1, row.Code, row.ProjectName, row.UnitName, row.IsNew ? NewLabel : ContinuingLabel);
            if (row.Amounts is { } a) SheetCells.ThousandsValues(ws, r, 5, [a.Expenditure, .. a.Funding.InOrder]);
            SheetCells.Text(ws.Cell(r, 11), row.Reason);
            SheetCells.ThousandsValues(ws, r, 12, row.PlanAmount, row.PreviousBudget);
            SheetCells.Text(ws.Cell(r, 14), row.State);
            r++;
        }
        var last = Math.Max(r - 1, FirstDataRow);
        SheetCells.ThousandsRange(ws.Range(FirstDataRow, 5, last + 100, 10));
        SheetCells.ThousandsRange(ws.Range(FirstDataRow, 12, last, 13));
        ws.Range(FirstDataRow, 11, last, 11).Style.Alignment.WrapText = true;
        ws.Range(FirstDataRow, 1, last, 14).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        foreach (var c in new[] { 3, 12, 13, 14 }) ws.Range(FirstDataRow, c, last, c).Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
        SheetCells.DropDown(ws.Range(FirstDataRow, 4, last + 100, 4), [NewLabel, ContinuingLabel]);
        if (r > FirstDataRow) ws.Range(FirstDataRow, 1, last, 14).Style.Border.InsideBorder = XLBorderStyleValues.Hair;

        SheetCells.Widths(ws, [12, 28, 16, 9, 13, 12, 12, 12, 12, 12, 48, 13, 13, 10]);
        SheetCells.PrintWide(ws, HeaderRow, HeaderRow + 1, frozenColumns: 2);
        wb.SaveAs(output);
    }
}
