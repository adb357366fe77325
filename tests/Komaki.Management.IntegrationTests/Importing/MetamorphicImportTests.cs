using System.Text.RegularExpressions;
using ClosedXML.Excel;
using CsCheck;
using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Importing;
using Komaki.Management.TestSheets;

namespace Komaki.Management.IntegrationTests.Importing;

/// Proof by transformation: the demo city's own exports are changed the way real files differ — number formats
/// that show the same value, merged instead of repeated cells, header wordings, full-width digits, invisible
/// spaces, titles, notes and headings around the table, columns moved — singly and in combinations drawn by CsCheck.
/// Each transformed file must read exactly as the untransformed one (the same diff against the database), or be
/// refused naming a cell (Excel's date coercion of a code); a change of meaning must show up in the diff.
/// Previews only, so the cases share one database; bounded to a few dozen imports.
public class MetamorphicImportTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    /// Every kind whose export is its import's layout (SheetKind.RoundTrips), each transformed in the year the demo city
    /// has its data: the current year's plans, next year's budget requests (BaselineAsync picks it).
    public static TheoryData<string> Kinds => [.. SheetKinds.All.Values.Where(k => k.RoundTrips).Select(k => k.Name)];

    private static readonly int[] DemoYears = [2026, 2027];

    private sealed record Table(int HeaderRow, int CodeColumn, List<int> DataRows, int LastColumn);

    private sealed record Transformation(string Name, Action<IXLWorksheet, Table, Random> Apply);

    private static readonly Dictionary<string, string> Wordings = new()
    {
        ["事業コード"] = "事業番号", ["事務事業名"] = "事業名", ["事業内容"] = "取組内容", ["今年度の目標"] = "年度目標",
        ["事業費"] = "事業費合計", ["一般財源"] = "一財", ["中間進捗"] = "中間報告",
    };

    /// Each 課 (and 係) of the demo city with the unit above it, for writing a division after its department.
    private static Dictionary<string, string> Departments = [];

    private static readonly Transformation[] Preserving =
    [
        new("number formats showing the same value", (ws, t, rnd) =>
        {
            foreach (var r in t.DataRows)
            {
                foreach (var cell in ws.Row(r).CellsUsed().Where(c => c.DataType == XLDataType.Number))
                {
                    var v = cell.GetValue<double>();
                    if (v != Math.Round(v)) continue;
                    switch (rnd.Next(5))
                    {
                        case 0: cell.SetValue(v * 1000); cell.Style.NumberFormat.Format = "#,##0,"; break;
                        case 1: cell.Style.NumberFormat.Format = "#,##0;\"△\"#,##0"; break;
                        case 2: cell.Style.NumberFormat.Format = "#,##0;[Red]#,##0"; break;
                        case 3: cell.Style.NumberFormat.Format = "0"; break;
                        default: cell.Style.NumberFormat.Format = "#,##0_ ;[Red]\\-#,##0\\ "; break;
                    }
                }
            }
        }),
        new("full-width digits in codes", (ws, t, _) =>
        {
            foreach (var r in t.DataRows)
            {
                var c = ws.Cell(r, t.CodeColumn);
                if (!c.IsEmpty()) c.SetValue(string.Concat(c.GetString().Select(ch => ch is >= '0' and <= '9' ? (char)(ch - '0' + '０') : ch)));
            }
        }),
        new("zero-width and no-break spaces in codes", (ws, t, rnd) =>
        {
            foreach (var r in t.DataRows)
            {
                var c = ws.Cell(r, t.CodeColumn);
                if (!c.IsEmpty()) c.SetValue(rnd.Next(2) == 0 ? c.GetString() + "\u200B" : "\u00A0" + c.GetString());
            }
        }),
        new("header wordings from the label table", (ws, t, _) =>
        {
            for (var r = 1; r <= t.HeaderRow + 1; r++)
            {
                foreach (var cell in ws.Row(r).CellsUsed())
                {
                    if (Wordings.TryGetValue(cell.GetString(), out var other)) cell.SetValue(other);
                }
            }
        }),
        new("a title and notes around the table", (ws, t, _) =>
        {
            var last = t.DataRows[^1];
            ws.Cell(last + 2, 1).SetValue("※ この表は企画課が取りまとめたものです。");
            ws.Cell(last + 3, 1).SetValue("注）金額は当初予算ベースです。");
            ws.Row(1).InsertRowsAbove(1);
            ws.Cell(1, 1).SetValue("（参考資料）");
        }),
        new("a heading row inside the table", (ws, t, _) =>
        {
            var first = t.DataRows[0];
            ws.Row(first).InsertRowsAbove(1);
            ws.Cell(first, t.CodeColumn).SetValue("【重点施策】");
        }),
        new("merged instead of repeated cells", (ws, t, _) =>
        {
            // A code repeated down a project's rows, and a schedule mark repeated across months, written once and merged.
            MergeRuns(ws, t.DataRows, t.CodeColumn);
            var months = Enumerable.Range(1, t.LastColumn).Where(c => Regex.IsMatch(ws.Cell(t.HeaderRow + 1, c).GetString(), @"^\d{1,2}月$")).ToList();
            if (months.Count == 0) return;
            foreach (var r in t.DataRows)
            {
                var start = 0;
                for (var i = 1; i <= months.Count; i++)
                {
                    if (i < months.Count && ws.Cell(r, months[i]).GetString() is { Length: > 0 } s && s == ws.Cell(r, months[start]).GetString()) continue;
                    if (i - start > 1)
                    {
                        for (var k = start + 1; k < i; k++) ws.Cell(r, months[k]).Clear(XLClearOptions.Contents);
                        ws.Range(r, months[start], r, months[i - 1]).Merge();
                    }
                    start = i;
                }
            }
        }),
        new("months headed with their year", (ws, t, _) =>
        {
            foreach (var cell in ws.Row(t.HeaderRow + 1).CellsUsed())
            {
                var m = Regex.Match(cell.GetString(), @"^(\d{1,2})月$");
                if (!m.Success) continue;
                var month = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                cell.SetValue($"令和{(month >= 4 ? 8 : 9)}年{month}月");
            }
        }),
        new("a text column moved to the end", (ws, t, _) =>
        {
            var column = Enumerable.Range(1, t.LastColumn).FirstOrDefault(c => ws.Cell(t.HeaderRow, c).GetString() is "事業内容" or "取組内容");
            if (column == 0) return;
            var to = t.LastColumn + 2;
            var merged = ws.Cell(t.HeaderRow, column).IsMerged();
            ws.Cell(t.HeaderRow, column).MergedRange()?.Unmerge();
            for (var r = t.HeaderRow; r <= t.DataRows[^1]; r++)
            {
                ws.Cell(r, to).SetValue(ws.Cell(r, column).GetString());
                ws.Cell(r, column).Clear(XLClearOptions.Contents);
            }
            if (merged) ws.Range(t.HeaderRow, to, t.HeaderRow + 1, to).Merge();
        }),
        new("a 重点 column whose ※ and ＊ marks are data", (ws, t, _) =>
        {
            // The first column of the table, so a mark is the first cell of its row — still the value of a column, not a note.
            ws.Column(1).InsertColumnsBefore(1);
            ws.Cell(t.HeaderRow, 1).SetValue("重点");
            for (var i = 0; i < t.DataRows.Count; i++)
            {
                if (i % 3 != 2) ws.Cell(t.DataRows[i], 1).SetValue(i % 2 == 0 ? "※" : "＊");
            }
        }),
        new("subtotal rows named by the plan (1-1 計, 施策計, 小計, 合計)", (ws, t, _) =>
        {
            string[] amountHeaders = ["事業費", "国庫支出金", "県支出金", "地方債", "その他特定財源", "一般財源"];
            var amounts = Enumerable.Range(1, t.LastColumn).Where(c => amountHeaders.Contains(ws.Cell(t.HeaderRow, c).GetString()) || amountHeaders.Contains(ws.Cell(t.HeaderRow + 1, c).GetString())).ToList();
            var name = Enumerable.Range(1, t.LastColumn).First(c => ws.Cell(t.HeaderRow, c).GetString() == "事務事業名");
            void Total(int after, List<int> rows, Action<int> label)
            {
                ws.Row(after).InsertRowsBelow(1);
                label(after + 1);
                foreach (var c in amounts) ws.Cell(after + 1, c).SetValue(rows.Sum(r => ws.Cell(r, c).TryGetValue<double>(out var v) ? v : 0));
            }
            var groups = t.DataRows.GroupBy(r => ws.Cell(r, t.CodeColumn).GetString()).Select(g => g.ToList()).ToList();
            Total(t.DataRows[^1], t.DataRows, r => ws.Cell(r, name).SetValue("合計"));
            var measure = string.Join("-", ws.Cell(groups[0][0], t.CodeColumn).GetString().Split('-').Take(2));
            Action<int>[] labels = [r => ws.Cell(r, t.CodeColumn).SetValue($"{measure} 計"), r => ws.Cell(r, name).SetValue("施策計"), r => ws.Cell(r, name).SetValue("小計")];
            for (var g = Math.Min(2, groups.Count - 2); g >= 0; g--) Total(groups[g][^1], groups[g], labels[g]);
        }),
        new("a division written after its department (with and without a space)", (ws, t, _) =>
        {
            var column = Enumerable.Range(1, t.LastColumn).FirstOrDefault(c => ws.Cell(t.HeaderRow, c).GetString() == "担当課");
            if (column == 0) return;
            string[] separators = ["", " ", "　"];
            var i = 0;
            foreach (var r in t.DataRows)
            {
                var cell = ws.Cell(r, column);
                if (Departments.TryGetValue(cell.GetString(), out var department)) cell.SetValue(department + separators[i++ % 3] + cell.GetString());
            }
        }),
        // Appended, so the kept combinations' masks keep naming the same transformations.
        new("months typed as 4月, which Excel keeps as dates shown m\"月\"", (ws, t, _) =>
        {
            foreach (var cell in ws.Row(t.HeaderRow + 1).CellsUsed())
            {
                var m = Regex.Match(cell.GetString(), @"^(\d{1,2})月$");
                if (!m.Success) continue;
                var month = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                cell.SetValue(new DateTime(month >= 4 ? 2026 : 2027, month, 1));
                cell.Style.NumberFormat.Format = "m\"月\"";
            }
        }),
        new("months headed by plain numbers 4 … 3", (ws, t, _) =>
        {
            foreach (var cell in ws.Row(t.HeaderRow + 1).CellsUsed())
            {
                var m = Regex.Match(cell.GetString(), @"^(\d{1,2})月$");
                if (m.Success) cell.SetValue(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }),
    ];

    private static void MergeRuns(IXLWorksheet ws, List<int> rows, int column)
    {
        var start = 0;
        for (var i = 1; i <= rows.Count; i++)
        {
            if (i < rows.Count && rows[i] == rows[i - 1] + 1 && ws.Cell(rows[i], column).GetString() == ws.Cell(rows[start], column).GetString()) continue;
            if (i - start > 1)
            {
                for (var k = start + 1; k < i; k++) ws.Cell(rows[k], column).Clear(XLClearOptions.Contents);
                ws.Range(rows[start], column, rows[i - 1], column).Merge();
            }
            start = i;
        }
    }

    private static Table Find(IXLWorksheet ws)
    {
        var code = ws.CellsUsed().First(c => c.GetString() is "事業コード" or "事務事業ID" or "事業番号");
        var rows = ws.Column(code.Address.ColumnNumber).CellsUsed().Where(c => c.Address.RowNumber > code.Address.RowNumber && Regex.IsMatch(c.GetString(), @"^\d"))
            .Select(c => c.Address.RowNumber).ToList();
        return new Table(code.Address.RowNumber, code.Address.ColumnNumber, rows, ws.LastColumnUsed()!.ColumnNumber());
    }

    private static byte[] Transform(byte[] export, IEnumerable<Transformation> transformations, int seed) =>
        CitySheets.Edit(export, ws =>
        {
            var rnd = new Random(seed);
            // Applied last to first in the order listed so row insertions do not move what later ones look for.
            foreach (var t in transformations.OrderByDescending(t => Array.IndexOf(Preserving, t))) t.Apply(ws, Find(ws), rnd);
        });

    /// What an import would store: every record it creates or changes, field by field, and how many it leaves alone.
    internal static string Stored(ImportReport report) =>
        $"unchanged {report.Unchanged}\n" + string.Join("\n", report.Created.Concat(report.Updated)
            .Select(c => $"{c.Key}: {string.Join("; ", c.Changes.Select(f => $"{f.Field} {f.Old} → {f.New}"))}").Order());

    private async Task<(byte[] Export, string Baseline)> BaselineAsync(string kind, int year)
    {
        Departments = app.WithDb(db => db.OrgUnits.Where(u => u.ParentId != null).Select(u => new { u.Name, Parent = u.Parent!.Name }).ToList()
            .GroupBy(u => u.Name).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First().Parent));
        var export = await app.ExportAsync(kind, year);
        var report = await app.ImportAsync(kind, export, year, apply: false);
        Assert.Null(report.FileError);
        Assert.Empty(report.Refused);
        return (export, Stored(report));
    }

    /// The demo year whose export of the kind holds rows the import reads (an export read back changes none of them).
    private async Task<(int Year, byte[] Export, string Baseline)> BaselineAsync(string kind)
    {
        foreach (var year in DemoYears)
        {
            var (export, baseline) = await BaselineAsync(kind, year);
            var report = await app.ImportAsync(kind, export, year, apply: false);
            Assert.False(report.HasChanges, $"{kind} {year}: the export read back changes {report.Created.Count + report.Updated.Count} rows");
            if (report.Unchanged > 0) return (year, export, baseline);
        }
        Assert.Fail($"{kind}: no demo year has rows to transform");
        return default;
    }

    private async Task AssertSameAsync(string kind, int year, byte[] export, string baseline, Transformation[] transformations, int seed)
    {
        var report = await app.ImportAsync(kind, Transform(export, transformations, seed), year, apply: false);
        var what = $"{kind}: {string.Join(" + ", transformations.Select(t => t.Name))} (seed {seed})";
        Assert.True(report.FileError is null, $"{what}: {report.FileError}");
        Assert.True(report.Refused.Count == 0, $"{what}: {string.Join(" / ", report.Refused.Take(3).Select(r => r.Reason))}");
        Assert.True(!report.NeedsChoice, $"{what}: {string.Join(" / ", report.OpenChoices())}");
        Assert.True(baseline == Stored(report), $"{what}: stored differently\n{Stored(report)[..Math.Min(600, Stored(report).Length)]}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_meaning_preserving_transformation_alone_stores_what_the_export_stores(string kind)
    {
        var (year, export, baseline) = await BaselineAsync(kind);
        for (var i = 0; i < Preserving.Length; i++) await AssertSameAsync(kind, year, export, baseline, [Preserving[i]], i);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Random_combinations_of_transformations_store_what_the_export_stores(string kind)
    {
        var (year, export, baseline) = await BaselineAsync(kind);
        // Three to five transformations at a time, eight draws per kind: bounded to keep the run short.
        Gen.Select(Gen.Int[0, (1 << Preserving.Length) - 1], Gen.Int)
            .Where(x => System.Numerics.BitOperations.PopCount((uint)x.Item1) is >= 3 and <= 5)
            .Sample(x => AssertSameAsync(kind, year, export, baseline, Pick(x.Item1), x.Item2).GetAwaiter().GetResult(),
                iter: 8, threads: 1, print: x => string.Join(" + ", Pick(x.Item1).Select(t => t.Name)));
    }

    /// Combinations that once failed, kept as fixed cases (mask of Preserving, seed).
    [Theory]
    [InlineData(SheetKind.ExecutionPlan, 0b1_1100_0000, 7)]
    [InlineData(SheetKind.ImplementationPlan, 0b0_0111_0011, 11)]
    public async Task Kept_combinations_store_what_the_export_stores(string kind, int mask, int seed)
    {
        var (export, baseline) = await BaselineAsync(kind, 2026);
        await AssertSameAsync(kind, 2026, export, baseline, Pick(mask), seed);
    }

    private static Transformation[] Pick(int mask) => Preserving.Where((_, i) => (mask & (1 << i)) != 0).ToArray();

    /// A hidden row is read like any row of the table, and the preview says it was hidden.
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_hidden_row_is_read_and_the_preview_says_it_was_hidden(string kind)
    {
        var (year, export, baseline) = await BaselineAsync(kind);
        var row = 0;
        var file = CitySheets.Edit(export, ws =>
        {
            row = Find(ws).DataRows[0];
            ws.Row(row).Hide();
        });
        var report = await app.ImportAsync(kind, file, year, apply: false);
        Assert.Equal(baseline, Stored(report));
        var warning = Assert.Single(report.Warnings, w => w.Reason.Contains("非表示", StringComparison.Ordinal));
        Assert.Equal(row, warning.Row);
    }

    /// Free text is stored as the sheet shows it: a date cell shown 7月15日, 0.85 shown 85%, 1234.5 shown 1,235 — in
    /// every round-tripping kind's free-text column.
    [Theory]
    [InlineData(SheetKind.ImplementationPlan, "事業内容")]
    [InlineData(SheetKind.ExecutionPlan, "事業内容")]
    [InlineData(SheetKind.ExecutionPlan, "中間進捗")]
    public async Task Free_text_typed_as_a_date_or_a_number_is_stored_as_the_sheet_shows_it(string kind, string header)
    {
        var (year, export, _) = await BaselineAsync(kind);
        var file = CitySheets.Edit(export, ws =>
        {
            var t = Find(ws);
            var column = Enumerable.Range(1, t.LastColumn).First(c => ws.Cell(t.HeaderRow, c).GetString() == header);
            var cells = t.DataRows.Take(3).Select(r => ws.Cell(r, column)).ToList();
            cells[0].SetValue(new DateTime(year, 7, 15));
            cells[0].Style.NumberFormat.Format = "m\"月\"d\"日\"";
            cells[1].SetValue(0.85);
            cells[1].Style.NumberFormat.Format = "0%";
            cells[2].SetValue(1234.5);
            cells[2].Style.NumberFormat.Format = "#,##0";
        });
        var report = await app.ImportAsync(kind, file, year, apply: false);
        Assert.Empty(report.Refused);
        var stored = report.Updated.SelectMany(u => u.Changes).Where(c => c.Field == header).Select(c => c.New).Order().ToList();
        Assert.Equal(["1,235", "7月15日", "85%"], stored);
    }

    /// An amount shown as a percentage or a date is not an amount: refused naming its cell, whatever lies beneath.
    [Theory]
    [InlineData("0%", "%")]
    [InlineData("yyyy/m/d", "/")]
    public async Task An_amount_shown_as_a_percentage_or_a_date_is_refused_naming_its_cell(string format, string shown)
    {
        var (year, export, _) = await BaselineAsync(SheetKind.ImplementationPlan);
        var cell = "";
        var file = CitySheets.Edit(export, ws =>
        {
            var t = Find(ws);
            var column = Enumerable.Range(1, t.LastColumn).First(c => ws.Cell(t.HeaderRow, c).GetString() == "事業費");
            var c = t.DataRows.Select(r => ws.Cell(r, column)).First(x => x.DataType == XLDataType.Number && x.GetValue<double>() > 0);
            cell = c.Address.ToString()!;
            c.Style.NumberFormat.Format = format;
        });
        var report = await app.ImportAsync(SheetKind.ImplementationPlan, file, year, apply: false);
        var refusal = Assert.Single(report.Refused);
        Assert.Contains(cell, refusal.Reason);
        Assert.Contains(shown, refusal.Reason);
        Assert.Contains("金額として読めません", refusal.Reason);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_code_Excel_turned_into_a_date_is_refused_naming_its_cell(string kind)
    {
        var (year, export, _) = await BaselineAsync(kind);
        var cell = "";
        var file = CitySheets.Edit(export, ws =>
        {
            var t = Find(ws);
            var c = ws.Cell(t.DataRows[0], t.CodeColumn);
            cell = c.Address.ToString()!;
            c.SetValue(new DateTime(2026, 1, 1));
            c.Style.NumberFormat.Format = "m\"月\"d\"日\"";
        });
        var report = await app.ImportAsync(kind, file, year, apply: false);
        var refusal = Assert.Single(report.Refused);
        Assert.Contains(cell, refusal.Reason);
        Assert.Contains("日付「1月1日」", refusal.Reason);
    }

    /// A formula Excel has not calculated has no value in the file: written without a value element (an app that does not
    /// calculate) or with an empty one (openpyxl). Either way the row is refused naming the cell — never read as blank.
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_formula_saved_without_its_value_is_refused_naming_its_cell_however_the_file_writes_it(string kind)
    {
        const int Marker = 987654321;
        var (year, export, _) = await BaselineAsync(kind);
        var cell = "";
        var marked = CitySheets.Edit(export, ws =>
        {
            var t = Find(ws);
            // An amount where the sheet has one, else the text a clerk writes.
            var read = t.DataRows.SelectMany(r => ws.Row(r).CellsUsed()).ToList();
            var target = read.FirstOrDefault(c => c.DataType == XLDataType.Number && Regex.IsMatch(ws.Cell(t.HeaderRow, c.Address.ColumnNumber).GetString(), "費|額|財源"))
                ?? read.First(c => ws.Cell(t.HeaderRow, c.Address.ColumnNumber).GetString() is "事業内容" or "今年度の目標" or "要求理由");
            cell = target.Address.ToString()!;
            target.SetValue(Marker);
        });
        foreach (var value in new[] { "", "<v></v>", "<v/>" })
        {
            var file = WithCellXml(marked, cell, Marker, "<f>1000+500</f>" + value);
            var report = await app.ImportAsync(kind, file, year, apply: false);
            var refusal = Assert.Single(report.Refused);
            Assert.Contains($"{cell}（", refusal.Reason);
            Assert.Contains("値が保存されていない数式", refusal.Reason);
        }
    }

    /// The file with one cell's content written as given, the way another program would have written it.
    private static byte[] WithCellXml(byte[] xlsx, string cell, int marker, string content)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            // ClosedXML writes its elements with a prefix (<x:c>); the content is given without one and takes the cell's.
            var pattern = new Regex($"<(\\w+:)?c r=\"{cell}\"([^>]*?)(?: t=\"n\")?([^>]*)><(?:\\w+:)?v>{marker}</(?:\\w+:)?v></(?:\\w+:)?c>", RegexOptions.None, TimeSpan.FromSeconds(1));
            var replaced = 0;
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToList())
            {
                string xml;
                using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
                if (!pattern.IsMatch(xml)) continue;
                xml = pattern.Replace(xml, m =>
                {
                    var p = m.Groups[1].Value;
                    return $"<{p}c r=\"{cell}\"{m.Groups[2].Value}{m.Groups[3].Value}>{Regex.Replace(content, "<(/?)(\\w)", $"<$1{p}$2", RegexOptions.None, TimeSpan.FromSeconds(1))}</{p}c>";
                });
                replaced++;
                using var writer = new StreamWriter(entry.Open());
                writer.BaseStream.SetLength(0);
                writer.Write(xml);
            }
            Assert.Equal(1, replaced);
        }
        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_changed_value_shows_in_the_diff_whatever_else_was_transformed(string kind)
    {
        var (year, export, baseline) = await BaselineAsync(kind);
        var code = "";
        var changed = CitySheets.Edit(export, ws =>
        {
            var t = Find(ws);
            // The first text column a clerk writes in: the content, the year's goal, the reason for a request — in a row
            // that has one (a sheet may list what is still to be filled in).
            var column = Enumerable.Range(1, t.LastColumn).First(c => ws.Cell(t.HeaderRow, c).GetString() is "事業内容" or "今年度の目標" or "要求理由");
            var row = t.DataRows.First(r => !ws.Cell(r, column).IsEmpty());
            code = ws.Cell(row, t.CodeColumn).GetString();
            ws.Cell(row, column).SetValue("内容を見直した（変更の検出）");
        });
        var report = await app.ImportAsync(kind, Transform(changed, Preserving, 3), year, apply: false);
        // Shown as a change, or — where the row may no longer change (a submitted budget request) — its row refused:
        // never read as if nothing had changed.
        var refused = Assert.Single(report.Refused.Where(r => TextNormal.ForCode(r.Reason.Split(':')[0]) == TextNormal.ForCode(code)).DefaultIfEmpty());
        if (refused is not null)
        {
            Assert.Single(report.Refused);
            Assert.DoesNotContain(report.Updated, u => u.Changes.Any(f => f.New == "内容を見直した（変更の検出）"));
            return;
        }
        Assert.Empty(report.Refused);
        Assert.NotEqual(baseline, Stored(report));
        Assert.Contains(report.Updated, u => u.Changes.Any(f => f.New == "内容を見直した（変更の検出）"));
    }

    /// A row deleted in Excel from an exported sheet is never silent: an import does not delete, so the preview names what
    /// the sheet left out (ImportReport.LeftOut: it stays as it is) — or refuses it. The export read back names nothing.
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_data_row_deleted_from_the_export_is_named_in_the_preview_or_refused(string kind)
    {
        var (year, export, _) = await BaselineAsync(kind);
        var readBack = await app.ImportAsync(kind, export, year, apply: false);
        Assert.True(readBack.LeftOut.Count == 0, $"{kind}: the export read back names {string.Join("、", readBack.LeftOut.Take(3).Select(l => l.Key))} as left out");
        var code = "";
        var deleted = CitySheets.Edit(export, ws =>
        {
            var t = Find(ws);
            // A row that carries a record (amounts, a goal, a reason) — not an empty row offered to be filled in.
            var written = Enumerable.Range(1, t.LastColumn)
                .Where(c => new[] { ws.Cell(t.HeaderRow, c).GetString(), ws.Cell(t.HeaderRow + 1, c).GetString() }.Any(h => h is "要求理由" or "今年度の目標" or "事業費")).ToList();
            var row = t.DataRows.First(r => written.Any(c => !ws.Cell(r, c).IsEmpty()));
            code = ws.Cell(row, t.CodeColumn).GetString();
            ws.Row(row).Delete();
        });
        var report = await app.ImportAsync(kind, deleted, year, apply: false);
        var named = report.LeftOut.Any(l => TextNormal.ForCode(l.Key.Split(' ')[0]) == TextNormal.ForCode(code));
        var refused = report.Refused.Any(r => r.Reason.Contains(code, StringComparison.Ordinal));
        Assert.True(named || refused, $"{kind}: the row of {code} deleted from the sheet is neither named nor refused");
        if (named)
        {
            Assert.Contains(report.Description(), d => d.Contains(code, StringComparison.Ordinal) && d.Contains("そのまま残ります", StringComparison.Ordinal));
            Assert.False(report.HasChanges, $"{kind}: deleting a row changed {Stored(report)}");
        }
    }

    [Fact]
    public async Task An_amount_merged_over_two_years_and_a_private_use_character_refuse_their_rows_naming_the_cells()
    {
        var (export, _) = await BaselineAsync(SheetKind.ImplementationPlan, 2026);
        var file = CitySheets.Edit(export, ws =>
        {
            var t = Find(ws);
            var cost = Enumerable.Range(1, t.LastColumn).First(c => ws.Cell(t.HeaderRow, c).GetString() == "事業費");
            var content = Enumerable.Range(1, t.LastColumn).First(c => ws.Cell(t.HeaderRow, c).GetString() == "事業内容");
            // A two-year amount written once over the 令和9・10 rows of the first project.
            ws.Cell(t.DataRows[2], cost).Clear(XLClearOptions.Contents);
            ws.Range(t.DataRows[1], cost, t.DataRows[2], cost).Merge();
            // A personnel system's 外字 in the content of another row.
            ws.Cell(t.DataRows[5], content).SetValue("高\uE001地区の整備");
        });
        var report = await app.ImportAsync(SheetKind.ImplementationPlan, file, 2026, apply: false);
        Assert.False(report.CanApply);
        var find = CitySheets.Edit(export, _ => { });
        using var wb = new XLWorkbook(new MemoryStream(find));
        var table = Find(wb.Worksheet(1));
        var merged = Assert.Single(report.Refused, r => r.Row == table.DataRows[1]);
        Assert.Matches(@"[A-Z]+\d+:[A-Z]+\d+ に結合", merged.Reason);
        Assert.Contains(report.Refused, r => r.Row == table.DataRows[2] && r.Reason.Contains("結合"));
        var privateUse = Assert.Single(report.Refused, r => r.Row == table.DataRows[5]);
        Assert.Contains("外字", privateUse.Reason);
        Assert.Contains("U+E001", privateUse.Reason);
    }

    private sealed record CsvTransformation(string Name, Action<StaffRegister, Random> Apply);

    /// The staff register (CSV) as personnel systems differ in writing the same people: encodings, the everyday words of
    /// 職層 and 任用形態, dates in every form (an earlier year's 異動日 for someone in the same post means the same as the
    /// year's first day), a 部 before the 課, Excel's keep-the-zeros form and invisible spaces in 職員番号, header wordings,
    /// subtotal and note lines.
    private static readonly CsvTransformation[] StaffPreserving =
    [
        new("UTF-8 without BOM", (r, _) => r.Encoding = new System.Text.UTF8Encoding(false)),
        new("Shift_JIS (CP932)", (r, _) =>
        {
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            // A CP932 file cannot hold a zero-width or no-break space: another transformation's, dropped as such a file would.
            r.Encoding = System.Text.Encoding.GetEncoding(932, new System.Text.EncoderReplacementFallback(""), System.Text.DecoderFallback.ReplacementFallback);
        }),
        new("everyday words of 職層 and 任用形態", (r, rnd) => Each(r, (l, _) => l with
        {
            Level = l.Level switch { "部長級" => "部長", "課長級" => "課長", "係長級" => "係長", "一般職員" => rnd.Next(2) == 0 ? "一般" : "主任・主事級", var v => v },
            Employment = l.Employment switch
            {
                "正規" => rnd.Next(2) == 0 ? "正規職員" : "常勤",
                "再任用" => rnd.Next(2) == 0 ? "再任用（短時間）" : "再任用職員",
                "会計年度任用" => rnd.Next(2) == 0 ? "会計年度任用職員（パートタイム）" : "会計年度任用職員（フルタイム）",
                var v => v,
            },
        })),
        new("dates in every form, and earlier years for people in the same post", (r, rnd) => Each(r, (l, _) =>
        {
            var d = DateOnly.ParseExact(l.StartsOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (d.Month != 4 || d.Day != 1) return l;
            var earlier = d.AddYears(-1 - rnd.Next(6));
            string[] forms = [Wareki.Date(d), $"R{d.Year - 2018}.{d.Month}.{d.Day}", $"{d.Year}/{d.Month}/{d.Day}", $"{d:yyyyMMdd}", $"{d.Year}年{d.Month}月{d.Day}日", Wareki.Date(earlier), $"{earlier.Year}/{earlier.Month}/{earlier.Day} 0:00:00"];
            return l with { StartsOn = forms[rnd.Next(forms.Length)] };
        })),
        new("a 部 written before its 課", (r, rnd) => Each(r, (l, _) =>
            l.Department is string d ? l with { Unit = d + new[] { "", " ", "　" }[rnd.Next(3)] + l.Unit } : l)),
        new("zero-width and no-break spaces in 職員番号", (r, rnd) => Each(r, (l, _) => l with { Number = rnd.Next(2) == 0 ? l.Number + "\u200B" : "\u00A0" + l.Number })),
        new("職員番号 in Excel's keep-the-zeros form", (r, _) => Each(r, (l, i) => i % 2 == 0 ? l with { Number = $"=\"{l.Number}\"" } : l)),
        new("header wordings", (r, _) =>
        {
            var words = new Dictionary<string, string> { ["職員番号"] = "職員コード", ["所属"] = "所属名", ["発令日"] = "異動日", ["任用形態"] = "雇用形態", ["職名"] = "役職" };
            for (var i = 0; i < r.HeaderRow.Count; i++) r.HeaderRow[i] = words.GetValueOrDefault(r.HeaderRow[i], r.HeaderRow[i]);
        }),
        new("subtotal and note lines", (r, _) =>
        {
            r.Lines.Insert(Math.Min(5, r.Lines.Count), new StaffRegister.Line("", "課計", "", null, "", "", null, "", "", null));
            r.Trailer.Add("合計,,,,,,,,");
            r.Trailer.Add("※ 令和8年4月1日現在");
        }),
    ];

    private static void Each(StaffRegister r, Func<StaffRegister.Line, int, StaffRegister.Line> change)
    {
        for (var i = 0; i < r.Lines.Count; i++) r.Lines[i] = change(r.Lines[i], i);
    }

    private async Task<(StaffRegister Register, string Baseline)> StaffBaselineAsync()
    {
        var register = StaffRegister.Of(app, 2026);
        Assert.NotEmpty(register.Lines);
        var report = await app.ImportAsync(Core.Personnel.StaffImport.Kind, register.Bytes(), 2026, apply: false, fileName: "職員名簿.csv");
        Assert.Null(report.FileError);
        Assert.Empty(report.Refused);
        return (register, Stored(report));
    }

    private async Task AssertStaffSameAsync(StaffRegister register, string baseline, CsvTransformation[] transformations, int seed)
    {
        var copy = register.Copy();
        var rnd = new Random(seed);
        foreach (var t in transformations) t.Apply(copy, rnd);
        var report = await app.ImportAsync(Core.Personnel.StaffImport.Kind, copy.Bytes(), 2026, apply: false, fileName: "職員名簿.csv");
        var what = $"staff: {string.Join(" + ", transformations.Select(t => t.Name))} (seed {seed})";
        Assert.True(report.FileError is null, $"{what}: {report.FileError}");
        Assert.True(report.Refused.Count == 0, $"{what}: {string.Join(" / ", report.Refused.Take(3).Select(r => r.Reason))}");
        Assert.True(!report.NeedsChoice, $"{what}: {string.Join(" / ", report.OpenChoices())}");
        Assert.True(baseline == Stored(report), $"{what}: stored differently\n{Stored(report)[..Math.Min(600, Stored(report).Length)]}");
    }

    [Fact]
    public async Task The_staff_register_read_through_each_transformation_and_random_combinations_stores_what_the_plain_register_stores()
    {
        var (register, baseline) = await StaffBaselineAsync();
        for (var i = 0; i < StaffPreserving.Length; i++) await AssertStaffSameAsync(register, baseline, [StaffPreserving[i]], i);
        Gen.Select(Gen.Int[0, (1 << StaffPreserving.Length) - 1], Gen.Int)
            .Where(x => System.Numerics.BitOperations.PopCount((uint)x.Item1) is >= 3 and <= 6)
            .Sample(x => AssertStaffSameAsync(register, baseline, StaffPreserving.Where((_, i) => (x.Item1 & (1 << i)) != 0).ToArray(), x.Item2).GetAwaiter().GetResult(),
                iter: 8, threads: 1, print: x => string.Join(" + ", StaffPreserving.Where((_, i) => (x.Item1 & (1 << i)) != 0).Select(t => t.Name)));
    }

    [Fact]
    public async Task A_changed_post_in_the_staff_register_shows_in_the_diff_whatever_else_was_transformed()
    {
        var (register, baseline) = await StaffBaselineAsync();
        var changed = register.Copy();
        changed.Lines[0] = changed.Lines[0] with { Position = "主幹（変更の検出）" };
        var rnd = new Random(5);
        foreach (var t in StaffPreserving) t.Apply(changed, rnd);
        var report = await app.ImportAsync(Core.Personnel.StaffImport.Kind, changed.Bytes(), 2026, apply: false, fileName: "職員名簿.csv");
        Assert.Empty(report.Refused);
        Assert.NotEqual(baseline, Stored(report));
        Assert.Contains(report.Updated, u => u.Changes.Any(f => f.New == "主幹（変更の検出）"));
    }
}
