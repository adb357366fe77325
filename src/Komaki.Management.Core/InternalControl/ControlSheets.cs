using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.InternalControl;

/// The risk register and the 評価報告書 as Excel, from the same records as the screens.
public static class ControlSheets
{
    private static readonly string[] RegisterHeaders =
    [
        "リスクID", "課", "対象事務区分", "業務・手順", "リスクの内容", "分類", "発生原因", "既存の統制", "発生可能性", "影響度", "優先度", "対応方針", "対応策", "責任者", "期限",
        "関係する事業・施策・組織目標", "状態", "整備状況", "運用状況", "不備", "是正",
    ];

    /// The register and, on a sheet of its own, what each level of 発生可能性 and 影響度 meant in the year, so the
    /// numbers read the same away from the screen.
    public static void WriteRegister(Stream output, int year, IEnumerable<ControlRisk> risks, OrgTree org, RiskLevels levels)
    {
        using var wb = new XLWorkbook();
        AddRegister(wb, year, risks, org);
        AddLevels(wb, year, levels);
        wb.SaveAs(output);
    }

    private static void AddLevels(XLWorkbook wb, int year, RiskLevels levels)
    {
        var ws = wb.AddWorksheet("発生可能性・影響度の定義");
        SheetCells.Text(ws.Cell(1, 1), $"{Wareki.FiscalYear(year)} 発生可能性・影響度の定義");
        ws.Cell(1, 1).Style.Font.Bold = true;
        string[] headers = ["段階", "発生可能性", "影響度"];
        SheetCells.Texts(ws, 3, 1, headers);
        SheetCells.HeaderStyle(ws.Range(3, 1, 3, headers.Length));
        for (var level = 3; level >= 1; level--)
        {
            var r = 4 + (3 - level);
            SheetCells.Text(ws.Cell(r, 1), level.ToString(CultureInfo.InvariantCulture));
            SheetCells.Text(ws.Cell(r, 2), levels.Likelihood[level - 1]);
            SheetCells.Text(ws.Cell(r, 3), levels.Impact[level - 1]);
        }
        ws.Column(1).Width = 6;
        ws.Column(2).Width = 40;
        ws.Column(3).Width = 40;
        ws.Range(4, 2, 6, 3).Style.Alignment.WrapText = true;
    }

    private static void AddRegister(XLWorkbook wb, int year, IEnumerable<ControlRisk> risks, OrgTree org)
    {
        var ws = wb.AddWorksheet("リスク一覧");
        SheetCells.Text(ws.Cell(1, 1), $"{Wareki.FiscalYear(year)} 内部統制 リスク一覧");
        ws.Cell(1, 1).Style.Font.Bold = true;
        SheetCells.Texts(ws, 3, 1, RegisterHeaders);
        SheetCells.HeaderStyle(ws.Range(3, 1, 3, RegisterHeaders.Length));
        var r = 4;
        foreach (var risk in risks.OrderBy(x => x.Code, StringComparer.Ordinal))
        {
            string?[] cells =
            [
                risk.Code, org.PathName(risk.OrgUnitId), risk.Area.Label(), risk.Process, risk.Description, risk.Scope.Label(), risk.Cause, risk.ExistingControl,
                risk.Likelihood.ToString(CultureInfo.InvariantCulture), risk.Impact.ToString(CultureInfo.InvariantCulture), risk.Priority.Label(), risk.Response.Label(), risk.Measures,
                risk.Owner, risk.DueOn is DateOnly d ? Wareki.Date(d) : "", Links(risk), risk.State.Label(), risk.DesignRating?.Label(), risk.OperationRating?.Label(),
                string.Join("\n", risk.Deficiencies.Select(x => $"{x.Kind.Label()}：{x.Description}（是正措置：{x.CorrectiveAction}、期限 {Wareki.Date(x.DueOn)}）")),
                string.Join("\n", risk.Deficiencies.Select(x => x.CorrectedOn is DateOnly c ? $"{Wareki.Date(c)} 是正済：{x.CorrectionNote}" : "未是正")),
            ];
            SheetCells.Texts(ws, r, 1, cells);
            r++;
        }
        double[] widths = [14, 18, 10, 22, 30, 9, 24, 24, 6, 6, 6, 8, 28, 12, 12, 26, 8, 8, 8, 30, 24];
        SheetCells.Widths(ws, widths);
        if (r > 4) ws.Range(4, 1, r - 1, widths.Length).Style.Alignment.WrapText = true;
        SheetCells.PrintWide(ws, 3, 3);
    }

