using ClosedXML.Excel;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Importing;
using Komaki.Management.TestSheets;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Evaluations;

/// The real evaluation history transformed: year blocks labelled and put newest first read as the original; the
/// labels, not the positions, decide the years; a total headed 事業費合計 is the same column; and a sheet without
/// the rating and conclusion columns leaves the stored ratings and a person's 改善内容 as they are.
public class LegacyEvaluationHistoryTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static byte[] Fixture() => LegacyEvaluationImportTests.Fixture();

    private async Task<(ImportReport Report, ImportChoices Choices)> PreviewAsync(byte[] file, ImportChoices? choices = null)
    {
        choices ??= LegacyEvaluationImportTests.InThousands;
        var first = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: false, choices);
        var all = choices with { Units = first.UnmappedUnits.ToDictionary(u => u.ChoiceKey, _ => UnitChoice.Create) };
        return (await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: false, all), all);
    }

    private static string Stored(ImportReport report) =>
        string.Join("\n", report.Created.Concat(report.Updated).Select(c => $"{c.Key}: {string.Join("; ", c.Changes.Select(f => $"{f.Field} {f.Old} → {f.New}"))}").Order());

    /// The starting columns of the year blocks (国庫支出金 on the header row) and their width.
    private static (List<int> Starts, int Width, int HeaderRow) Blocks(IXLWorksheet ws)
    {
        var headerRow = ws.Row(2).CellsUsed().Any(c => c.GetString().Contains("課長等意見")) ? 2 : 3;
        var starts = ws.Row(headerRow).CellsUsed().Where(c => c.GetString().StartsWith("国庫支出金", StringComparison.Ordinal)).Select(c => c.Address.ColumnNumber).ToList();
        return (starts, starts[1] - starts[0], headerRow);
    }

    private static void LabelYears(IXLWorksheet ws, string[] labels)
    {
        ws.Row(1).InsertRowsAbove(1);
        var (starts, _, _) = Blocks(ws);
        for (var i = 0; i < starts.Count; i++) ws.Cell(1, starts[i]).SetValue(labels[i]);
    }

    [Fact]
    public async Task Year_blocks_read_by_their_labels_in_any_order_and_wording()
    {
        var (baseline, _) = await PreviewAsync(Fixture());
        Assert.Empty(baseline.Refused);
        Assert.Contains(baseline.Warnings, w => w.Reason.Contains("年度の見出しがないため"));
        var years = new[] { "令和2年度", "R3", "2022年度", "令和5年度", "R6", "令和7年度" };

        // Labelled in place, with 事業費計 worded 事業費合計: the same history, and no warning about positions.
        var labelled = CitySheets.Edit(Fixture(), ws =>
        {
            foreach (var c in ws.CellsUsed().Where(c => c.GetString() == "事業費計")) c.SetValue("事業費合計");
            LabelYears(ws, years);
        });
        var (sameReport, _) = await PreviewAsync(labelled);
        Assert.Empty(sameReport.Refused);
        Assert.DoesNotContain(sameReport.Warnings, w => w.Reason.Contains("年度の見出しがないため"));
        Assert.Equal(Stored(baseline), Stored(sameReport));

        // Newest first: the blocks moved with their labels read as the same years.
        var newestFirst = CitySheets.Edit(labelled, ws =>
        {
            var (starts, width, _) = Blocks(ws);
            var last = ws.LastRowUsed()!.RowNumber();
            for (var i = 0; i < starts.Count / 2; i++)
            {
                var (a, b) = (starts[i], starts[starts.Count - 1 - i]);
                for (var offset = 0; offset < width; offset++)
                {
                    for (var r = 1; r <= last; r++)
                    {
                        var (x, y) = (ws.Cell(r, a + offset), ws.Cell(r, b + offset));
                        var (vx, vy) = (x.Value, y.Value);
                        x.Value = vy;
                        y.Value = vx;
                    }
                }
            }
        });
        var (reordered, _) = await PreviewAsync(newestFirst);
        Assert.Empty(reordered.Refused);
        Assert.Equal(Stored(baseline), Stored(reordered));

        // Labels that say other years than the positions would: the labels decide, so the history differs.
        var (relabelled, _) = await PreviewAsync(CitySheets.Edit(Fixture(), ws => LabelYears(ws, years.Reverse().ToArray())));
        Assert.NotEqual(Stored(baseline), Stored(relabelled));
    }

    private static readonly string[] OlderExportLacks =
        ["公共関与の妥当性", "成果の向上余地", "事業費の削減余地", "人件費の削減余地", "受益機会・費用負担の適正化余地", "全体総括・今後の改革改善の内容"];

    [Fact]
    public async Task A_sheet_without_the_rating_and_conclusion_columns_leaves_them_as_stored()
    {
        var (_, choices) = await PreviewAsync(Fixture());
        Assert.True((await app.ImportAsync(SheetKind.Evaluations, Fixture(), 2025, apply: true, choices)).Applied);
        var project = app.WithDb(db => db.Projects.Single(p => p.Code == "0086").Id);
        const string PersonsText = "担当課が書いた改善内容：周知方法を見直し、不法投棄の多い地区の巡回を増やす。";
        app.WithDb(db =>
        {
            var e = db.ProjectEvaluations.Single(x => x.ProjectId == project && x.FiscalYear == 2025);
            e.Improvement = PersonsText;
            return db.SaveChanges();
        });
        var before = app.WithDb(db => db.ProjectEvaluations.AsNoTracking().Single(x => x.ProjectId == project && x.FiscalYear == 2025));
        Assert.NotNull(before.Necessity);

        // An older export: only 今後の方向性 among the evaluation columns.
        var older = CitySheets.Edit(Fixture(), ws =>
        {
            var header = ws.Row(2).CellsUsed().Any(c => c.GetString().Contains("課長等意見")) ? 2 : 3;
            foreach (var name in OlderExportLacks)
            {
                foreach (var cell in ws.Range(1, 1, header, ws.LastColumnUsed()!.ColumnNumber()).CellsUsed().Where(c => Komaki.Management.Core.Excel.HeaderMap.Key(c.GetString()) == name).ToList())
                    cell.SetValue("（旧様式では空き）");
            }
        });
        var report = await app.ImportAsync(SheetKind.Evaluations, older, 2025, apply: true, choices);
        Assert.Empty(report.Refused);
        var after = app.WithDb(db => db.ProjectEvaluations.AsNoTracking().Single(x => x.ProjectId == project && x.FiscalYear == 2025));
        Assert.Equal(PersonsText, after.Improvement);
        Assert.Equal((before.Necessity, before.Effectiveness, before.Efficiency, before.Equity), (after.Necessity, after.Effectiveness, after.Efficiency, after.Equity));
        Assert.DoesNotContain("前システムの区分", after.Improvement);
    }
}
