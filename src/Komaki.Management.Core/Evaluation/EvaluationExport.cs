using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.Evaluation;

/// The year's evaluations in Excel: an overview of every project first, then one sheet per project in the
/// layout of the printed 事務事業評価シート. Drafts are left out; they belong to their unit until reviewed. canRead
/// leaves out what the person downloading may not read (EvaluationAccess); the operator's CLI exports them all.
public static class EvaluationExport
{
    public static async Task<bool> WriteAsync(AppDbContext db, int fiscalYear, Stream output, Func<ProjectEvaluation, bool>? canRead = null, CancellationToken ct = default)
    {
        var evaluations = (await db.ProjectEvaluations.AsNoTracking().Include(e => e.Project).ThenInclude(p => p!.Measure)
            .Where(e => e.FiscalYear == fiscalYear && e.State != EvaluationState.Draft).ToListAsync(ct))
            .Where(e => canRead is null || canRead(e)).ToList();
        if (evaluations.Count == 0) return false;
        evaluations = evaluations.OrderBy(e => e.Project!.Code, CodeOrder.Instance).ToList();
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var directions = await DirectionCatalog.LoadAsync(db, ct);
        var ids = evaluations.Select(e => e.ProjectId).ToList();
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.ProjectId != null && ids.Contains(i.ProjectId.Value) && i.RetiredAt == null).ToListAsync(ct);

        using var wb = new XLWorkbook();
        var overview = wb.AddWorksheet("一覧");
        SheetCells.Text(overview.Cell(1, 1), $"{Wareki.FiscalYear(fiscalYear)} 事務事業評価 一覧");
        overview.Cell(1, 1).Style.Font.Bold = true;
        SheetCells.Text(overview.Cell(2, 11), "（単位：千円）");
        string[] headers = ["事業コード", "事務事業名", "施策", "担当課", "決算額", "人工", "人件費", "総コスト", "必要性", "有効性", "効率性", "公平性", "方向性（一次）", "方向性（二次）", "改善内容", "状況"];
        SheetCells.Texts(overview, 3, 1, headers);
        SheetCells.HeaderStyle(overview.Range(3, 1, 3, headers.Length));
        var r = 4;
        foreach (var e in evaluations)
        {
            SheetCells.Text(overview.Cell(r, 1), e.Project!.Code);
            SheetCells.Text(overview.Cell(r, 2), e.Project.Name);
            SheetCells.Text(overview.Cell(r, 3), e.Project.Measure!.Name);
            SheetCells.Text(overview.Cell(r, 4), units.GetValueOrDefault(e.OwnerUnitId));
            SheetCells.Thousands(overview.Cell(r, 5), e.SettledCost);
            SheetCells.Number(overview.Cell(r, 6), e.StaffPersonYears, 2);
            SheetCells.Thousands(overview.Cell(r, 7), e.StaffCost);
            SheetCells.Thousands(overview.Cell(r, 8), e.FullCost);
            SheetCells.Text(overview.Cell(r, 9), e.Necessity?.ToString());
            SheetCells.Text(overview.Cell(r, 10), e.Effectiveness?.ToString());
            SheetCells.Text(overview.Cell(r, 11), e.Efficiency?.ToString());
            SheetCells.Text(overview.Cell(r, 12), e.Equity?.ToString());
            SheetCells.Text(overview.Cell(r, 13), directions.Label(e.FirstDirection));
            SheetCells.Text(overview.Cell(r, 14), directions.Label(e.SecondDirection));
            SheetCells.Text(overview.Cell(r, 15), e.Improvement);
            SheetCells.Text(overview.Cell(r, 16), e.State.Label());
            r++;
        }
        SheetCells.Widths(overview, [10, 28, 22, 16, 12, 6, 12, 12, 7, 7, 7, 7, 10, 10, 40, 10]);
        overview.SheetView.FreezeRows(3);