    public static string Links(ControlRisk risk) => string.Join("、", risk.Links.Select(l =>
        l.Project is { } p ? $"事業 {p.Code} {p.Name}" : l.Measure is { } m ? $"施策 {m.Code} {m.Name}" : l.OrganizationalGoal is { } g ? $"組織目標「{g.Title}」" : ""));

    public static void WriteReport(Stream output, ControlReport report, OrgTree org)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("評価報告書");
        var r = 1;
        void Line(params string?[] cells)
        {
            SheetCells.Texts(ws, r, 1, cells);
            r++;
        }
        Line($"{Wareki.FiscalYear(report.Year)} 内部統制評価報告書");
        ws.Cell(1, 1).Style.Font.Bold = true;
        Line("最高責任者", report.Policy?.ChiefName);
        Line(report.IsFrozen ? "確定" : "下書き", report.IsFrozen ? $"{Wareki.Date(report.Figures.AsOf)} {report.Figures.Stage}の時点" : $"{Wareki.Date(report.Figures.AsOf)} 現在の記録から計算");
        Line("評価の結論", report.Conclusion);
        r++;
        Line("リスク数", report.Figures.Risks.ToString(CultureInfo.InvariantCulture), "評価済", report.Evaluated.ToString(CultureInfo.InvariantCulture), "整備・運用とも有効", report.Effective.ToString(CultureInfo.InvariantCulture));
        Line("優先度 高", report.ByPriority(RiskPriority.High).ToString(CultureInfo.InvariantCulture), "中", report.ByPriority(RiskPriority.Medium).ToString(CultureInfo.InvariantCulture), "低", report.ByPriority(RiskPriority.Low).ToString(CultureInfo.InvariantCulture));
        foreach (var a in Enum.GetValues<ControlArea>()) Line($"対象事務区分 {a.Label()}", report.ByArea(a).ToString(CultureInfo.InvariantCulture));
        Line("整備上の不備", report.DeficienciesOf(DeficiencyKind.Design).ToString(CultureInfo.InvariantCulture), "運用上の不備", report.DeficienciesOf(DeficiencyKind.Operation).ToString(CultureInfo.InvariantCulture),
            "重大な不備", report.DeficienciesOf(DeficiencyKind.Material).ToString(CultureInfo.InvariantCulture));
        Line("是正済", report.Corrected.ToString(CultureInfo.InvariantCulture), "期限を過ぎて未是正", report.Overdue.ToString(CultureInfo.InvariantCulture));
        Line("事務処理ミス", report.Figures.Errors.ToString(CultureInfo.InvariantCulture));
        r++;
        Line("重大な不備");
        foreach (var d in report.MaterialWeaknesses) Line(d.Code, org.PathName(d.OrgUnitId), d.Description, d.CorrectiveAction, d.CorrectedOn is DateOnly c ? $"{Wareki.Date(c)} 是正済" : "未是正");
        if (report.Cycle is { } y)
        {
            r++;
            Line("監査委員の審査", y.AuditReviewedOn is DateOnly a ? Wareki.Date(a) : "未了", y.AuditOpinion);
            Line("議会への提出", y.CouncilOn is DateOnly b ? Wareki.Date(b) : "未了", "公表", y.PublishedOn is DateOnly p ? Wareki.Date(p) : "未了");
        }
        double[] widths = [24, 24, 40, 40, 20, 10];
        SheetCells.Widths(ws, widths);
        ws.Range(1, 1, r, widths.Length).Style.Alignment.WrapText = true;
        // The register itself is not attached: the report's readers (the audit committee, planning) see the figures,
        // the register is for the divisions, the 推進部局 and the 評価部局.
        wb.SaveAs(output);
    }
}
