using System.Diagnostics;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Importing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Komaki.Management.IntegrationTests.Evaluations;

/// Years of evaluations from another city's system, as it exported them (tests/Fixtures/real).
public class LegacyEvaluationImportTests(KomakiFactory app, ITestOutputHelper output) : IClassFixture<KomakiFactory>
{
    internal static byte[] Fixture() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ofunato-jimujigyo-hyoka-R7.xlsx"));

    internal static readonly ImportChoices InThousands = new() { YenPerUnit = 1000 };

    [Fact]
    public async Task The_real_export_is_read_by_meaning_asks_for_units_and_unit_names_then_writes_whole_and_reimports_unchanged()
    {
        var file = Fixture();
        var before = app.Snapshot();
        var unitsBefore = app.WithDb(db => db.OrgUnits.Count());

        // The sheet states no unit for its amounts: the import asks instead of assuming 千円.
        var asked = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: false);
        Assert.True(asked.NeedsAmountUnit);
        Assert.False(asked.CanApply);

        // 部課名 this city has not registered refuse their rows, named; nothing is created on the way.
        var sw = Stopwatch.StartNew();
        var preview = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: false, InThousands);
        output.WriteLine($"preview {sw.ElapsedMilliseconds} ms: created {preview.Created.Count}, refused {preview.Refused.Count}, unmapped units {preview.UnmappedUnits.Count}");
        Assert.Null(preview.FileError);
        Assert.Equal("データ集計マクロ用シート", preview.SheetName);
        Assert.NotEmpty(preview.UnmappedUnits);
        Assert.Equal(preview.UnmappedUnits.Sum(u => u.Count), preview.Refused.Count);
        Assert.All(preview.Refused, r => Assert.Contains("に当たる組織が登録されていません", r.Reason));
        var environment = Assert.Single(preview.UnmappedUnits, u => u.Name == "市民生活部市民環境課");
        Assert.Equal("部「市民生活部」の下に課「市民環境課」を登録", environment.Proposal);
        Assert.Equal(unitsBefore, app.WithDb(db => db.OrgUnits.Count()));

        // Directions by meaning through the label table: 「２　改革改善（縮小・統合含む）」 is 改善, never 統合.
        Assert.Contains(preview.LabelsUsed, l => l is { Kind: "今後の方向性", Label: "２　改革改善（縮小・統合含む）", Meaning: "改善" });
        // No year headings: the blocks are placed by position, and the preview asks to confirm that as a warning.
        Assert.Contains(preview.Warnings, w => w.Reason.Contains("古い順に 令和2年度〜令和7年度"));
        Assert.Contains(preview.Notes, n => n.Contains("延べ業務時間 ÷ 1,800時間"));
        Assert.Contains(preview.Notes, n => n.Contains("「実施計画」の列の印（158 行）は読みません"));
        Assert.Contains(preview.IgnoredColumns, c => c.Letter == "V" && c.Header == "課長名");
        Assert.Contains(preview.AmountUnits, u => u.Contains("千円（シートに単位の記載がないため、取り込み時に選ばれた単位）"));

        var register = InThousands with { Units = preview.UnmappedUnits.ToDictionary(u => u.ChoiceKey, _ => UnitChoice.Create) };
        var ready = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: false, register);
        Assert.Empty(ready.Refused);
        Assert.Equal(407, ready.Created.Count);
        Assert.Contains(ready.Warnings, w => w.Reason.Contains("の名称が") && w.Reason.Contains("2通り"));
        // 0090 wrote its actuals with a breakdown in brackets: they are named and left blank, never cut to a number.
        Assert.Contains(ready.Warnings, w => w.Row == 341 && w.Reason.Contains("実績「36（1）」は数値ではないため取り込みません（CJ341"));
        Assert.Equal(before, app.Snapshot());

        sw.Restart();
        var written = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: true, register);
        output.WriteLine($"write {sw.ElapsedMilliseconds} ms");
        Assert.True(written.Applied);

        // Units exactly for the names the file carries: one 課 per unmapped 部課名, and each 部 named once.
        var created = app.WithDb(db => db.OrgUnits.Where(u => u.Code.StartsWith("IMP")).ToList());
        Assert.Equal(preview.UnmappedUnits.Count, created.Count(u => u.Level == Core.Organization.OrgUnitLevel.Division || !created.Any(c => c.ParentId == u.Id)));
        Assert.Equal(created.Count, created.Select(u => (u.ParentId, u.Name)).Distinct().Count());
        Assert.DoesNotContain(created, u => u.Name.Contains("未設定"));

        var project = app.WithDb(db => db.Projects.Include(p => p.Measure).ThenInclude(m => m!.Policy).Single(p => p.Code == "0086"));
        Assert.Equal("不法投棄対策事業", project.Name);
        Assert.Equal("6-21", project.Measure!.Code);
        Assert.Equal("6", project.Measure.Policy!.Code);
        Assert.Equal("市民環境課", app.WithDb(db => db.OrgUnits.Single(u => u.Id == project.OwnerUnitId).Name));
        var evaluation = app.WithDb(db => db.ProjectEvaluations.Single(e => e.ProjectId == project.Id && e.FiscalYear == 2025));
        Assert.Equal(Direction.Continue, evaluation.FirstDirection);
        // The previous system's wording of the direction is shown in the preview, never written into the 改善内容.
        Assert.DoesNotContain("前システムの区分", evaluation.Improvement ?? "");
        Assert.Equal(EvaluationState.Published, evaluation.State);
        // R6 (the fifth block) for 0086: 事業費計 2,843千円, 人件費 1,120千円 → total 3,963千円, as in the sheet;
        // 3 staff worked 280 hours: 280 ÷ 1,800 = 0.16 人工, not 3.
        Assert.Equal(2_843_000, evaluation.SettledCost);
        Assert.Equal(3_963_000, evaluation.FullCost);
        Assert.Equal(0.16m, evaluation.StaffPersonYears);
        Assert.Equal(7_200_000, evaluation.StaffCostPerPersonYear);
        var r2 = app.WithDb(db => db.BudgetLines.Single(b => b.ProjectId == project.Id && b.FiscalYear == 2020));
        Assert.Equal((3_089_000L, 3_089_000L, 0L), (r2.Settled!.Value, r2.SettledGeneral!.Value, r2.SettledNational!.Value));
        var indicator = app.WithDb(db => db.Indicators.Include(i => i.Values).Single(i => i.ProjectId == project.Id && i.Name == "啓発看板の設置基数"));
        Assert.Equal(11m, indicator.Values.Single(v => v.FiscalYear == 2020).Actual);
        Assert.Equal(1, app.WithDb(db => db.Projects.Count(p => p.Code == "0086")));
        var imported = app.WithDb(db => db.ProjectEvaluations.Where(e => e.FirstReviewedBy == "（前システムから取込）").GroupBy(e => e.FirstDirection).ToDictionary(g => g.Key!.Value, g => g.Count()));
        Assert.Equal(185, imported[Direction.Improve]);
        Assert.False(imported.ContainsKey(Direction.Merge));
        Assert.Equal(207, imported[Direction.Continue]);
        Assert.Equal(15, imported[Direction.SuspendOrAbolish]);

        // The names are remembered: the same file again needs only the unit of amounts, adds no unit, changes nothing.
        var unitsAfter = app.WithDb(db => db.OrgUnits.Count());
        var again = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: true, InThousands);
        foreach (var u in again.Updated.Take(3)) output.WriteLine($"again {u.Key}: {string.Join("; ", u.Changes.Select(x => $"{x.Field} {x.Old}->{x.New}"))}");
        Assert.Empty(again.UnmappedUnits);
        Assert.Empty(again.Created);
        Assert.Empty(again.Updated);
        Assert.Equal(407, again.Unchanged);
        Assert.Equal(unitsAfter, app.WithDb(db => db.OrgUnits.Count()));
    }
}

