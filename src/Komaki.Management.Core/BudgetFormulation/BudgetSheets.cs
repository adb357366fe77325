using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.BudgetFormulation;

/// The 財政課's sheets, as the screens print them (amounts in 千円, totals summed from the same lines in yen): the
/// 査定調書 of a 部, the comparison of two stages (per 部 and city, or line by line for a 部), and 評価の効き目.
public static class BudgetSheets
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string ChoushoFileName(int year, string department, BudgetStage assessment) => $"査定調書_{department}_{assessment.Label()}_{Wareki.FiscalYearShort(year)}.xlsx";

    public static string CompareFileName(int year, BudgetStage from, BudgetStage to) => $"段階の比較_{from.Label()}_{to.Label()}_{Wareki.FiscalYearShort(year)}.xlsx";

    public static string EffectFileName(int year) => $"評価の効き目_{Wareki.FiscalYearShort(year)}に行った評価.xlsx";

    /// 査定調書: per line 要求額, the assessment's amount, 差額, 査定理由 with who, and the reasons given against the evaluation.
    public static void WriteChousho(Stream output, int year, string department, BudgetStage assessment, IReadOnlyList<FormulationLine> lines,
        OrgTree org, IReadOnlyDictionary<string, string> names, BudgetStageCommit? proposal = null)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("査定調書");
        Title(ws, $"{Wareki.FiscalYear(year)} 査定調書　{department}（{assessment.Label()}）", 9);
        string[] headers = ["課", "事業コード", "事務事業名", "要求額", $"{assessment.Label()}額", "差額", "査定理由", "査定した人", "評価・実施計画と食い違う理由"];
        Headers(ws, headers);
        var r = 4;
        foreach (var l in lines)
        {
            var req = l.Committed(BudgetStage.Request);
            var a = l.Committed(assessment);
            SheetCells.Text(ws.Cell(r, 1), org.Find(l.Request.OrgUnitId)?.Name);
            SheetCells.Text(ws.Cell(r, 2), l.Code);
            SheetCells.Text(ws.Cell(r, 3), l.Name);
            if (req is null) SheetCells.Text(ws.Cell(r, 4), "未提出");
            else SheetCells.Thousands(ws.Cell(r, 4), req.Expenditure);
            if (a is null) SheetCells.Text(ws.Cell(r, 5), "－");
            else SheetCells.Thousands(ws.Cell(r, 5), a.Expenditure);
            if (a is not null && req is not null) SheetCells.Thousands(ws.Cell(r, 6), a.Expenditure - req.Expenditure);
            SheetCells.Text(ws.Cell(r, 7), a?.Reason ?? (a is null ? null : "要求どおり"));
            SheetCells.Text(ws.Cell(r, 8), a is null ? null : names.GetValueOrDefault(a.RecordedBy, a.RecordedBy));
            SheetCells.Text(ws.Cell(r, 9), string.Join("\n", l.Request.Entries.Where(e => e.Committed && e.CheckReason is not null).OrderBy(e => e.Stage)
                .Select(e => $"{e.Stage.Label()}：{e.CheckReason}")));
            r++;
        }
        SheetCells.Text(ws.Cell(r, 1), "計");
        SheetCells.Thousands(ws.Cell(r, 4), lines.Sum(l => l.Committed(BudgetStage.Request)?.Expenditure ?? 0));
        SheetCells.Thousands(ws.Cell(r, 5), lines.Sum(l => l.Committed(assessment)?.Expenditure ?? 0));
        Total(ws, r, headers.Length);
        Finish(ws, r, [12, 12, 28, 13, 13, 12, 40, 12, 40], [7, 9]);
        if (proposal?.Unrequested is { } unrequested)
        {
            // After the lines: the active projects the 予算案 left without a request, and why.
            SheetCells.Text(ws.Cell(r + 2, 1), "要求のない続く事業（予算案の確定のとき）");
            SheetCells.Text(ws.Cell(r + 2, 3), unrequested);
            SheetCells.Text(ws.Cell(r + 2, 9), $"予算案：{proposal.UnrequestedReason ?? "（理由を求める前の確定）"}");
            ws.Range(r + 2, 1, r + 2, 9).Style.Alignment.WrapText = true;
        }
        wb.SaveAs(output);
    }

    /// Two stages: per 部 with their total (the city's, for a reader of the whole city — 「全市」 only then), or — for
    /// one 部 — line by line with the later stage's reason.
    public static void WriteCompare(Stream output, int year, BudgetStage from, BudgetStage to, string? department, IReadOnlyList<StageCompareRow> rows, OrgTree org, bool wholeCity)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("段階の比較");
        Title(ws, $"{Wareki.FiscalYear(year)} 段階の比較　{from.Label()} → {to.Label()}{(department is null ? "" : "　" + department)}", department is null ? 6 : 8);
        var r = 4;
        if (department is null)
        {
            Headers(ws, ["部", "行数", from.Label(), to.Label(), "差", "一般財源の差"]);
            foreach (var g in rows.GroupBy(x => x.Line.DepartmentId))
            {
                SheetCells.Text(ws.Cell(r, 1), org.Find(g.Key)?.Name);
                ws.Cell(r, 2).SetValue(g.Count());
                Amounts(ws, r, 3, g.ToList());
                r++;
            }
            SheetCells.Text(ws.Cell(r, 1), wholeCity ? "全市" : "計");
            ws.Cell(r, 2).SetValue(rows.Count);
            Amounts(ws, r, 3, rows);
            Total(ws, r, 6);
            Finish(ws, r, [20, 8, 14, 14, 13, 13], []);
        }
        else
        {
            Headers(ws, ["課", "事業コード", "事務事業名", from.Label(), to.Label(), "差", "一般財源の差", $"{to.Label()}の理由"]);
            foreach (var x in rows)
            {
                SheetCells.Text(ws.Cell(r, 1), org.Find(x.Line.Request.OrgUnitId)?.Name);
                SheetCells.Text(ws.Cell(r, 2), x.Line.Code);
                SheetCells.Text(ws.Cell(r, 3), x.Line.Name);
                if (x.From is null) SheetCells.Text(ws.Cell(r, 4), "－");
                else SheetCells.Thousands(ws.Cell(r, 4), x.From.Expenditure);
                if (x.To is null) SheetCells.Text(ws.Cell(r, 5), "－");
                else SheetCells.Thousands(ws.Cell(r, 5), x.To.Expenditure);
                if (x.From is not null && x.To is not null)
                {
                    SheetCells.Thousands(ws.Cell(r, 6), x.Difference);
                    SheetCells.Thousands(ws.Cell(r, 7), x.GeneralDifference);
                }
                SheetCells.Text(ws.Cell(r, 8), (x.To as BudgetStageEntry)?.Reason);
                r++;
            }
            SheetCells.Text(ws.Cell(r, 1), "計");
            Amounts(ws, r, 4, rows);
            Total(ws, r, 8);
            Finish(ws, r, [12, 12, 28, 14, 14, 13, 13, 40], [8]);
        }
        SheetCells.Text(ws.Cell(r + 2, 1), "その段階がまだ確定していない行は「－」で、合計に含めません。差は両方の段階がある行だけで数えます（要求は未提出でも入力中の額を示します）。");
        wb.SaveAs(output);
    }

    private static void Amounts(IXLWorksheet ws, int r, int column, IReadOnlyCollection<StageCompareRow> rows)
    {
        var total = StageCompareRow.Total(rows);
        long?[] figures = [total.From, total.To, total.Difference, total.GeneralDifference];
        for (var i = 0; i < figures.Length; i++)
        {
            if (figures[i] is long f) SheetCells.Thousands(ws.Cell(r, column + i), f);
            else SheetCells.Text(ws.Cell(r, column + i), "－");
        }
    }

    /// 評価の効き目: the city by verdict with its total, then each 部 by verdict, as the screen's two tables.
    public static void WriteEffect(Stream output, EffectReport report, DirectionCatalog directions, OrgTree org)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("評価の効き目");
        var years = report.Years;
        var (from, to) = (Wareki.FiscalYearShort(years.BaseBudget), Wareki.FiscalYearShort(years.InformedBudget));
        string[] headers = ["部", "方向性", "事業数", $"{from}当初", $"{to}要求", "要求の増減", $"{to}査定", "査定の増減", $"{to}当初", "当初の増減", $"{to}決算", "決算の増減",
            "一般財源 要求", "一般財源 査定", "一般財源 決算", $"人工 {Wareki.FiscalYearShort(years.EvaluationYear)}に行った評価", $"人工 {to}に行った評価",
            "未要求（件）", $"未要求の{from}当初", "未査定（件）", $"未査定の{from}当初", "当初予算なし（件）", $"当初予算なしの{from}当初", "未決算（件）", $"未決算の{from}当初",
            $"{from}一般財源（予算案）", "一般財源 要求の増減", "一般財源 査定の増減", "一般財源 決算の増減"];
        Title(ws, $"評価の効き目　{years.Traced}", headers.Length);
        Headers(ws, headers);
        var r = 4;
        void Row(string department, string verdict, EffectFigures f)
        {
            SheetCells.Text(ws.Cell(r, 1), department);
            SheetCells.Text(ws.Cell(r, 2), verdict);
            ws.Cell(r, 3).SetValue(f.Projects);
            SheetCells.Thousands(ws.Cell(r, 4), f.Base);
            var c = 5;
            var columns = f.Columns;
            foreach (var column in columns.Take(4))
            {
                SheetCells.Thousands(ws.Cell(r, c), column.Figure);
                SheetCells.Thousands(ws.Cell(r, c + 1), column.Change);
                ws.Cell(r, c + 13).SetValue(column.Missing);
                SheetCells.Thousands(ws.Cell(r, c + 14), column.MissingBase);
                c += 2;
            }
            SheetCells.Thousands(ws.Cell(r, 26), f.BaseGeneral);
            for (var g = 0; g < 3; g++) SheetCells.Thousands(ws.Cell(r, 27 + g), columns[4 + g].Change);
            SheetCells.Thousands(ws.Cell(r, 13), f.RequestedGeneral);
            SheetCells.Thousands(ws.Cell(r, 14), f.AssessedGeneral);
            SheetCells.Thousands(ws.Cell(r, 15), f.SettledGeneral);
            ws.Cell(r, 16).SetValue(f.PersonYears);
            if (f.NextPersonYears is decimal next) ws.Cell(r, 17).SetValue(next);
            ws.Range(r, 16, r, 17).Style.NumberFormat.Format = "0.##";
            r++;
        }
        string Verdict(Direction? d) => d is Direction v ? directions.Label(v) : "評価なし（未公表を含む）";
        foreach (var row in report.CityByVerdict) Row("全市", Verdict(row.Verdict), row.Figures);
        Row("全市", "計", report.Total);
        Total(ws, r - 1, headers.Length);
        foreach (var row in report.Rows) Row(row.DepartmentId is int d ? org.Find(d)?.Name ?? "" : "（所属なし）", Verdict(row.Verdict), row.Figures);
        SheetCells.Text(ws.Cell(r + 1, 1), $"金額は千円。{years.Words}（公表したもの）の方向性ごとに、{from}当初予算から{to}の要求・査定・当初・決算までの増減です。どちらかの年度に予算の行がある事業をすべて一度ずつ数えるため、各列の全市の計は「予算」の表のその年度の合計と一致します。部は{to}の要求をした課の部（要求がなければ評価をした課の部）。増減は、その列の額がある事業の{from}当初と比べます（終了・廃止を決めた事業は 0 として含めます）。まだ額がない続く事業は「未要求」などの件数とその{from}当初で示し、増減には数えません。一般財源は予算編成・決算で分かるものだけ、一般財源の増減は{from}の予算案の一般財源（このシステムで予算編成をした年度のみ）から同じように比べます。人工は各年度に行った評価の値です。");
        Finish(ws, r - 1, [14, 22, 8, 13, 13, 12, 13, 12, 13, 12, 13, 12, 13, 13, 13, 10, 10, 8, 12, 8, 12, 8, 12, 8, 12, 13, 12, 12, 12], []);
        wb.SaveAs(output);
    }

    private static void Title(IXLWorksheet ws, string title, int columns)
    {
        SheetCells.Title(ws, title);
        SheetCells.Text(ws.Cell(2, columns), "（単位：千円）");
        ws.Cell(2, columns).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    private static void Headers(IXLWorksheet ws, string[] headers)
    {
        SheetCells.Texts(ws, 3, 1, headers);
        SheetCells.HeaderStyle(ws.Range(3, 1, 3, headers.Length));
    }

    private static void Total(IXLWorksheet ws, int row, int columns)
    {
        ws.Range(row, 1, row, columns).Style.Font.Bold = true;
        ws.Range(row, 1, row, columns).Style.Border.TopBorder = XLBorderStyleValues.Double;
    }

    private static void Finish(IXLWorksheet ws, int lastRow, double[] widths, int[] wrapped)
    {
        SheetCells.Widths(ws, widths);
        foreach (var c in wrapped) ws.Range(4, c, Math.Max(4, lastRow), c).Style.Alignment.WrapText = true;
        ws.Range(4, 1, Math.Max(4, lastRow), widths.Length).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        SheetCells.PrintWide(ws, 3, 3);
    }
}
