using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Komaki.Management.Core;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Personnel;
using Komaki.Management.TestSheets;

namespace Komaki.Management.IntegrationTests.Importing;

/// An import stores exactly what the sheet means — as Excel shows it, by its labels — or refuses naming the cell. For
/// every import kind and every column it reads, from a valid sheet of the demo city (its own export, or the sheet the
/// kind's senders write):
/// - a free-text cell typed as a date, a percentage or a number is stored as Excel shows it (「7月15日」「85%」「1,235」);
/// - an invalid value in a typed column (amount, number, date, label, code or unit) refuses its row naming that cell,
///   and nothing is written;
/// - a blank cell does what docs/excel.md「空欄のセル」 says for the column — clears (shown as 「（空欄）」), keeps the
///   stored value (said, naming the cell), refuses naming the cell, or is read (0 or no value) — and the preview says so;
///   a data row whose key (事業コード, 番号 …) is blank is refused naming the key's cell, never skipped as a heading;
/// - a number with one decimal more than its field keeps is refused naming the cell, never rounded (as the forms refuse it);
/// - an export whose numbers carry every decimal their fields keep reads back unchanged: the sheet shows what is stored.
/// Each kind's cases share imports (one changed cell per row), so the whole class runs a few dozen previews.
public class EveryImportCellTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    /// What a blank cell of the column means (docs/excel.md「空欄のセル」).
    private enum Blank
    {
        /// The row's key (事業コード, 番号 …): a data row without it is refused naming the key's cell. Only a row with nothing
        /// in the columns read but a name is a heading or a note, skipped and listed.
        Key,
        /// Text that is not written: the stored text is cleared, shown as 「（空欄）」.
        Clears,
        /// A value that cannot be empty (or that a blank does not speak about): the stored value stays, said naming the cell.
        Keeps,
        /// A value the row needs: the row is refused naming the cell.
        Refused,
        /// Read as 0 or as no value (財源 0, 発令日 the year's first day, a figure not given): the row goes in.
        Read,
    }

    /// A column the kind reads: a value its typed reading refuses (null for text), what a blank means, whether it is
    /// free text, and which rows show the case (a stored value to clear or keep, a source of 0 to read as 0).
    /// Stored: a value the column is given first, for the blank to have something to clear, when the demo city has none yet.
    /// Published: what the public site shows of a record already there (a 公約's 分野・項目) is not rewritten by an import
    /// but refused naming the cell (a 訂正 needs its reason, given on the record's page: PublishedCorrections).
    /// Decimals: how many the column's field keeps (3 for an amount in 千円: one yen), for the number columns.
    private sealed record Column(string Header, string? Invalid, Blank Blank, bool FreeText = false, Func<IXLCell, bool>? RowIf = null, string? Stored = null, bool Published = false,
        int? Decimals = null);

    private static readonly Func<IXLCell, bool> ZeroOrBlank = c => c.IsEmpty() || c.GetString() == "0";

    private static readonly string[] Months = [.. Enumerable.Range(0, 12).Select(i => $"{(i + 3) % 12 + 1}月")];

    private static readonly Dictionary<string, Column[]> Columns = new()
    {
        [SheetKind.ImplementationPlan] =
        [
            new("事業コード", "9-9-99", Blank.Key), new("年度", "令和X年度", Blank.Refused), new("区分", "ほげ", Blank.Keeps),
            new("事業内容", null, Blank.Clears, FreeText: true), new("事業費", "abc", Blank.Refused, Decimals: 3),
            .. new[] { "国庫支出金", "県支出金", "地方債", "その他特定財源" }.Select(h => new Column(h, "1,2", Blank.Read, RowIf: ZeroOrBlank, Decimals: 3)),
            // Blank is 0 here too, and 0 no longer adds up to the 事業費: refused naming the cells.
            new("一般財源", "1,2", Blank.Refused, Decimals: 3),
        ],
        [SheetKind.ExecutionPlan] =
        [
            new("事業コード", "9-9-99", Blank.Key), new("担当課", "存在しない課", Blank.Keeps),
            new("今年度の目標", null, Blank.Refused, FreeText: true), new("事業内容", null, Blank.Clears, FreeText: true),
            .. Months.Select(m => new Column(m, null, Blank.Clears, FreeText: true)),
            new("中間進捗区分", "ほげ", Blank.Clears), new("中間進捗", null, Blank.Clears, FreeText: true),
            new("年度末進捗区分", "ほげ", Blank.Clears, Stored: "順調"), new("年度末進捗", null, Blank.Clears, FreeText: true, Stored: "予定どおり完了した。"),
        ],
        [BudgetRequestImport.Kind] =
        [
            new("事業コード", "9-9-99", Blank.Key), new("新規・継続", "ほげ", Blank.Refused), new("要求額（歳出）", "abc", Blank.Refused, Decimals: 3),
            .. new[] { "国庫支出金", "県支出金", "地方債", "その他特定財源" }.Select(h => new Column(h, "abc", Blank.Read, RowIf: ZeroOrBlank, Decimals: 3)),
            // Blank is 0 here too, and 0 no longer adds up to the 歳出: refused naming the cells.
            new("一般財源", "abc", Blank.Refused, Decimals: 3), new("要求理由", null, Blank.Refused, FreeText: true),
        ],
        [SheetKind.Evaluations] =
        [
            new("事務事業ID", null, Blank.Key), new("事務事業名", null, Blank.Refused, FreeText: true), new("部課名", "存在しない課", Blank.Refused),
            new("事務事業の概要", null, Blank.Keeps, FreeText: true), new("政策番号", "x", Blank.Refused), new("施策番号", "x", Blank.Refused),
            new("公共関与の妥当性", "Z", Blank.Clears), new("判断理由", null, Blank.Keeps, FreeText: true), new("今後の方向性", "ほげ", Blank.Refused),
            new("全体総括・今後の改革改善の内容", null, Blank.Keeps, FreeText: true),
            .. new[] { "国庫支出金", "都道府県支出金", "地方債", "その他", "一般財源", "事業費計", "延べ業務時間", "人件費計", "トータルコスト" }
                .Select(h => new Column(h, "abc", Blank.Read, Decimals: h == "延べ業務時間" ? 4 : 3)),
        ],
        [SheetKind.Manifesto] =
        [
            new("番号", null, Blank.Key), new("分野", null, Blank.Keeps, FreeText: true, Published: true), new("項目", null, Blank.Refused, FreeText: true, Published: true),
            new("内容", null, Blank.Clears, FreeText: true), new("数値目標", null, Blank.Clears, FreeText: true),
        ],
        // No free text: the 施策 name only tells a 小計 row.
        [SheetKind.Survey] =
        [
            new("施策コード", "9-9", Blank.Key), new("施策", null, Blank.Read), new("満足度", "abc", Blank.Keeps, Decimals: 3), new("重要度", "abc", Blank.Keeps, Decimals: 3),
        ],
        [StaffImport.Kind] =
        [
            new("職員番号", null, Blank.Key), new("氏名", null, Blank.Refused, FreeText: true), new("所属", "存在しない課", Blank.Refused),
            new("職名", null, Blank.Refused, FreeText: true), new("職層", "ほげ", Blank.Refused), new("級", "abc", Blank.Clears, Decimals: 0),
            new("任用形態", "ほげ", Blank.Refused), new("発令日", "2026/2/30", Blank.Read, RowIf: c => c.GetString() == "2026-04-01"),
            new("メールアドレス", "abc", Blank.Keeps),
        ],
    };

    public static TheoryData<string> Kinds => [.. SheetKinds.ForOperators.Keys.Order()];

    public static TheoryData<string> KindsWithFreeText => [.. Columns.Where(k => k.Value.Any(c => c.FreeText)).Select(k => k.Key).Order()];

    [Fact]
    public void Every_import_kind_lists_the_columns_it_reads() =>
        Assert.Equal(SheetKinds.ForOperators.Keys.Order(), Columns.Keys.Order());

    private sealed record Base(int Scope, byte[] File, string FileName);

    private sealed record Case(Column Column, int At, int Row, int Variant)
    {
        public string Cell => $"{XLHelper.GetColumnLetterFromNumber(At)}{Row}";
    }

    private static readonly string[] ManifestoHeaders = ["番号", "分野", "項目", "内容", "数値目標"];

    private static readonly string[] BudgetSources = ["国庫支出金", "県支出金", "地方債", "その他特定財源"];

    private static readonly string[] SurveyHeaders = ["施策コード", "施策", "満足度", "重要度"];

    private static readonly string[] CodeHeaders = ["事業コード", "事務事業ID", "番号", "施策コード", "職員番号"];

    /// The table of a sheet: its header row (one or two rows), its columns by header and its data rows.
    private sealed class Table
    {
        private readonly IXLWorksheet _ws;
        private readonly int _last;

        public Table(IXLWorksheet ws)
        {
            _ws = ws;
            _last = ws.LastColumnUsed()!.ColumnNumber();
            HeaderRow = Enumerable.Range(1, 15).First(r => ws.Row(r).CellsUsed().Any(c => CodeHeaders.Contains(c.GetString().Trim())));
            var code = Column(CodeHeaders.First(h => Enumerable.Range(1, _last).Any(c => ws.Cell(HeaderRow, c).GetString().Trim() == h)));
            Rows = Enumerable.Range(HeaderRow + 1, ws.LastRowUsed()!.RowNumber() - HeaderRow)
                .Where(r => Regex.IsMatch(ws.Cell(r, code).GetString(), "^[0-9A-Za-z０-９]")).ToList();
        }

        public int HeaderRow { get; }

        public List<int> Rows { get; }

        public int Column(string header) =>
            Enumerable.Range(1, _last).FirstOrDefault(c => _ws.Cell(HeaderRow, c).GetString().Trim() == header || _ws.Cell(HeaderRow + 1, c).GetString().Trim() == header) is int c and > 0
                ? c : throw new InvalidOperationException($"見出し「{header}」の列がありません。");
    }

    private static IXLWorksheet Open(byte[] file) => new XLWorkbook(new MemoryStream(file)).Worksheet(1);

    /// The rows a case may use: not a submitted budget request (it may not change) nor an execution plan whose progress
    /// is late or suspended (its progress text may not be blank).
    private static bool Usable(IXLWorksheet ws, int row) =>
        !ws.Row(row).CellsUsed().Any(c => c.GetString() is "提出済" or "遅れ" or "中止・休止");

    /// Each case in a row of its own, as few imports as the rows allow.
    private static List<List<Case>> Place(byte[] file, IEnumerable<(Column Column, int Variant)> cases, bool needsValue)
    {
        var ws = Open(file);
        var table = new Table(ws);
        var batches = new List<List<Case>>();
        foreach (var (column, variant) in cases)
        {
            var at = table.Column(column.Header);
            var rows = table.Rows.Where(r => Usable(ws, r) && (!needsValue || !ws.Cell(r, at).IsEmpty()) && (column.RowIf?.Invoke(ws.Cell(r, at)) ?? true)).ToList();
            Assert.True(rows.Count > 0, $"「{column.Header}」: no row of the sheet shows this case");
            var batch = batches.FirstOrDefault(b => rows.Any(r => b.All(x => x.Row != r)));
            if (batch is null) batches.Add(batch = []);
            batch.Add(new Case(column, at, rows.First(r => batch.All(x => x.Row != r)), variant));
        }
        return batches;
    }

    private async Task<Base> BaseAsync(string kind, string newCodes)
    {
        switch (kind)
        {
            case SheetKind.ImplementationPlan or SheetKind.ExecutionPlan:
                return new Base(2026, await app.ExportAsync(kind, 2026), "test.xlsx");
            case BudgetRequestImport.Kind:
            {
                // The 課's sheet for next year, its empty rows filled in as requests (a request not yet submitted may change).
                var file = CitySheets.Edit(await app.ExportAsync(kind, 2028), ws =>
                {
                    var t = new Table(ws);
                    foreach (var r in t.Rows.Where(r => ws.Cell(r, t.Column("状態")).GetString() == "未入力"))
                    {
                        ws.Cell(r, t.Column("新規・継続")).SetValue("継続");
                        ws.Cell(r, t.Column("要求額（歳出）")).SetValue(500);
                        foreach (var h in BudgetSources) ws.Cell(r, t.Column(h)).SetValue(0);
                        ws.Cell(r, t.Column("一般財源")).SetValue(500);
                        ws.Cell(r, t.Column("要求理由")).SetValue("道路の維持に要する経費を要求する。");
                    }
                });
                return new Base(2028, file, "test.xlsx");
            }
            case SheetKind.Evaluations:
                return new Base(2025, EvaluationSheet(newCodes), "test.xlsx");
            case SheetKind.Manifesto:
            {
                var (term, items) = app.WithDb(db =>
                {
                    var id = db.MayorTerms.OrderBy(t => t.Id).Select(t => t.Id).First();
                    return (id, db.ManifestoItems.Where(i => i.MayorTermId == id).OrderBy(i => i.SortOrder)
                        .Select(i => new object?[] { i.Number, i.Area, i.Title, i.Description, i.NumericTarget }).ToList());
                });
                return new Base(term, Book(ManifestoHeaders, items), "test.xlsx");
            }
            case SheetKind.Survey:
            {
                var (year, rows) = app.WithDb(db =>
                {
                    var y = db.SurveyResults.GroupBy(r => r.FiscalYear).OrderByDescending(g => g.Count()).Select(g => g.Key).First();
                    return (y, db.SurveyResults.Where(r => r.FiscalYear == y && r.Measure!.RetiredAt == null).OrderBy(r => r.Measure!.Code)
                        .Select(r => new object?[] { r.Measure!.Code, r.Measure.Name, r.Satisfaction, r.Importance }).ToList());
                });
                return new Base(year, Book(SurveyHeaders, rows), "test.xlsx");
            }
            case StaffImport.Kind:
            {
                var register = StaffRegister.Of(app, 2026);
                return new Base(2026, Book(StaffRegister.Headers, register.Lines.Select(l => l.Fields.Select(f => (object?)(f.Length == 0 ? null : f)).ToArray()).ToList()), "職員名簿.xlsx");
            }
            default:
                throw new InvalidOperationException($"{kind}: このテストに有効なシートの作り方を加えてください。");
        }
    }

    /// A sheet of the previous evaluation system with new projects: one year's costs, a rating with its reason.
    private byte[] EvaluationSheet(string codes)
    {
        var (policy, measure) = app.WithDb(db => db.Measures.Where(m => m.RetiredAt == null).Select(m => new { m.Code, Policy = m.Policy!.Code }).ToList()
            .Select(m => (m.Policy, Parts: m.Code.Split('-')))
            .Where(m => m.Parts.Length == 2 && m.Parts[0] == m.Policy && m.Parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit) && p[0] != '0'))
            .Select(m => (m.Parts[0], m.Parts[1])).DefaultIfEmpty(("1", "1")).First());
        string[] headers =
        [
            "事務事業ID", "事務事業名", "部課名", "事務事業の概要", "政策番号", "施策番号", "公共関与の妥当性", "判断理由", "今後の方向性", "全体総括・今後の改革改善の内容",
            "国庫支出金", "都道府県支出金", "地方債", "その他", "一般財源", "事業費計", "延べ業務時間", "人件費計", "トータルコスト",
        ];
        var rows = Enumerable.Range(1, 14).Select(i => new object?[]
        {
            $"{codes}{i:000}", $"評価の取込事業{i}", "道路課", $"事業{i}の概要。", policy, measure, "A", "市が担うべき事業である。", "維持", $"事業{i}の改善の内容。",
            100, 0, 0, 0, 400, 500, 180, 800, 1300,
        }).ToList();
        return Book(headers, rows, note: "（単位：千円）");
    }

    private static byte[] Book(string[] headers, List<object?[]> rows, string? note = null)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Sheet1");
        for (var c = 0; c < headers.Length; c++) ws.Cell(1, c + 1).SetValue(headers[c]);
        if (note is not null) ws.Cell(1, headers.Length + 20).SetValue(note);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = ws.Cell(r + 2, c + 1);
                switch (rows[r][c])
                {
                    case string s: cell.SetValue(s); break;
                    case int i: cell.SetValue(i); break;
                    case decimal d: cell.SetValue(d); break;
                }
            }
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static bool Names(string text, string cell) => Regex.IsMatch(text, $"(?<![A-Z]){cell}(?![0-9])");

    private async Task<ImportReport> ImportAsync(string kind, Base b, byte[] file, bool apply) =>
        await app.ImportAsync(kind, file, b.Scope, apply, fileName: b.FileName);

    private async Task<Base> ValidBaseAsync(string kind, string newCodes)
    {
        var b = await BaseAsync(kind, newCodes);
        var report = await ImportAsync(kind, b, b.File, apply: false);
        Assert.True(report.FileError is null && report.Refused.Count == 0 && !report.NeedsChoice,
            $"{kind}: the valid sheet is not read as valid: {report.FileError} {string.Join(" / ", report.Refused.Take(3).Select(r => r.Reason))} {string.Join(" / ", report.OpenChoices())}");
        return b;
    }

    private (int Editions, int Lines, int Plans, int Months, int Audit, long Cost) Snapshot() => app.Snapshot();

    private (int Requests, int Projects, int Evaluations, int Items, int Results, int Assignments, int Units) Records() =>
        app.WithDb(db => (db.BudgetRequests.Count(), db.Projects.Count(), db.ProjectEvaluations.Count(), db.ManifestoItems.Count(), db.SurveyResults.Count(),
            db.StaffAssignments.Count(), db.OrgUnits.Count()));

    private static readonly (string Format, string Shown, string[] Beneath)[] Typed =
    [
        ("m\"月\"d\"日\"", "7月15日", ["2026-07-15", "2026/07/15", "46218"]),
        ("0%", "85%", ["0.85"]),
        ("#,##0", "1,235", ["1234.5"]),
    ];

    [Theory]
    [MemberData(nameof(KindsWithFreeText))]
    public async Task Every_free_text_column_stores_a_date_a_percentage_or_a_number_as_Excel_shows_it(string kind)
    {
        var b = await ValidBaseAsync(kind, "A9");
        var failures = new List<string>();
        foreach (var batch in Place(b.File, Columns[kind].Where(c => c.FreeText).SelectMany(c => Enumerable.Range(0, Typed.Length).Select(v => (c, v))), needsValue: false))
        {
            var file = CitySheets.Edit(b.File, ws =>
            {
                foreach (var c in batch)
                {
                    var cell = ws.Cell(c.Row, c.At);
                    switch (c.Variant)
                    {
                        case 0: cell.SetValue(new DateTime(2026, 7, 15)); break;
                        case 1: cell.SetValue(0.85); break;
                        default: cell.SetValue(1234.5); break;
                    }
                    cell.Style.NumberFormat.Format = Typed[c.Variant].Format;
                }
            });
            var report = await ImportAsync(kind, b, file, apply: false);
            foreach (var c in batch)
            {
                var (_, shown, beneath) = Typed[c.Variant];
                var changes = report.Created.Concat(report.Updated).Where(x => x.Row == c.Row).SelectMany(x => x.Changes).ToList();
                var refused = report.Refused.Where(r => r.Row == c.Row).Select(r => r.Reason).ToList();
                if (c.Column.Published)
                {
                    if (!refused.Any(r => r.Contains(c.Cell, StringComparison.Ordinal))) failures.Add($"{c.Column.Header} {c.Cell}: a published record rewritten without its cell named: {string.Join(" / ", refused)}");
                    continue;
                }
                if (refused.Count > 0 || !changes.Any(f => f.New?.Contains(shown, StringComparison.Ordinal) == true)
                    || changes.Any(f => beneath.Any(v => f.New?.Contains(v, StringComparison.Ordinal) == true)))
                    failures.Add($"{c.Column.Header} {c.Cell}「{shown}」: {string.Join("; ", changes.Select(f => $"{f.Field} → {f.New}"))} {string.Join(" / ", refused)}");
            }
        }
        Assert.True(failures.Count == 0, $"{kind}: free text not stored as Excel shows it:\n{string.Join("\n", failures)}");
    }

    public static TheoryData<string> KindsWithTypedColumns => [.. Columns.Where(k => k.Value.Any(c => c.Invalid is not null)).Select(k => k.Key).Order()];

    [Theory]
    [MemberData(nameof(KindsWithTypedColumns))]
    public async Task An_invalid_value_in_any_typed_column_refuses_its_row_naming_the_cell_and_writes_nothing(string kind)
    {
        var b = await ValidBaseAsync(kind, "B9");
        var failures = new List<string>();
        foreach (var batch in Place(b.File, Columns[kind].Where(c => c.Invalid is not null).Select(c => (c, 0)), needsValue: false))
        {
            var file = CitySheets.Edit(b.File, ws =>
            {
                foreach (var c in batch) ws.Cell(c.Row, c.At).SetValue(c.Column.Invalid!);
            });
            var (snapshot, records) = (Snapshot(), Records());
            var report = await ImportAsync(kind, b, file, apply: true);
            Assert.False(report.Applied, $"{kind}: a sheet with invalid cells was written");
            Assert.Equal(snapshot, Snapshot());
            Assert.Equal(records, Records());
            foreach (var c in batch)
            {
                if (!report.Refused.Any(r => r.Row == c.Row && Names(r.Reason, c.Cell)))
                    failures.Add($"{c.Column.Header} {c.Cell}「{c.Column.Invalid}」: {string.Join(" / ", report.Refused.Where(r => r.Row == c.Row).Select(r => r.Reason).DefaultIfEmpty("refused nothing"))}");
            }
        }
        Assert.True(failures.Count == 0, $"{kind}: refusals that do not name the cell:\n{string.Join("\n", failures)}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_blank_cell_in_any_column_does_what_the_guide_says_and_the_preview_says_so(string kind)
    {
        var b = await ValidBaseAsync(kind, "C9");
        if (kind == SheetKind.Evaluations)
        {
            // Evaluations already stored, so that a blank has something to clear or keep.
            var stored = await ImportAsync(kind, b, b.File, apply: true);
            Assert.True(stored.Applied, string.Join(" / ", stored.Refused.Select(r => r.Reason)));
        }
        if (Columns[kind].Where(c => c.Stored is not null).ToList() is { Count: > 0 } unstored)
        {
            var given = CitySheets.Edit(b.File, ws =>
            {
                var t = new Table(ws);
                var row = t.Rows.First(r => Usable(ws, r));
                foreach (var c in unstored) ws.Cell(row, t.Column(c.Header)).SetValue(c.Stored!);
            });
            Assert.True((await ImportAsync(kind, b, given, apply: true)).Applied);
            b = await ValidBaseAsync(kind, "C9");
        }
        var failures = new List<string>();
        foreach (var batch in Place(b.File, Columns[kind].Select(c => (c, 0)), needsValue: true))
        {
            var file = CitySheets.Edit(b.File, ws =>
            {
                foreach (var c in batch) ws.Cell(c.Row, c.At).Clear(XLClearOptions.Contents);
            });
            var report = await ImportAsync(kind, b, file, apply: false);
            foreach (var c in batch)
            {
                var refused = report.Refused.Where(r => r.Row == c.Row).Select(r => r.Reason).ToList();
                var changes = report.Created.Concat(report.Updated).Where(x => x.Row == c.Row).SelectMany(x => x.Changes).ToList();
                var kept = report.Warnings.Any(w => w.Row == c.Row && Names(w.Reason, c.Cell) && w.Reason.Contains("のまま残します", StringComparison.Ordinal));
                var cleared = changes.Any(f => f.NewAsShown() == ImportChanges.Cleared);
                var ok = c.Column.Blank switch
                {
                    Blank.Clears => refused.Count == 0 && cleared,
                    Blank.Keeps => refused.Count == 0 && kept && !cleared,
                    Blank.Refused or Blank.Key => refused.Any(r => Names(r, c.Cell)),
                    _ => refused.Count == 0,
                };
                if (!ok)
                    failures.Add($"{c.Column.Header} {c.Cell} expected {c.Column.Blank}: changes {string.Join("; ", changes.Select(f => $"{f.Field} {f.Old} → {f.New}"))}; " +
                        $"refused {string.Join(" / ", refused)}; warnings {string.Join(" / ", report.Warnings.Where(w => w.Row == c.Row).Select(w => w.Reason))}");
            }
        }
        Assert.True(failures.Count == 0, $"{kind}: blank cells not as docs/excel.md says:\n{string.Join("\n", failures)}");
    }

    public static TheoryData<string> KindsWithNumbers => [.. Columns.Where(k => k.Value.Any(c => c.Decimals is not null)).Select(k => k.Key).Order()];

    private static decimal NumberIn(IXLCell cell) =>
        cell.IsEmpty() ? 0m : cell.DataType == XLDataType.Number ? (decimal)cell.GetDouble() : decimal.Parse(cell.GetString().Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(KindsWithNumbers))]
    public async Task A_number_with_one_decimal_more_than_its_field_keeps_is_refused_naming_the_cell_never_rounded(string kind)
    {
        var b = await ValidBaseAsync(kind, "D9");
        var failures = new List<string>();
        foreach (var batch in Place(b.File, Columns[kind].Where(c => c.Decimals is not null).Select(c => (c, 0)), needsValue: false))
        {
            var typed = new Dictionary<Case, string>();
            var file = CitySheets.Edit(b.File, ws =>
            {
                foreach (var c in batch)
                {
                    // 4 in the first place the field does not keep: rounded, it would be the value already there.
                    var cell = ws.Cell(c.Row, c.At);
                    var value = NumberIn(cell) + 4m / (decimal)Math.Pow(10, c.Column.Decimals!.Value + 1);
                    typed[c] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    cell.SetValue(typed[c]);
                    cell.DataType = XLDataType.Text;
                }
            });
            var report = await ImportAsync(kind, b, file, apply: false);
            // The evaluation history (the old system's sheet, its figures computed by formulas) keeps them at the field's
            // scale and names every such cell in the preview; every sheet typed by staff refuses them.
            var said = kind == SheetKind.Evaluations ? report.Warnings : report.Refused;
            foreach (var c in batch)
            {
                if (!said.Any(r => r.Row == c.Row && Names(r.Reason, c.Cell)))
                    failures.Add($"{c.Column.Header} {c.Cell}「{typed[c]}」 (keeps {c.Column.Decimals} decimals): " +
                        string.Join(" / ", report.Refused.Where(r => r.Row == c.Row).Select(r => r.Reason).DefaultIfEmpty("refused nothing")));
            }
        }
        Assert.True(failures.Count == 0, $"{kind}: numbers finer than their fields keep, not refused naming the cell:\n{string.Join("\n", failures)}");
    }

    /// Every kind whose export is its import's layout (SheetKind.RoundTrips).
    public static TheoryData<string> ExportedKinds => [.. SheetKinds.All.Values.Where(k => k.RoundTrips).Select(k => k.Name).Order()];

    /// How the database is given numbers at their fields' full scale, through the kind's own import: the column of a
    /// row's total and the one that balances it (財源 must add up to the total), each given +0.5 in one row and +0.001
    /// (one yen) in another.
    private static readonly decimal[] Fractions = [0.5m, 0.001m];

    private static readonly Dictionary<string, (string Total, string Balance)> FullScale = new()
    {
        [SheetKind.ImplementationPlan] = ("事業費", "一般財源"),
        [BudgetRequestImport.Kind] = ("要求額（歳出）", "一般財源"),
    };

    [Theory]
    [MemberData(nameof(ExportedKinds))]
    public async Task An_export_whose_numbers_carry_every_decimal_their_fields_keep_reads_back_unchanged(string kind)
    {
        var b = await ValidBaseAsync(kind, "E9");
        if (Columns[kind].Any(c => c.Decimals is not null))
        {
            Assert.True(FullScale.TryGetValue(kind, out var columns), $"{kind}: add how to give its numbers their full scale (FullScale)");
            var given = CitySheets.Edit(b.File, ws =>
            {
                var t = new Table(ws);
                var rows = t.Rows.Where(r => Usable(ws, r) && !ws.Cell(r, t.Column(columns.Total)).IsEmpty()).Take(2).ToList();
                Assert.True(rows.Count == 2, $"{kind}: no two rows to give fractions");
                foreach (var (row, add) in rows.Zip(Fractions))
                {
                    foreach (var header in new[] { columns.Total, columns.Balance })
                    {
                        var cell = ws.Cell(row, t.Column(header));
                        cell.SetValue(NumberIn(cell) + add);
                        // Shown with its decimals, as a person types it into the form, so the import reads the fraction.
                        cell.Style.NumberFormat.Format = "#,##0.0##";
                    }
                }
            });
            var stored = await ImportAsync(kind, b, given, apply: true);
            Assert.True(stored.Applied, $"{kind}: {stored.FileError} {string.Join(" / ", stored.Refused.Take(3).Select(r => r.Reason))}");
            Assert.True(stored.Created.Concat(stored.Updated).SelectMany(x => x.Changes).Count(f => f.New?.Contains(".5", StringComparison.Ordinal) == true
                || f.New?.Contains(".001", StringComparison.Ordinal) == true) >= 4, $"{kind}: the fractions were not stored");
        }
        var export = await app.ExportAsync(kind, b.Scope);
        var report = await ImportAsync(kind, b, export, apply: false);
        Assert.True(report.FileError is null && report.Refused.Count == 0, $"{kind}: {report.FileError} {string.Join(" / ", report.Refused.Take(3).Select(r => r.Reason))}");
        Assert.True(!report.HasChanges, $"{kind}: the export read back changes what it exported: " +
            string.Join("; ", report.Created.Concat(report.Updated).Take(5).Select(x => $"{x.Key}: {string.Join(", ", x.Changes.Select(f => $"{f.Field} {f.Old}→{f.New}"))}")));
    }
}
