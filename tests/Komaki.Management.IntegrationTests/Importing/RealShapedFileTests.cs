using System.Text;
using ClosedXML.Excel;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Personnel;
using Komaki.Management.TestSheets;
using static Komaki.Management.IntegrationTests.Importing.MetamorphicImportTests;

namespace Komaki.Management.IntegrationTests.Importing;

/// Files shaped the way a personnel system, a division clerk and a survey contractor produce them, each kept as a fixed
/// case: it stores what the plain file says, or it is refused or warned about naming the cell — never stored otherwise.
/// Previews only.
public class RealShapedFileTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const int Year = 2026;

    private Task<ImportReport> Staff(StaffRegister register, ImportChoices? choices = null) =>
        app.ImportAsync(StaffImport.Kind, register.Bytes(), Year, apply: false, choices, fileName: "職員名簿.csv");

    [Fact]
    public async Task A_personnel_systems_csv_with_a_title_line_its_own_headings_and_words_in_cp932_stores_what_the_plain_register_stores()
    {
        var plain = StaffRegister.Of(app, Year);
        var baseline = Stored(await Staff(plain));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var system = plain.Copy();
        system.Prelude.Add("職員名簿（令和8年4月1日現在）,,,,,,,,");
        system.HeaderRow.Clear();
        system.HeaderRow.AddRange(["職員コード", "漢字氏名", "所属名称", "職名称", "職層名", "級", "任用形態名", "異動年月日", "メールアドレス"]);
        for (var i = 0; i < system.Lines.Count; i++)
        {
            var l = system.Lines[i];
            system.Lines[i] = l with
            {
                Unit = l.Department is string d ? $"{d}　{l.Unit}" : l.Unit,
                Employment = l.Employment == "正規" ? "正規職員" : l.Employment == "会計年度任用" ? "会計年度任用職員（パートタイム）" : l.Employment,
                StartsOn = i % 3 == 0 ? "R5.4.1" : "令和8年4月1日",
                Number = $"=\"{l.Number}\"",
            };
        }
        system.Trailer.Add("※ 会計年度任用職員を含む。,,,,,,,,");
        system.Encoding = Encoding.GetEncoding(932);
        var report = await Staff(system);
        Assert.True(report.Refused.Count == 0, string.Join(" / ", report.Refused.Take(3).Select(r => r.Reason)));
        Assert.Empty(report.UnmappedLabels);
        Assert.Equal(baseline, Stored(report));
    }

    [Fact]
    public async Task A_personnel_systems_workbook_with_wareki_date_cells_formatted_numbers_and_grades_stores_what_the_plain_register_stores()
    {
        var plain = StaffRegister.Of(app, Year);
        var baseline = Stored(await Staff(plain));
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("職員一覧");
        ws.Cell(1, 1).SetValue("職員名簿（令和8年4月1日現在）");
        for (var c = 0; c < StaffRegister.Headers.Length; c++) ws.Cell(3, c + 1).SetValue(StaffRegister.Headers[c]);
        var r = 4;
        foreach (var l in plain.Lines)
        {
            if (l.Number.All(char.IsAsciiDigit))
            {
                ws.Cell(r, 1).SetValue(long.Parse(l.Number, System.Globalization.CultureInfo.InvariantCulture));
                ws.Cell(r, 1).Style.NumberFormat.Format = new string('0', l.Number.Length);
            }
            else ws.Cell(r, 1).SetValue(l.Number);
            ws.Cell(r, 2).SetValue(l.Name);
            ws.Cell(r, 3).SetValue(l.Department is string d ? d + l.Unit : l.Unit);
            ws.Cell(r, 4).SetValue(l.Position);
            ws.Cell(r, 5).SetValue(l.Level);
            if (l.Grade is string g)
            {
                ws.Cell(r, 6).SetValue(int.Parse(g, System.Globalization.CultureInfo.InvariantCulture));
                ws.Cell(r, 6).Style.NumberFormat.Format = "0\"級\"";
            }
            ws.Cell(r, 7).SetValue(l.Employment == "正規" ? "正規職員" : l.Employment);
            ws.Cell(r, 8).SetValue(DateTime.ParseExact(l.StartsOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            ws.Cell(r, 8).Style.NumberFormat.Format = "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"";
            if (l.Email is not null) ws.Cell(r, 9).SetValue(l.Email);
            r++;
        }
        ws.Cell(r + 1, 1).SetValue("※ 再任用職員・会計年度任用職員を含む。");
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        var report = await app.ImportAsync(StaffImport.Kind, ms.ToArray(), Year, apply: false, fileName: "職員名簿.xlsx");
        Assert.True(report.FileError is null, report.FileError);
        Assert.True(report.Refused.Count == 0, string.Join(" / ", report.Refused.Take(3).Select(x => x.Reason)));
        Assert.Equal(baseline, Stored(report));
    }

    [Fact]
    public async Task A_transfer_during_the_year_after_an_earlier_years_post_is_two_posts_from_the_first_day_and_from_the_transfer()
    {
        var plain = StaffRegister.Of(app, Year);
        var first = plain.Lines.First(l => l.Department is not null);
        var other = plain.Lines.First(l => l.Department is not null && l.Unit != first.Unit);
        var moved = plain.Copy();
        var at = moved.Lines.IndexOf(first);
        moved.Lines[at] = first with { StartsOn = "令和4年4月1日" };
        moved.Lines.Insert(at + 1, first with { Unit = other.Unit, Department = other.Department, StartsOn = "R8.10.1" });
        var report = await Staff(moved);
        Assert.Empty(report.Refused);
        var created = Assert.Single(report.Created);
        Assert.Equal(first.Number, created.Key);
        Assert.Contains("令和8年10月1日〜", created.Label);
        Assert.Contains(report.Notes, n => n.Contains("より前の 1 行"));
    }

    [Fact]
    public async Task A_job_title_used_as_a_level_is_asked_about_not_guessed()
    {
        var plain = StaffRegister.Of(app, Year);
        var asked = plain.Copy();
        asked.Lines[0] = asked.Lines[0] with { Level = "課長補佐" };
        var report = await Staff(asked);
        Assert.Equal("課長補佐", Assert.Single(report.UnmappedLabels).Label);
        Assert.Contains("E2", Assert.Single(report.Refused).Reason);
        Assert.False(report.CanApply);
    }

    [Fact]
    public async Task A_clerks_plan_with_measure_rows_and_their_totals_above_the_projects_stores_the_projects_and_checks_the_totals()
    {
        var export = await app.ExportAsync(SheetKind.ImplementationPlan, Year);
        var baseline = Stored(await app.ImportAsync(SheetKind.ImplementationPlan, export, Year, apply: false));
        var measures = app.WithDb(db => db.Measures.ToDictionary(m => m.Code, m => m.Name));
        var headerRows = new List<int>();
        byte[] WithMeasureRows(double off) => CitySheets.Edit(export, ws =>
        {
            headerRows.Clear();
            var rows = ws.Column(1).CellsUsed().Where(c => c.Address.RowNumber > 4 && c.GetString().Length > 0).Select(c => c.Address.RowNumber).ToList();
            var groups = rows.GroupBy(r => string.Join("-", ws.Cell(r, 1).GetString().Split('-').Take(2))).ToList();
            // Bottom up, so each inserted row leaves the groups above where they were.
            foreach (var g in groups.Take(3).Reverse())
            {
                var top = g.First();
                ws.Row(top).InsertRowsAbove(1);
                ws.Cell(top, 1).SetValue(g.Key);
                ws.Cell(top, 2).SetValue(measures[g.Key]);
                for (var c = 8; c <= 13; c++) ws.Cell(top, c).SetValue(g.Sum(r => ws.Cell(r + 1, c).GetValue<double>()) + (c == 8 ? off : 0));
            }
            headerRows.AddRange(ws.Column(1).CellsUsed().Where(c => measures.ContainsKey(c.GetString())).Select(c => c.Address.RowNumber));
        });
        var report = await app.ImportAsync(SheetKind.ImplementationPlan, WithMeasureRows(0), Year, apply: false);
        Assert.Empty(report.Refused);
        Assert.Equal(baseline, Stored(report));
        Assert.Equal(headerRows, report.Skipped.Where(s => s.Reason.StartsWith("施策など計画の構成の行", StringComparison.Ordinal)).Select(s => s.Row));
        Assert.DoesNotContain(report.Warnings, w => w.Reason.Contains("一致しません"));

        var wrong = await app.ImportAsync(SheetKind.ImplementationPlan, WithMeasureRows(10), Year, apply: false);
        Assert.Equal(baseline, Stored(wrong));
        Assert.All(wrong.Warnings.Where(w => w.Reason.Contains("一致しません")), w => Assert.Contains("（事業費）", w.Reason));
        Assert.Equal(headerRows, wrong.Warnings.Where(w => w.Reason.Contains("一致しません")).Select(w => w.Row));
    }

    [Fact]
    public async Task A_contractors_survey_with_points_heading_rows_and_an_overall_average_stores_what_the_plain_sheet_stores()
    {
        string[] headers = ["施策番号", "施策名", "満足度", "重要度"];
        var plain = Sheet(headers, ["1-1", "防災力の強化", "55.2", "70.1"], ["1-2", "消防・救急体制の充実", "61", "66"]);
        var contractor = Sheet(headers, ["【1 安全・安心なまちづくり】", "", "", ""], ["1-1", "防災力の強化", "55.2点", "70.1点"], ["1-2", "消防・救急体制の充実", "61.0 点", "66.0点"],
            ["", "全体平均", "58.1点", "68.1点"], ["※ 満足度・重要度は「満足」「やや満足」と答えた人の割合（％）を点数としたもの。", "", "", ""]);
        var baseline = await app.ImportAsync(SheetKind.Survey, plain, Year, apply: false);
        var report = await app.ImportAsync(SheetKind.Survey, contractor, Year, apply: false);
        Assert.Empty(report.Refused);
        Assert.Equal(Stored(baseline), Stored(report));
    }

    [Fact]
    public async Task A_clerks_execution_plan_with_the_year_as_a_date_a_department_before_the_division_and_measure_headings_stores_what_the_export_stores()
    {
        var export = await app.ExportAsync(SheetKind.ExecutionPlan, Year);
        var baseline = Stored(await app.ImportAsync(SheetKind.ExecutionPlan, export, Year, apply: false));
        var departments = app.WithDb(db => db.OrgUnits.Where(u => u.ParentId != null).Select(u => new { u.Name, Parent = u.Parent!.Name }).ToList()
            .GroupBy(u => u.Name).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First().Parent));
        var measures = app.WithDb(db => db.Measures.ToDictionary(m => m.Code, m => m.Name));
        var clerk = CitySheets.Edit(export, ws =>
        {
            var header = ws.CellsUsed().First(c => c.GetString() == "担当課");
            var rows = ws.Column(1).CellsUsed().Where(c => c.Address.RowNumber > header.Address.RowNumber + 1 && c.GetString().Length > 0).Select(c => c.Address.RowNumber).ToList();
            foreach (var r in rows)
            {
                var unit = ws.Cell(r, header.Address.ColumnNumber);
                if (departments.TryGetValue(unit.GetString(), out var d)) unit.SetValue($"{d} {unit.GetString()}");
            }
            var year = ws.CellsUsed().FirstOrDefault(c => c.GetString() == "年度");
            if (year is not null)
            {
                foreach (var r in rows) ws.Cell(r, year.Address.ColumnNumber).SetValue("R8.4.1");
            }
            var code = ws.Cell(rows[0], 1).GetString();
            var measure = string.Join("-", code.Split('-').Take(2));
            ws.Row(rows[0]).InsertRowsAbove(1);
            ws.Cell(rows[0], 1).SetValue(measure);
            ws.Cell(rows[0], 2).SetValue(measures[measure]);
        });
        var report = await app.ImportAsync(SheetKind.ExecutionPlan, clerk, Year, apply: false);
        Assert.True(report.Refused.Count == 0, string.Join(" / ", report.Refused.Take(3).Select(r => r.Reason)));
        Assert.Equal(baseline, Stored(report));
        Assert.Contains(report.Skipped, s => s.Reason.StartsWith("施策など計画の構成の見出しの行", StringComparison.Ordinal));
    }

    private static byte[] Sheet(string[] headers, params string[][] rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("市民意識調査");
        ws.Cell(1, 1).SetValue("令和8年度 市民意識調査 施策別集計表");
        for (var c = 0; c < headers.Length; c++) ws.Cell(3, c + 1).SetValue(headers[c]);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length > 0) ws.Cell(r + 4, c + 1).SetValue(rows[r][c]);
            }
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}
