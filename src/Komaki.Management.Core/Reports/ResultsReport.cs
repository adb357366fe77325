using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Reports;

/// 主要施策成果説明書: the yearly report to the council with the settled accounts — per policy and measure, in plan
/// code order, what each project achieved, its settled cost, and the measure's indicators against their targets.
/// 「取組の成果」 is written only from the year's results — the 主要事業's year-end progress, the project's indicator
/// actuals judged as ADR 0004 judges them, and the confirmed evaluation's finding. Plan text (what was to be done) is
/// never used: where no result exists the report says 未記入, and Unwritten lists what is missing for planning.
public sealed record ResultsReport(int FiscalYear, string PlanName, IReadOnlyList<ResultsReport.PolicyPart> Policies)
{
    public const string NotWritten = "未記入";

    /// What the report reads: the plan, indicator values, settled budgets and execution plans, evaluations, the
    /// city's direction labels and the units' names.
    public static readonly IReadOnlyList<string> Areas =
        [DataArea.Plan, DataArea.Indicators, DataArea.Do, DataArea.Check, DataArea.Settings, DataArea.Organization];

    /// What each part reads: the frame everything but the indicators, which are saved all through the busy season.
    public static readonly IReadOnlyList<string> FrameAreas = Areas.Where(a => a != DataArea.Indicators).ToList();
    public static readonly IReadOnlyList<string> IndicatorAreas = [DataArea.Indicators];

    /// The indicator half of a year's report reads the indicators and their values of that year and before: a value
    /// saved for a later year leaves it, and the whole report, kept.
    public static IReadOnlyList<string> IndicatorAreasOf(int year) => [DataArea.IndicatorsUpTo(year)];

    /// The whole report of a year: the frame's areas and the year's indicator half.
    public static IReadOnlyList<string> AreasOf(int year) => [.. FrameAreas, DataArea.IndicatorsUpTo(year)];

    public sealed record IndicatorLine(string Name, string Unit, decimal? Target, decimal? Actual, IndicatorJudgment Judgment, decimal Weight = 1m)
    {
        public decimal? RatePercent => Judgment.Achievement.RatePercent;
    }

    /// Results: one sentence per result found; Missing: what would have given one.
    public sealed record ProjectLine(int ProjectId, string Code, string Name, string Unit, long? Settled, IReadOnlyList<string> Results, IReadOnlyList<string> Missing)
    {
        public string Done => Results.Count == 0 ? NotWritten : string.Join("\n", Results);
    }

    public sealed record MeasurePart(string Code, string Name, IReadOnlyList<IndicatorLine> Indicators, IReadOnlyList<ProjectLine> Projects)
    {
        public long Settled => Projects.Sum(p => p.Settled ?? 0);

        /// The measure's indicators rolled up as everywhere else (ADR 0004), for its 施策の状況 (MeasureStandings).
        public RolledUp Result => RollUp.Measure(Indicators.Select(i => (i.Judgment, i.Weight)));
    }

    public sealed record PolicyPart(string Code, string Name, IReadOnlyList<MeasurePart> Measures)
    {
        public long Settled => Measures.Sum(m => m.Settled);
    }

    public long Settled => Policies.Sum(p => p.Settled);

    /// The projects whose 取組の成果 reads 未記入, in report order.
    public IReadOnlyList<ProjectLine> Unwritten => Policies.SelectMany(p => p.Measures).SelectMany(m => m.Projects).Where(x => x.Results.Count == 0).ToList();

    /// Built with a fixed number of queries; the plan is the basic plan in force in the year.
    public static async Task<ResultsReport> BuildAsync(AppDbContext db, int fiscalYear, Func<int, string> unitName, CancellationToken ct = default) =>
        Compose(await ResultsFrame.LoadAsync(db, fiscalYear, unitName, ct), await ResultsIndicators.LoadAsync(db, fiscalYear, ct));

    /// The report from its two parts: for each project the execution result, then its indicators, then the evaluation.
    public static ResultsReport Compose(ResultsFrame frame, ResultsIndicators indicators) =>
        new(frame.FiscalYear, frame.PlanName, frame.Policies.Select(p => new PolicyPart(p.Code, p.Name, p.Measures.Select(m => new MeasurePart(m.Code, m.Name,
            indicators.OfMeasure(m.Id), m.Projects.Select(x =>
            {
                var own = indicators.OfProject(x.Id);
                var results = new[] { x.Execution }.Concat(own.Select(i => i.Result)).Append(x.Evaluation).OfType<string>().ToList();
                var missing = new[] { x.ExecutionMissing }.Concat(own.Select(i => i.Missing)).Append(x.EvaluationMissing).OfType<string>().ToList();
                return new ProjectLine(x.Id, x.Code, x.Name, x.Unit, x.Settled, results, missing);
            }).ToList())).ToList())).ToList());

    /// 実績 12件（目標 10件、達成率 120.0%、基準値から 80.0% 前進、傾向 改善）, with 基準値より悪化 when it is.
    public static string Describe(string unit, decimal? target, decimal actual, IndicatorJudgment j)
    {
        var parts = new List<string>();
        if (target is decimal t) parts.Add($"目標 {N(t)}{unit}");
        if (j.Achievement.RatePercent is decimal r) parts.Add($"達成率 {Pct(r)}");
        if (j.WorseThanBaseline) parts.Add("基準値より悪化");
        else if (j.ProgressPercent is decimal g) parts.Add($"基準値からの進み具合 {Pct(g)}");
        if (j.Trend != Trend.Unknown) parts.Add($"傾向 {j.Trend.Label()}");
        return $"実績 {N(actual)}{unit}" + (parts.Count == 0 ? "" : $"（{string.Join("、", parts)}）");
    }

    private static string Pct(decimal v) => v.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// edition: which version this is (提出日と版, or that it is not the one submitted), written under the title.
    public void WriteExcel(Stream output, string? edition = null)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("主要施策成果説明書");
        SheetCells.Title(ws, $"{Wareki.FiscalYear(FiscalYear)} 主要施策成果説明書");
        SheetCells.Text(ws.Cell(2, 1), PlanName);
        SheetCells.Text(ws.Cell(2, 6), "（単位：千円）");
        if (edition is not null) SheetCells.Text(ws.Cell(2, 3), edition);
        string[] headers = ["区分", "コード", "名称", "担当課", "取組の成果・指標", "決算額"];
        SheetCells.Texts(ws, 3, 1, headers);
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
                    Line("指標", "", i.Name, null, i.Actual is decimal a ? Describe(i.Unit, i.Target, a, i.Judgment) : $"目標 {NumberText.WithUnit(i.Target, i.Unit, d => N(d))}／実績 {NumberText.NoValue}", null);
                foreach (var x in m.Projects) Line("事務事業", x.Code, x.Name, x.Unit, x.Done, x.Settled);
                Line("小計", m.Code, $"{m.Name} 計", null, null, m.Settled, bold: true);
            }
            Line("合計", p.Code, $"{p.Name} 計", null, null, p.Settled, bold: true);
        }
        Line("総計", "", "総計", null, null, Settled, bold: true);
        ws.Range(4, 5, Math.Max(4, r - 1), 5).Style.Alignment.WrapText = true;
        SheetCells.Widths(ws, [10, 10, 34, 22, 60, 14]);
        ws.SheetView.FreezeRows(3);
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.SetRowsToRepeatAtTop(3, 3);
        wb.SaveAs(output);
    }

    private static string N(decimal? v) => v is decimal d ? d.ToString("#,##0.##", CultureInfo.InvariantCulture) : "－";
}