        var sheetNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "一覧" };
        foreach (var e in evaluations)
        {
            var ws = wb.AddWorksheet(SheetName(e.Project!.Code, sheetNames));
            var row = 1;
            void Pair(string label, string? value)
            {
                SheetCells.Text(ws.Cell(row, 1), label);
                ws.Cell(row, 1).Style.Font.Bold = true;
                ws.Cell(row, 1).Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
                SheetCells.Text(ws.Cell(row, 2), value);
                ws.Range(row, 2, row, 4).Merge();
                ws.Cell(row, 2).Style.Alignment.WrapText = true;
                row++;
            }
            SheetCells.Text(ws.Cell(row, 1), $"事務事業評価シート（{Wareki.FiscalYear(fiscalYear)}）");
            ws.Cell(row, 1).Style.Font.Bold = true;
            ws.Cell(row, 1).Style.Font.FontSize = 13;
            row += 2;
            Pair("事務事業", $"{e.Project.Code} {e.Project.Name}");
            Pair("施策", e.Project.Measure!.Name);
            Pair("担当課", units.GetValueOrDefault(e.OwnerUnitId));
            Pair("決算額（千円）", Amounts.Thousands(e.SettledCost));
            Pair("人工・人件費（千円）", $"{e.StaffPersonYears:0.##}人・{Amounts.Thousands(e.StaffCost)}");
            Pair("総コスト（千円）", Amounts.Thousands(e.FullCost));
            // A published sheet is read as published (PublishedSheet): its indicators with the values of that day.
            if (PublishedSheet.Read(e.PublishedSheet) is { } published)
            {
                Pair("公表時の評価シート", $"{CityTime.DateText(published.TakenAt)} 公表時の内容（コスト・指標）");
                foreach (var i in published.Indicators)
                {
                    var v = i.Values.FirstOrDefault(x => x.Year == fiscalYear);
                    Pair($"指標：{i.Name}", $"目標 {NumberText.WithUnit(v?.Target, i.Unit)}／実績 {NumberText.WithUnit(v?.Actual, i.Unit)}");
                }
            }
            else
                foreach (var i in indicators.Where(i => i.ProjectId == e.ProjectId).OrderBy(i => i.SortOrder))
                {
                    var v = i.Values.FirstOrDefault(x => x.FiscalYear == fiscalYear);
                    Pair($"指標：{i.Name}", $"目標 {NumberText.WithUnit(v?.Target, i.Unit)}／実績 {NumberText.WithUnit(v?.Actual, i.Unit)}");
                }
            foreach (var (label, findings, explanation) in new[] { ("一次評価", e.FirstReviewFindings, e.FirstReviewExplanation), ("二次評価", e.SecondReviewFindings, e.SecondReviewExplanation), ("公表", e.PublishFindings, e.PublishExplanation) })
                if (findings is not null) Pair($"{label}の確認事項", $"{findings}\n確定した理由: {explanation}");
            Pair("必要性", $"{e.Necessity?.Label()} {e.NecessityReason}");
            Pair("有効性", $"{e.Effectiveness?.Label()} {e.EffectivenessReason}");
            Pair("効率性", $"{e.Efficiency?.Label()} {e.EfficiencyReason}");
            Pair("公平性", $"{e.Equity?.Label()} {e.EquityReason}");
            Pair("今後の方向性（一次）", directions.Label(e.FirstDirection));
            Pair("今後の方向性（二次）", e.SecondDirection is null ? e.State >= EvaluationState.SecondReviewed ? "一次評価のとおり" : null : $"{directions.Label(e.SecondDirection.Value)}（{e.SecondReason}）");
            Pair("改善内容", e.Improvement);
            Pair("状況", e.State.Label());
            ws.Column(1).Width = 22;
            for (var c = 2; c <= 4; c++) ws.Column(c).Width = 30;
            ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
            ws.PageSetup.FitToPages(1, 1);
        }
        wb.SaveAs(output);
        return true;
    }

    /// Sheet names are the project code, made safe for Excel (31 characters, no []:*?/\) and unique in the workbook:
    /// two codes that share their first 31 characters get a number (…~2).
    private static string SheetName(string code, HashSet<string> used)
    {
        var safe = new string(code.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray());
        var name = safe.Length > 31 ? safe[..31] : safe;
        for (var n = 2; !used.Add(name); n++)
        {
            var suffix = $"~{n}";
            name = (safe.Length > 31 - suffix.Length ? safe[..(31 - suffix.Length)] : safe) + suffix;
        }
        return name;
    }
}
