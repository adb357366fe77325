using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Importing;
using Komaki.Management.TestSheets;
using Microsoft.EntityFrameworkCore;
using static Komaki.Management.TestSheets.RawXlsx;

namespace Komaki.Management.IntegrationTests.Importing;

/// The corpus of messy sheets: each test writes a sheet with one trap seen in real municipal files (or in
/// ../shared/docs/domain.md, "Excel") and imports it into the real database. Each either stores exactly what the
/// sheet means — checked field by field in the database — or is refused with its row and reason. None may pass
/// with a silent difference. Each 実施計画 case writes into an edition of its own year, so cases do not meet.
public class MessySheetTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static readonly string[] PlanHeaders = ["事業コード", "事務事業名", "年度", "区分", "事業内容", "事業費", "国庫支出金", "県支出金", "地方債", "その他特定財源", "一般財源"];

    /// A 実施計画 sheet: a title with the unit, our headers in row 2, rows from row 3.
    private static string PlanSheet(params object?[][] rows) =>
        RowsFrom(1, [["実施計画（単位：千円）"], PlanHeaders, .. rows]);

    private static object?[] Line(string code, string year, long cost, long national = 0, string status = "継続", string content = "事業を実施する。") =>
        [code, null, year, status, content, cost, national, 0, 0, 0, cost - national];

    private Task<ImportReport> Plan(byte[] file, int edition, bool apply = true, ImportChoices? choices = null) =>
        app.ImportAsync(SheetKind.ImplementationPlan, file, edition, apply, choices);

    private ImplementationPlanLine? Stored(int edition, string code, int year) => app.WithDb(db => db.ImplementationPlanLines.AsNoTracking()
        .SingleOrDefault(l => l.ImplementationPlan!.FiscalYear == edition && l.Project!.Code == code && l.FiscalYear == year));

    private int LinesOf(int edition) => app.WithDb(db => db.ImplementationPlanLines.Count(l => l.ImplementationPlan!.FiscalYear == edition));

    private static void Written(ImportReport report)
    {
        Assert.Null(report.FileError);
        Assert.False(report.NeedsChoice, string.Join(" ", report.OpenChoices()));
        Assert.Empty(report.Refused);
        Assert.True(report.Applied);
    }

    private static ImportIssue RefusedAt(ImportReport report, int row, string reason)
    {
        Assert.False(report.Applied);
        var refused = Assert.Single(report.Refused, r => r.Row == row);
        Assert.Contains(reason, refused.Reason);
        return refused;
    }

    [Fact]
    public async Task An_example_sheet_in_front_of_the_real_one_is_skipped_with_a_note()
    {
        var file = Build([new Sheet("記入例", PlanSheet(Line("1-1-01", "R13", 999_999))), new Sheet("実施計画", PlanSheet(Line("1-1-01", "R13", 1_200)))]);
        var report = await Plan(file, 2031);
        Written(report);
        Assert.Equal("実施計画", report.SheetName);
        Assert.Contains("シート「記入例」は記入例・サンプルのため読みませんでした。", report.Notes);
        Assert.Equal(1_200_000, Stored(2031, "1-1-01", 2031)!.Cost);
    }

    [Fact]
    public async Task A_hidden_sheet_is_not_read()
    {
        var file = Build([new Sheet("旧", PlanSheet(Line("1-1-01", "R14", 5)), Hidden: true), new Sheet("新", PlanSheet(Line("1-1-01", "R14", 7)))]);
        var report = await Plan(file, 2032);
        Written(report);
        Assert.Contains("シート「旧」は非表示のため読みませんでした。", report.Notes);
        Assert.Equal(7_000, Stored(2032, "1-1-01", 2032)!.Cost);
    }

    [Fact]
    public async Task Two_sheets_that_both_fit_are_listed_for_the_user_to_pick()
    {
        var file = Build([new Sheet("総務部", PlanSheet(Line("1-1-01", "R15", 11))), new Sheet("建設部", PlanSheet(Line("1-1-02", "R15", 22)))]);
        var asked = await Plan(file, 2033);
        Assert.Equal(["総務部", "建設部"], asked.SheetChoices);
        Assert.False(asked.Applied);
        Assert.Equal(0, LinesOf(2033));
        var report = await Plan(file, 2033, choices: new ImportChoices { Sheet = "建設部" });
        Written(report);
        Assert.Null(Stored(2033, "1-1-01", 2033));
        Assert.Equal(22_000, Stored(2033, "1-1-02", 2033)!.Cost);
    }

    [Fact]
    public async Task Old_and_new_code_columns_are_refused_with_both_letters_until_one_is_picked()
    {
        var sheet = RowsFrom(1,
            ["（単位：千円）"],
            ["事業コード（旧）", "事業コード（新）", "年度", "事業費", "国庫支出金", "県支出金", "地方債", "その他特定財源", "一般財源"],
            ["1-1-01", "1-1-02", "R16", 300, 0, 0, 0, 0, 300]);
        var asked = await Plan(Build(sheet), 2034);
        var conflict = Assert.Single(asked.ColumnConflicts);
        Assert.Contains("A列「事業コード（旧）」", conflict.Describe());
        Assert.Contains("B列「事業コード（新）」", conflict.Describe());
        Assert.Equal(0, LinesOf(2034));
        var report = await Plan(Build(sheet), 2034, choices: new ImportChoices { Columns = new() { [conflict.ChoiceKey] = 2 } });
        Written(report);
        Assert.Null(Stored(2034, "1-1-01", 2034));
        Assert.Equal(300_000, Stored(2034, "1-1-02", 2034)!.Cost);
    }

    [Fact]
    public async Task A_unit_note_below_the_table_decides_the_unit()
    {
        var sheet = RowsFrom(1, PlanHeaders, Line("1-1-01", "R17", 1_234_567), [], ["（単位：円）"]);
        var report = await Plan(Build(sheet), 2035);
        Written(report);
        Assert.Equal("円（A4の注記「（単位：円）」から）", Assert.Single(report.AmountUnits));
        var line = Stored(2035, "1-1-01", 2035)!;
        Assert.Equal((1_234_567L, 1_234_567L), (line.Cost, line.Funding.General));
    }

    [Fact]
    public async Task Two_unit_notes_that_disagree_refuse_the_file()
    {
        var sheet = RowsFrom(1, ["（単位：千円）"], PlanHeaders, Line("1-1-01", "R18", 100), [], ["（単位：円）"]);
        var report = await Plan(Build(sheet), 2036);
        Assert.Contains("金額の単位の注記が食い違っています", report.FileError);
        Assert.Contains("A1「（単位：千円）」", report.FileError);
        Assert.Contains("A5「（単位：円）」", report.FileError);
        Assert.Equal(0, LinesOf(2036));
    }

    [Fact]
    public async Task A_header_unit_that_disagrees_with_the_note_refuses_the_file()
    {
        var sheet = RowsFrom(1, ["（単位：千円）"],
            ["事業コード", "年度", "事業費（円）", "国庫支出金", "県支出金", "地方債", "その他特定財源", "一般財源"], ["1-1-01", "R18", 100, 0, 0, 0, 0, 100]);
        var report = await Plan(Build(sheet), 2036);
        Assert.Contains("C列の見出し「事業費（円）」の単位が、A1の注記「（単位：千円）」と食い違っています", report.FileError);
    }

    [Fact]
    public async Task A_sheet_that_states_no_unit_asks_for_it_instead_of_assuming_thousands()
    {
        var sheet = RowsFrom(1, PlanHeaders, Line("1-1-01", "R19", 250));
        var asked = await Plan(Build(sheet), 2037);
        Assert.True(asked.NeedsAmountUnit);
        Assert.Equal(0, LinesOf(2037));
        var report = await Plan(Build(sheet), 2037, choices: new ImportChoices { YenPerUnit = 1 });
        Written(report);
        Assert.Equal(250, Stored(2037, "1-1-01", 2037)!.Cost);
        Assert.Contains("円（シートに単位の記載がないため、取り込み時に選ばれた単位）", report.AmountUnits);
    }

    [Fact]
    public async Task A_code_merged_down_over_three_year_rows_belongs_to_each_of_them()
    {
        var sheet = PlanSheet(Line("1-1-03", "R20", 100), [null, null, "R21", "継続", "x", 200, 0, 0, 0, 0, 200], [null, null, "R22", "継続", "y", 300, 0, 0, 0, 0, 300])
            .Replace("</sheetData>", "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A3:A5\"/></mergeCells>");
        var report = await Plan(Build(sheet), 2038);
        Written(report);
        Assert.Equal(3, report.Created.Count);
        Assert.Equal((100_000L, 200_000L, 300_000L), (Stored(2038, "1-1-03", 2038)!.Cost, Stored(2038, "1-1-03", 2039)!.Cost, Stored(2038, "1-1-03", 2040)!.Cost));
    }

    [Fact]
    public async Task A_remark_that_mentions_a_total_does_not_make_the_row_a_total()
    {
        var sheet = RowsFrom(1, ["（単位：千円）"], [.. PlanHeaders, "備考"], [.. Line("1-1-04", "R23", 480), "合計額は概算"]);
        var report = await Plan(Build(sheet), 2041);
        Written(report);
        Assert.Empty(report.Skipped);
        Assert.Equal(480_000, Stored(2041, "1-1-04", 2041)!.Cost);
        Assert.Contains(report.IgnoredColumns, c => c.Letter == "L" && c.Header == "備考");
    }

    [Fact]
    public async Task Subtotal_and_total_rows_are_told_by_the_code_and_name_columns_and_skipped()
    {
        var sheet = PlanSheet(Line("1-1-01", "R24", 10), [null, "小計", null, null, null, 10, 0, 0, 0, 0, 10], ["合　計", null, null, null, null, 10, 0, 0, 0, 0, 10]);
        var report = await Plan(Build(sheet), 2042);
        Written(report);
        Assert.Equal([4, 5], report.Skipped.Where(s => s.Reason.Contains("小計・合計")).Select(s => s.Row));
        Assert.Equal(1, LinesOf(2042));
    }

    [Fact]
    public async Task A_footnote_under_the_table_is_skipped_as_a_note_not_refused()
    {
        var sheet = PlanSheet(Line("1-1-01", "R25", 10), [], ["※ 事業費には人件費を含みません。"], ["注1）国庫支出金は見込みです。"]);
        var report = await Plan(Build(sheet), 2043);
        Written(report);
        Assert.Equal([5, 6], report.Skipped.Where(s => s.Reason.Contains("注記")).Select(s => s.Row));
    }

    [Fact]
    public async Task A_sheet_without_funding_columns_keeps_the_stored_funding_of_a_line()
    {
        // 1-1-03 in 令和8年度版: cost 125,800千円 = national 62,900 + general 18,870 + other sources. Content changes only.
        var stored = Stored(2026, "1-1-03", 2026)!;
        var sheet = RowsFrom(1, ["（単位：千円）"], ["事業コード", "年度", "事業内容", "事業費"], ["1-1-03", "R8", "備蓄品を更新する。", stored.Cost / 1000]);
        var report = await Plan(Build(sheet), 2026);
        Written(report);
        Assert.Contains(report.Notes, n => n.Contains("財源内訳のうち 国庫支出金・県支出金・地方債・その他特定財源・一般財源 の列がないため"));
        var after = Stored(2026, "1-1-03", 2026)!;
        Assert.Equal("備蓄品を更新する。", after.Content);
        Assert.Equal((stored.Cost, stored.Funding), (after.Cost, after.Funding));
    }

    [Fact]
    public async Task A_new_cost_without_funding_columns_is_refused_when_the_stored_funding_no_longer_adds_up()
    {
        var stored = Stored(2026, "1-1-04", 2026)!;
        var sheet = RowsFrom(1, ["（単位：千円）"], ["事業コード", "年度", "事業費"], ["1-1-04", "R8", stored.Cost / 1000 + 10]);
        var report = await Plan(Build(sheet), 2026);
        RefusedAt(report, 3, "（シートにない財源は登録済みの値のまま） が事業費");
        Assert.Equal(stored.Cost, Stored(2026, "1-1-04", 2026)!.Cost);
    }

    [Fact]
    public async Task A_new_line_without_funding_columns_is_refused_rather_than_funded_from_general_revenue()
    {
        var sheet = RowsFrom(1, ["（単位：千円）"], ["事業コード", "年度", "事業費"], ["1-1-01", "R26", 100]);
        var report = await Plan(Build(sheet), 2044);
        RefusedAt(report, 3, "財源内訳の列がないため、新しく作る行の財源が分かりません");
        Assert.Equal(0, LinesOf(2044));
    }

    [Fact]
    public async Task Codes_written_with_look_alike_hyphens_find_their_project()
    {
        var sheet = PlanSheet(Line("1‐1‐02", "R27", 1), Line("1ー1ー03", "R27", 2), Line("1−1−04", "R27", 3), Line("１－１－０５", "R27", 4));
        var report = await Plan(Build(sheet), 2045);
        Written(report);
        Assert.Equal((1_000L, 2_000L, 3_000L, 4_000L),
            (Stored(2045, "1-1-02", 2045)!.Cost, Stored(2045, "1-1-03", 2045)!.Cost, Stored(2045, "1-1-04", 2045)!.Cost, Stored(2045, "1-1-05", 2045)!.Cost));
    }

    [Fact]
    public async Task A_formula_saved_without_its_value_refuses_its_row_naming_the_cell()
    {
        var sheet = PlanSheet(["1-1-01", null, "R28", "継続", "x", RawCell.Formula("G3+K3"), 0, 0, 0, 0, 100]);
        var report = await Plan(Build(sheet), 2046);
        RefusedAt(report, 3, "F3（事業費）は値が保存されていない数式です");
        Assert.Equal(0, LinesOf(2046));
    }

    [Fact]
    public async Task A_formula_with_its_saved_value_is_read_as_that_value()
    {
        var sheet = PlanSheet(["1-1-01", null, "R29", "継続", "x", RawCell.Formula("K3", "100"), 0, 0, 0, 0, 100]);
        var report = await Plan(Build(sheet), 2047);
        Written(report);
        Assert.Equal(100_000, Stored(2047, "1-1-01", 2047)!.Cost);
    }

    [Fact]
    public async Task An_error_value_refuses_its_row()
    {
        var sheet = PlanSheet(["1-1-01", null, "R30", "継続", "x", 100, 0, 0, 0, 0, RawCell.Error("#DIV/0!")]);
        var report = await Plan(Build(sheet), 2048);
        RefusedAt(report, 3, "K3（一般財源）はエラー値「#DIV/0!」です");
    }

    [Fact]
    public async Task Thousands_separated_by_the_japanese_comma_are_read_and_a_misplaced_separator_is_refused()
    {
        var sheet = PlanSheet(["1-1-01", null, "R31", "継続", "x", "1、234", 0, 0, 0, 0, "1，234"], ["1-1-02", null, "R31", "継続", "x", "1,2", 0, 0, 0, 0, "12"]);
        var report = await Plan(Build(sheet), 2049);
        RefusedAt(report, 4, "事業費「1,2」を金額として読み取れません（F4）");
        var fixedSheet = PlanSheet(["1-1-01", null, "R31", "継続", "x", "1、234", 0, 0, 0, 0, "1，234"]);
        Written(await Plan(Build(fixedSheet), 2049));
        Assert.Equal(1_234_000, Stored(2049, "1-1-01", 2049)!.Cost);
    }

    [Fact]
    public async Task Full_width_digits_and_triangle_minus_are_read_as_staff_mean_them()
    {
        var sheet = PlanSheet(["1-1-01", null, "Ｒ３２", "継続", "x", "１，０００", "△０", "－", "―", "‐", "１０００"]);
        var report = await Plan(Build(sheet), 2050);
        Written(report);
        var line = Stored(2050, "1-1-01", 2050)!;
        Assert.Equal((1_000_000L, 0L, 1_000_000L), (line.Cost, line.Funding.National, line.Funding.General));
    }

    [Fact]
    public async Task A_status_label_the_table_does_not_know_is_refused_then_remembered_once_planning_says_what_it_means()
    {
        var sheet = PlanSheet(Line("1-1-01", "R33", 10, status: "拡大（一部）"));
        var asked = await Plan(Build(sheet), 2051);
        RefusedAt(asked, 3, "実施計画の区分「拡大（一部）」が何を意味するか");
        var unmapped = Assert.Single(asked.UnmappedLabels);
        var report = await Plan(Build(sheet), 2051, choices: new ImportChoices { Labels = new() { [unmapped.ChoiceKey] = (int)ImplementationStatus.Expanded } });
        Written(report);
        Assert.Equal(ImplementationStatus.Expanded, Stored(2051, "1-1-01", 2051)!.Status);
        Assert.Contains(report.LabelsUsed, l => l.Label == "拡大（一部）" && l.Meaning == "拡充" && l.Count == 1);
        // Remembered: the next sheet with the label reads without asking.
        Written(await Plan(Build(PlanSheet(Line("1-1-02", "R33", 10, status: "拡大（一部）"))), 2051));
        Assert.Equal(ImplementationStatus.Expanded, Stored(2051, "1-1-02", 2051)!.Status);
    }

    [Fact]
    public async Task A_status_with_a_full_width_list_number_is_the_status_it_names()
    {
        var report = await Plan(Build(PlanSheet(Line("1-1-01", "R34", 10, status: "１　拡充"), Line("1-1-02", "R34", 10, status: "２．縮小"))), 2052);
        Written(report);
        Assert.Equal((ImplementationStatus.Expanded, ImplementationStatus.Reduced), (Stored(2052, "1-1-01", 2052)!.Status, Stored(2052, "1-1-02", 2052)!.Status));
    }

    [Fact]
    public async Task A_workbook_in_strict_open_xml_is_read()
    {
        var report = await Plan(Build([new Sheet("実施計画", PlanSheet(Line("1-1-01", "R35", 77)))], strict: true), 2053);
        Written(report);
        Assert.Equal(77_000, Stored(2053, "1-1-01", 2053)!.Cost);
    }

    [Fact]
    public async Task A_workbook_whose_parts_are_not_where_excel_puts_them_is_read_through_its_relationships()
    {
        var report = await Plan(Build([new Sheet("実施計画", PlanSheet(Line("1-1-01", "R36", 88)))], folder: "book"), 2054);
        Written(report);
        Assert.Equal(88_000, Stored(2054, "1-1-01", 2054)!.Cost);
    }

    [Fact]
    public async Task Cells_written_without_references_and_numbers_written_with_exponents_are_read()
    {
        var sheet = """
            <sheetData>
              <row><c t="inlineStr"><is><t>（単位：千円）</t></is></c></row>
              <row><c t="inlineStr"><is><t>事業コード</t></is></c><c t="inlineStr"><is><t>年度</t></is></c><c t="inlineStr"><is><t>事業費</t></is></c><c t="inlineStr"><is><t>国庫支出金</t></is></c><c t="inlineStr"><is><t>県支出金</t></is></c><c t="inlineStr"><is><t>地方債</t></is></c><c t="inlineStr"><is><t>その他特定財源</t></is></c><c t="inlineStr"><is><t>一般財源</t></is></c></row>
              <row><c t="inlineStr"><is><t>1-1-01</t></is></c><c><v>2055</v></c><c><v>1.5E3</v></c><c><v>0E0</v></c><c><v>0.0</v></c><c><v>0</v></c><c><v>0</v></c><c><v>1500.0</v></c></row>
            </sheetData>
            """;
        var report = await Plan(Build(sheet), 2055);
        Written(report);
        var line = Stored(2055, "1-1-01", 2055)!;
        Assert.Equal((1_500_000L, 1_500_000L, 0L), (line.Cost, line.Funding.General, line.Funding.National));
    }

    [Fact]
    public async Task A_column_the_import_does_not_know_is_listed_as_not_read()
    {
        var sheet = RowsFrom(1, ["（単位：千円）"], [.. PlanHeaders, "担当者", "施策"], [.. Line("1-1-01", "R38", 5), "山田", "防災"]);
        var report = await Plan(Build(sheet), 2056);
        Written(report);
        Assert.Contains(report.IgnoredColumns, c => c is { Letter: "L", Header: "担当者", Reason: "この取り込みでは使わない列のため読みません。" });
        Assert.Contains(report.IgnoredColumns, c => c is { Letter: "M", Header: "施策", Reason: "参照用のため読みません。" });
    }

    [Fact]
    public async Task A_year_block_outside_the_edition_is_refused_with_its_years()
    {
        var sheet = RowsFrom(1,
            ["（単位：千円）"],
            ["事業コード", "R39", null, "R42", null],
            [null, "事業費", "一般財源", "事業費", "一般財源"],
            ["1-1-01", 10, 10, 20, 20]).Replace("</sheetData>", "</sheetData><mergeCells count=\"3\"><mergeCell ref=\"A2:A3\"/><mergeCell ref=\"B2:C2\"/><mergeCell ref=\"D2:E2\"/></mergeCells>");
        var report = await Plan(Build(sheet), 2057);
        RefusedAt(report, 4, "令和42年度はこの実施計画の期間（令和39年度〜令和41年度）の外です");
    }

    // ---- 主要事業実行計画 ----

    private static string ExecutionSheet(params object?[][] rows) =>
        RowsFrom(1, [["事業コード", "担当課", "今年度の目標", "中間進捗区分", "中間進捗"], .. rows]);

    [Fact]
    public async Task An_execution_plan_with_a_progress_label_from_the_table_is_read_and_an_unknown_one_refused()
    {
        var report = await app.ImportAsync(SheetKind.ExecutionPlan, Build(ExecutionSheet(["1-2-01", null, "車両を更新する。", "中止", "国の補助が廃止された。"])), 2030, apply: true);
        Written(report);
        var plan = app.WithDb(db => db.ExecutionPlans.Single(e => e.FiscalYear == 2030 && e.Project!.Code == "1-2-01"));
        Assert.Equal((ProgressStatus.Suspended, "国の補助が廃止された。"), (plan.MidYearStatus!.Value, plan.MidYearProgress));
        Assert.Contains(report.LabelsUsed, l => l.Label == "中止" && l.Meaning == "中止・休止");

        var unknown = await app.ImportAsync(SheetKind.ExecutionPlan, Build(ExecutionSheet(["1-3-01", null, "設置を進める。", "概ね順調", "x"])), 2030, apply: true);
        RefusedAt(unknown, 2, "D2（中間進捗区分）: 進捗区分「概ね順調」が何を意味するか");
    }

    [Fact]
    public async Task An_execution_plan_row_with_a_unit_that_is_not_in_the_organisation_is_refused_naming_it()
    {
        var report = await app.ImportAsync(SheetKind.ExecutionPlan, Build(ExecutionSheet(["1-1-01", "○○課", "訓練を行う。", null, null])), 2030, apply: true);
        RefusedAt(report, 2, "担当課「○○課」が令和12年度の組織にありません");
        Assert.Equal(0, app.WithDb(db => db.OrgUnits.Count(u => u.Name == "○○課")));
    }

    // ---- マニフェスト ----

    [Fact]
    public async Task Numeric_ids_written_1_0_or_1E0_read_as_1_and_text_stays_as_typed()
    {
        var term = app.WithDb(db => db.MayorTerms.First().Id);
        var first = RowsFrom(1, ["番号", "項目"], [RawCell.Number("7E0"), "公約七"], ["0E0", "文字で書いた番号"], [RawCell.Number("0E0"), "数値のゼロ"]);
        var report = await app.ImportAsync(SheetKind.Manifesto, Build(first), term, apply: true);
        Written(report);
        var numbers = app.WithDb(db => db.ManifestoItems.Where(i => i.MayorTermId == term).Select(i => i.Number).ToList());
        Assert.Contains("7", numbers);
        Assert.Contains("0E0", numbers);
        Assert.Contains("0", numbers);
        var again = await app.ImportAsync(SheetKind.Manifesto, Build(RowsFrom(1, ["番号", "項目"], [RawCell.Number("7.0"), "公約七"])), term, apply: true);
        Assert.Empty(again.Created);
        Assert.Equal(1, again.Unchanged);
    }

    // ---- 市民意識調査 ----

    [Fact]
    public async Task Two_satisfaction_columns_are_a_choice_not_a_guess()
    {
        var sheet = RowsFrom(1, ["施策コード", "満足度", "満足度(%)", "重要度"], ["1-1", "3.2", "64%", "80"]);
        var asked = await app.ImportAsync(SheetKind.Survey, Build(sheet), 2031, apply: true);
        var conflict = Assert.Single(asked.ColumnConflicts);
        Assert.Contains("B列「満足度」", conflict.Describe());
        Assert.Contains("C列「満足度(%)」", conflict.Describe());
        var report = await app.ImportAsync(SheetKind.Survey, Build(sheet), 2031, apply: true, new ImportChoices { Columns = new() { [conflict.ChoiceKey] = 3 } });
        Written(report);
        var result = app.WithDb(db => db.SurveyResults.Single(r => r.FiscalYear == 2031 && r.Measure!.Code == "1-1"));
        Assert.Equal((64m, 80m), (result.Satisfaction, result.Importance));
    }

    // ---- 事務事業評価（前システム） ----

    /// A previous-system export in other words than 大船渡's: 事業ID, 事業名, 担当部課, whole 政策番号/施策番号, one year block.
    /// Two year blocks (令和6・7年度 when the latest is 2025), with the same figures in each.
    private static byte[] History(params object?[][] rows) => Build(RowsFrom(1,
        [["事業ID", "事業名", "担当部課", "政策番号", "政策名", "施策番号", "施策名", "今後の方向性", .. Block, .. Block], .. rows]));

    private static readonly string[] Block = ["国庫支出金", "都道府県支出金", "地方債", "その他", "一般財源", "事業費計", "正規職員従事人数", "延べ業務時間", "人件費計", "トータルコスト"];

    private static object?[] HistoryRow(string id, string unit, string direction, long cost, int people, int hours, long staff)
    {
        object?[] block = [0, 0, 0, 0, cost, cost, people, hours, staff, cost + staff];
        return [id, $"事業{id}", unit, 1, "安全", 1, "防災", direction, .. block, .. block];
    }

    private static readonly ImportChoices Thousands = new() { YenPerUnit = 1000 };

    [Fact]
    public async Task An_evaluation_history_in_the_plan_imports_wording_is_read_and_person_years_come_from_hours()
    {
        var report = await app.ImportAsync(SheetKind.Evaluations, History(HistoryRow("H-001", "道路課", "１　現状維持", 1_000, 4, 900, 3_600)), 2025, apply: true, Thousands);
        Written(report);
        var e = app.WithDb(db => db.ProjectEvaluations.Include(x => x.Project).Single(x => x.Project!.Code == "H-001"));
        // 4 people, 900 hours: 900 ÷ 1,800 = 0.5 人工 (never 4); 人件費 as recorded.
        Assert.Equal((0.5m, 3_600_000L, Direction.Continue), (e.StaffPersonYears, e.StaffCost, e.FirstDirection!.Value));
        Assert.Equal(app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id), e.Project!.OwnerUnitId);
    }

    [Fact]
    public async Task An_evaluation_history_row_with_a_blank_unit_name_is_refused_and_no_unit_is_invented()
    {
        var units = app.WithDb(db => db.OrgUnits.Count());
        var report = await app.ImportAsync(SheetKind.Evaluations, History(HistoryRow("H-002", "", "継続", 100, 1, 10, 40)), 2025, apply: true, Thousands);
        RefusedAt(report, 2, "部課名が空欄です");
        var unknown = await app.ImportAsync(SheetKind.Evaluations, History(HistoryRow("H-003", "未来創造課", "継続", 100, 1, 10, 40)), 2025, apply: true, Thousands);
        RefusedAt(unknown, 2, "部課名「未来創造課」に当たる組織が登録されていません");
        Assert.Equal("「未来創造課」を部と同じ階層に登録", Assert.Single(unknown.UnmappedUnits).Proposal);
        Assert.Equal(units, app.WithDb(db => db.OrgUnits.Count()));
    }

    [Fact]
    public async Task An_evaluation_history_unit_name_mapped_to_an_existing_unit_is_remembered_for_the_next_file()
    {
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var first = await app.ImportAsync(SheetKind.Evaluations, History(HistoryRow("H-004", "都市整備部道路維持課", "継続", 100, 1, 10, 40)), 2025, apply: false, Thousands);
        var choice = Assert.Single(first.UnmappedUnits).ChoiceKey;
        Written(await app.ImportAsync(SheetKind.Evaluations, History(HistoryRow("H-004", "都市整備部道路維持課", "継続", 100, 1, 10, 40)), 2025, apply: true, Thousands with { Units = new() { [choice] = road } }));
        var next = await app.ImportAsync(SheetKind.Evaluations, History(HistoryRow("H-005", "都市整備部道路維持課", "継続", 100, 1, 10, 40)), 2025, apply: true, Thousands);
        Written(next);
        Assert.Equal(road, app.WithDb(db => db.Projects.Single(p => p.Code == "H-005").OwnerUnitId));
    }

    [Fact]
    public async Task A_policy_number_written_as_text_1_0_is_refused_quoting_the_value()
    {
        var row = HistoryRow("H-006", "道路課", "継続", 100, 1, 10, 40);
        row[3] = "1.0";
        var report = await app.ImportAsync(SheetKind.Evaluations, History(row), 2025, apply: true, Thousands);
        RefusedAt(report, 2, "政策番号「1.0」を読み取れません（D2）");
    }

    [Fact]
    public async Task A_combined_direction_label_is_read_by_its_whole_meaning_not_its_first_keyword()
    {
        var report = await app.ImportAsync(SheetKind.Evaluations, History(HistoryRow("H-007", "道路課", "２　改革改善（縮小・統合含む）", 100, 1, 10, 40)), 2025, apply: true, Thousands);
        Written(report);
        Assert.Equal(Direction.Improve, app.WithDb(db => db.ProjectEvaluations.Single(e => e.Project!.Code == "H-007").FirstDirection));
    }
}