/// The same export with one label the city's table does not know; a factory of its own, because it writes the file.
public class LegacyEvaluationLabelTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static byte[] Fixture() => LegacyEvaluationImportTests.Fixture();

    private static readonly ImportChoices InThousands = LegacyEvaluationImportTests.InThousands;

    [Fact]
    public async Task A_row_whose_direction_is_not_in_the_label_table_is_refused_until_planning_says_what_it_means()
    {
        var edited = Komaki.Management.TestSheets.CitySheets.Edit(Fixture(), ws =>
        {
            var column = ws.Row(2).CellsUsed().First(c => c.GetString().Contains("課長等意見")).Address.ColumnNumber;
            ws.Cell(10, column).SetValue("要検討");
        });
        var before = app.Snapshot();
        var unitsBefore = app.WithDb(db => db.OrgUnits.Count());
        var allUnits = (await app.ImportAsync(SheetKind.Evaluations, edited, 2025, apply: false, InThousands)).UnmappedUnits
            .ToDictionary(u => u.ChoiceKey, _ => UnitChoice.Create);
        var report = await app.ImportAsync(SheetKind.Evaluations, edited, 2025, apply: true, InThousands with { Units = allUnits });
        Assert.False(report.Applied);
        var refused = Assert.Single(report.Refused);
        Assert.Equal(10, refused.Row);
        Assert.Contains("今後の方向性「要検討」が何を意味するか、取り込みラベルの対応表にありません", refused.Reason);
        var unmapped = Assert.Single(report.UnmappedLabels);
        Assert.Equal(("要検討", 1), (unmapped.Label, unmapped.Count));
        Assert.Equal(before, app.Snapshot());
        // Units the user asked to register were rolled back with everything else.
        Assert.Equal(unitsBefore, app.WithDb(db => db.OrgUnits.Count()));

        // Planning says 要検討 means 縮小: the file goes in, and the table remembers it.
        var labels = new Dictionary<string, int> { [unmapped.ChoiceKey] = (int)Direction.Reduce };
        var written = await app.ImportAsync(SheetKind.Evaluations, edited, 2025, apply: true, InThousands with { Units = allUnits, Labels = labels });
        Assert.True(written.Applied);
        var mapping = app.WithDb(db => db.LabelMappings.Single(m => m.Label == "要検討"));
        Assert.Equal((LabelKind.Direction, (int)Direction.Reduce), (mapping.Kind, mapping.Value));
        var history = app.WithDb(db => db.AuditEntries.Count(a => a.RecordType == "LabelMapping" && a.RecordId == mapping.Id.ToString()));
        Assert.Equal(1, history);
    }
}
