using System.Globalization;
using ClosedXML.Excel;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.Core.Reports;

/// 主要施策成果説明書: the yearly report to the council with the settled accounts — per policy and measure, in plan
/// code order, what was done, the settled cost of each project, and the indicators against their targets.
public sealed record ResultsReport(int FiscalYear, string PlanName, IReadOnlyList<ResultsReport.PolicyPart> Policies)
{
    public sealed record IndicatorLine(string Name, string Unit, decimal? Target, decimal? Actual, decimal? RatePercent);

    public sealed record ProjectLine(string Code, string Name, string Unit, long? Settled, string Done);

    public sealed record MeasurePart(string Code, string Name, IReadOnlyList<IndicatorLine> Indicators, IReadOnlyList<ProjectLine> Projects)
    {
        public long Settled => Projects.Sum(p => p.Settled ?? 0);
    }

    public sealed record PolicyPart(string Code, string Name, IReadOnlyList<MeasurePart> Measures)
    {
        public long Settled => Measures.Sum(m => m.Settled);
    }

    public long Settled => Policies.Sum(p => p.Settled);

    /// Built with a fixed number of queries; the plan is the basic plan in force in the year.
    public static async Task<ResultsReport> BuildAsync(AppDbContext db, int fiscalYear, Func<int, string> unitName, CancellationToken ct = default)
    {
        var basic = await db.BasicPlans.AsNoTracking().Include(b => b.ComprehensivePlan)
            .Where(b => b.StartYear <= fiscalYear && b.EndYear >= fiscalYear).OrderByDescending(b => b.ComprehensivePlan!.IsCurrent).FirstOrDefaultAsync(ct);
        if (basic is null) return new ResultsReport(fiscalYear, "", []);
        var policies = await db.Policies.AsNoTracking().Where(p => p.BasicPlanId == basic.Id && p.RetiredAt == null).ToListAsync(ct);
        var policyIds = policies.Select(p => p.Id).ToList();
        var measures = await db.Measures.AsNoTracking().Where(m => policyIds.Contains(m.PolicyId) && m.RetiredAt == null).ToListAsync(ct);
        var measureIds = measures.Select(m => m.Id).ToList();
        var projects = (await db.Projects.AsNoTracking().Where(p => measureIds.Contains(p.MeasureId)).ToListAsync(ct)).Where(p => p.IsActiveIn(fiscalYear)).ToList();
        var projectIds = projects.Select(p => p.Id).ToList();
        var settled = await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == fiscalYear && projectIds.Contains(b.ProjectId)).ToDictionaryAsync(b => b.ProjectId, b => b.Settled, ct);
        var done = await db.ExecutionPlans.AsNoTracking().Where(e => e.FiscalYear == fiscalYear && projectIds.Contains(e.ProjectId) && e.YearEndProgress != null)
            .ToDictionaryAsync(e => e.ProjectId, e => e.YearEndProgress!, ct);
        var edition = await db.ImplementationPlans.AsNoTracking().Where(p => p.FiscalYear <= fiscalYear).OrderByDescending(p => p.FiscalYear).FirstOrDefaultAsync(ct);
        var content = edition is null ? [] : await db.ImplementationPlanLines.AsNoTracking()
            .Where(l => l.ImplementationPlanId == edition.Id && l.FiscalYear == fiscalYear).ToDictionaryAsync(l => l.ProjectId, l => l.Content, ct);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values)
            .Where(i => i.MeasureId != null && measureIds.Contains(i.MeasureId.Value) && i.RetiredAt == null).ToListAsync(ct);

        static IEnumerable<T> ByCode<T>(IEnumerable<T> items, Func<T, string> code) => items.OrderBy(x => code(x), CodeOrder.Instance);
        var parts = ByCode(policies, p => p.Code).Select(p => new PolicyPart(p.Code, p.Name,
            ByCode(measures.Where(m => m.PolicyId == p.Id), m => m.Code).Select(m => new MeasurePart(m.Code, m.Name,
                indicators.Where(i => i.MeasureId == m.Id).OrderBy(i => i.SortOrder).Select(i =>
                {
                    var v = i.Values.FirstOrDefault(x => x.FiscalYear == fiscalYear);
                    return new IndicatorLine(i.Name, i.Unit, v?.Target, v?.Actual, i.AchievementIn(fiscalYear).RatePercent);
                }).ToList(),
                ByCode(projects.Where(x => x.MeasureId == m.Id), x => x.Code).Select(x => new ProjectLine(x.Code, x.Name, unitName(x.OwnerUnitId),
                    settled.GetValueOrDefault(x.Id), done.GetValueOrDefault(x.Id) ?? content.GetValueOrDefault(x.Id) ?? "")).ToList())).ToList())).ToList();
        return new ResultsReport(fiscalYear, $"{basic.ComprehensivePlan!.Name}（{basic.Name}）", parts);
    }

    public void WriteExcel(Stream output)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("主要施策成果説明書");
        SheetCells.Text(ws.Cell(1, 1), $"{Wareki.FiscalYear(FiscalYear)} 主要施策成果説明書");
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 14;
        SheetCells.Text(ws.Cell(2, 1), PlanName);
        SheetCells.Text(ws.Cell(2, 6), "（単位：千円）");
        string[] headers = ["区分", "コード", "名称", "担当課", "取組の成果・指標", "決算額"];
        for (var c = 0; c < headers.Length; c++) SheetCells.Text(ws.Cell(3, c + 1), headers[c]);
        SheetCells.HeaderStyle(ws.Range(3, 1, 3, headers.Length));
        var r = 4;
        void Line(string kind, string code, string name, string? unit, string? text, long? amount, bool bold = false)
        {
            SheetCells.Text(ws.Cell(r, 1), kind);
            SheetCells.Text(ws.Cell(r, 2), code);
            SheetCells.Text(ws.Cell(r, 3), name);
            SheetCells.Text(ws.Cell(r, 4), unit);
            SheetCells.Text(ws.Cell(r, 5), text);
            if (amount is long a) SheetCells.Thousands(ws.Cell(r, 6), a);
            if (bold) ws.Range(r, 1, r, 6).Style.Font.Bold = true;
            r++;
        }
        foreach (var p in Policies)
        {
            Line("政策", p.Code, p.Name, null, null, null, bold: true);
            foreach (var m in p.Measures)
            {
                Line("施策", m.Code, m.Name, null, null, null, bold: true);
                foreach (var i in m.Indicators)
                    Line("指標", "", i.Name, null, $"目標 {N(i.Target)}{i.Unit}／実績 {N(i.Actual)}{i.Unit}／達成率 {(i.RatePercent is decimal rate ? rate.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "－")}", null);
                foreach (var x in m.Projects) Line("事務事業", x.Code, x.Name, x.Unit, x.Done, x.Settled);
                Line("小計", m.Code, $"{m.Name} 計", null, null, m.Settled, bold: true);
            }
            Line("合計", p.Code, $"{p.Name} 計", null, null, p.Settled, bold: true);
        }
        Line("総計", "", "総計", null, null, Settled, bold: true);
        ws.Range(4, 5, Math.Max(4, r - 1), 5).Style.Alignment.WrapText = true;
        double[] widths = [10, 10, 34, 22, 60, 14];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];
        ws.SheetView.FreezeRows(3);
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.SetRowsToRepeatAtTop(3, 3);
        wb.SaveAs(output);
    }

    private static string N(decimal? v) => v is decimal d ? d.ToString("#,##0.##", CultureInfo.InvariantCulture) : "－";
}

/// Plan codes in their natural order: 1-2 before 1-10.
public sealed class CodeOrder : IComparer<string>
{
    public static readonly CodeOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('-');
        var b = (y ?? "").Split('-');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = int.TryParse(a[i], out var ai) && int.TryParse(b[i], out var bi) ? ai.CompareTo(bi) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }
}
