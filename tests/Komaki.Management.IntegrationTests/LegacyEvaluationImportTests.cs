using System.Diagnostics;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Importing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Komaki.Management.IntegrationTests;

/// Years of evaluations from another city's system, as it exported them (tests/Fixtures/real).
public class LegacyEvaluationImportTests(KomakiFactory app, ITestOutputHelper output) : IClassFixture<KomakiFactory>
{
    private static byte[] Fixture() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ofunato-jimujigyo-hyoka-R7.xlsx"));

    [Fact]
    public async Task The_real_export_is_previewed_written_whole_and_reimporting_it_changes_nothing()
    {
        var file = Fixture();
        var before = app.Snapshot();
        var sw = Stopwatch.StartNew();
        var preview = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: false);
        output.WriteLine($"preview {sw.ElapsedMilliseconds} ms: created {preview.Created.Count}, refused {preview.Refused.Count}, warnings {preview.Warnings.Count}, skipped {preview.Skipped.Count}");
        foreach (var r in preview.Refused.Take(5)) output.WriteLine($"refused {r.Row}: {r.Reason}");
        Assert.Null(preview.FileError);
        Assert.Empty(preview.Refused);
        Assert.Equal(407, preview.Created.Count);
        Assert.Contains(preview.Notes, n => n.Contains("古い順に 令和2年度〜令和7年度"));
        Assert.Contains(preview.Warnings, w => w.Reason.Contains("の名称が") && w.Reason.Contains("2通り"));
        Assert.Equal(before, app.Snapshot());

        sw.Restart();
        var written = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: true);
        output.WriteLine($"write {sw.ElapsedMilliseconds} ms");
        Assert.True(written.Applied);
        var project = app.WithDb(db => db.Projects.Include(p => p.Measure).ThenInclude(m => m!.Policy).Single(p => p.Code == "0086"));
        Assert.Equal("不法投棄対策事業", project.Name);
        Assert.Equal("6-21", project.Measure!.Code);
        Assert.Equal("6", project.Measure.Policy!.Code);
        var evaluation = app.WithDb(db => db.ProjectEvaluations.Single(e => e.ProjectId == project.Id && e.FiscalYear == 2025));
        Assert.Equal(Direction.Continue, evaluation.FirstDirection);
        Assert.Contains("１　現状維持", evaluation.Improvement);
        Assert.Equal(EvaluationState.Published, evaluation.State);
        // R6 (the fifth block) for 0086: 事業費計 2,843千円, 人件費 1,120千円 → total 3,963千円, as in the sheet.
        Assert.Equal(2_843_000, evaluation.SettledCost);
        Assert.Equal(3_963_000, evaluation.FullCost);
        var r2 = app.WithDb(db => db.BudgetLines.Single(b => b.ProjectId == project.Id && b.FiscalYear == 2020));
        Assert.Equal((3_089_000L, 3_089_000L, 0L), (r2.Settled!.Value, r2.SettledGeneral!.Value, r2.SettledNational!.Value));
        var indicator = app.WithDb(db => db.Indicators.Include(i => i.Values).Single(i => i.ProjectId == project.Id && i.Name == "啓発看板の設置基数"));
        Assert.Equal(11m, indicator.Values.Single(v => v.FiscalYear == 2020).Actual);
        Assert.Equal(1, app.WithDb(db => db.Projects.Count(p => p.Code == "0086")));

        var again = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: false);
        foreach (var u in again.Updated.Take(3)) output.WriteLine($"again {u.Key}: {string.Join("; ", u.Changes.Select(x => $"{x.Field} {x.Old}->{x.New}"))}");
        Assert.Empty(again.Created);
        Assert.Empty(again.Updated);
        Assert.Equal(407, again.Unchanged);
    }

    [Fact]
    public async Task A_row_whose_direction_cannot_be_read_refuses_the_whole_file_with_its_row()
    {
        var edited = Komaki.Management.TestSheets.CitySheets.Edit(Fixture(), ws =>
        {
            var column = ws.Row(2).CellsUsed().First(c => c.GetString().Contains("課長等意見")).Address.ColumnNumber;
            ws.Cell(10, column).SetValue("要検討");
        });
        var before = app.Snapshot();
        var unitsBefore = app.WithDb(db => db.OrgUnits.Count());
        var report = await app.ImportAsync(SheetKind.Evaluations, edited, 2025, apply: true);
        Assert.False(report.Applied);
        var refused = Assert.Single(report.Refused);
        Assert.Equal(10, refused.Row);
        Assert.Contains("今後の方向性「要検討」を読み取れません。", refused.Reason);
        Assert.Equal(before, app.Snapshot());
        // Units created on the way were rolled back with everything else.
        Assert.Equal(unitsBefore, app.WithDb(db => db.OrgUnits.Count()));
    }
}
