using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.Importing;

/// The table an import reads: the one sheet that fits its layout (記入例 and hidden sheets left out; the user picks
/// when several fit), its header, the unit of its amounts (from a header, or a note anywhere around the table;
/// notes that disagree refuse the file), and the columns it does not read. Its rows are the data rows only.
public sealed partial class SheetTable
{
    private readonly SheetLayout _layout;
    private readonly HashSet<int> _readColumns;
    private readonly int[] _readColumnsInOrder;

    /// The columns read that are neither the key nor a name: a value in one of them makes a row data.
    private readonly int[] _valueColumnsInOrder;
    private readonly Dictionary<int, long> _yenPerUnit;
    private readonly HashSet<int> _spreadColumns;

    public SheetGrid Grid { get; }
    public HeaderMap Map { get; }
    public ExtraColumns Extra { get; }

    private SheetTable(SheetLayout layout, SheetGrid grid, HeaderMap map, ExtraColumns extra, Dictionary<int, long> yenPerUnit)
    {
        _layout = layout;
        Grid = grid;
        Map = map;
        Extra = extra;
        _yenPerUnit = yenPerUnit;
        _readColumns = layout.ReadFields.SelectMany(f => Columns(map, f.Key)).Concat(extra.Read).ToHashSet();
        _readColumnsInOrder = _readColumns.Order().ToArray();
        var key = layout.IdentityKeys.Prepend(layout.CodeKey).SelectMany(k => Columns(map, k)).ToHashSet();
        _valueColumnsInOrder = _readColumnsInOrder.Where(c => !key.Contains(c)).ToArray();
        _spreadColumns = layout.SpreadKeys.SelectMany(k => Columns(map, k)).ToHashSet();
    }

    /// A data cell's text: its own, merged down onto it, or — for a field whose value spreads (a schedule mark
    /// merged over 7月〜12月) — merged across onto it.
    public string? TextAt(SheetRow row, int column) =>
        Grid.DataText(row, column) ?? (_spreadColumns.Contains(column) ? Grid.MergedText(row.Number, column) : null);

    /// Opens the file's table, or returns null with what the user must decide put in the report
    /// (a sheet, a column, the unit of amounts). Throws ExcelFileException when the file cannot be read.
    public static SheetTable? Open(Stream file, ExcelLimits limits, SheetLayout layout, ImportChoices choices, ImportReport report, string? csvName = null)
    {
        SheetGrid grid;
        if (csvName is not null)
        {
            grid = CsvGrid.Read(file, limits, csvName, out var encoding);
            report.Notes.Add($"CSV ファイル「{csvName}」を文字コード {encoding} として読みました。");
        }
        else
        {
            using var package = XlsxPackage.Open(file, limits);
            var sheet = ChooseSheet(package, layout, choices, report);
            if (sheet is null) return null;
            report.SheetName = sheet;
            grid = package.ReadSheet(sheet);
        }
        var map = HeaderMap.Find(grid, layout.Fields, choices.Columns);
        layout.Check?.Invoke(grid, map);
        if (map.Conflicts.Count > 0)
        {
            report.ColumnConflicts.AddRange(map.Conflicts);
            return null;
        }
        var extra = layout.Extra?.Invoke(grid, map) ?? new ExtraColumns([], []);
        var amountColumns = layout.AmountKeys.SelectMany(k => Columns(map, k)).Concat(extra.Amounts).Distinct().ToList();
        var units = AmountUnitsOf(grid, map, layout, amountColumns, extra, choices, report);
        if (report.NeedsAmountUnit) return null;
        var table = new SheetTable(layout, grid, map, extra, units);
        table.ListIgnoredColumns(report);
        return table;
    }

    private static IEnumerable<int> Columns(HeaderMap map, string key) =>
        map.Columns.Where(c => c.Key == key).Select(c => c.Value).Concat(map.YearColumns.Where(c => c.Key.Key == key).Select(c => c.Value));

    public long YenPerUnit(int column) => _yenPerUnit.TryGetValue(column, out var u) ? u : 1;

    /// Amount columns: a value merged over several of their cells cannot be given to any one year or row.
    private IEnumerable<int> AmountColumns => _yenPerUnit.Keys.Order();

    /// The sheet to read: the one the user chose, else the only one whose headers fit. 記入例 and hidden sheets are
    /// left out with a note; when more than one sheet fits, the report lists them and nothing is read.
    private static string? ChooseSheet(XlsxPackage package, SheetLayout layout, ImportChoices choices, ImportReport report)
    {
        if (choices.Sheet is string chosen)
        {
            if (package.Sheets.All(s => s.Name != chosen)) throw new ExcelFileException($"シート「{chosen}」がありません。");
            return chosen;
        }
        var fits = new List<string>();
        ExcelFileException? firstError = null;
        foreach (var sheet in package.Sheets)
        {
            if (IsExample(sheet.Name))
            {
                report.Notes.Add($"シート「{sheet.Name}」は記入例・サンプルのため読みませんでした。");
                continue;
            }
            if (sheet.IsHidden)
            {
                report.Notes.Add($"シート「{sheet.Name}」は非表示のため読みませんでした。");
                continue;
            }
            try
            {
                var top = package.ReadSheet(sheet.Name, HeaderMap.RowsScanned);
                var map = HeaderMap.Find(top, layout.Fields);
                layout.Check?.Invoke(top, map);
                fits.Add(sheet.Name);
            }
            catch (ExcelFileException e)
            {
                firstError ??= e;
            }
        }
        if (fits.Count == 1) return fits[0];
        if (fits.Count > 1)
        {
            report.SheetChoices.AddRange(fits);
            return null;
        }
        if (firstError is not null) throw firstError;
        throw new ExcelFileException(package.Sheets.Count == 0
            ? "ブックにシートがありません。"
            : "読めるシートがありません（記入例・サンプルのシートと非表示のシートは読みません）。");
    }

    /// 記入例, 入力例, 作成例, 記載例, サンプル, 見本, sample, 例 — the sheets templates carry in front of the real one.
    public static bool IsExample(string name)
    {
        var s = TextNormal.ForMatch(name).ToLowerInvariant();
        return ExampleWords().IsMatch(s) || s == "例" || s.StartsWith("例)", StringComparison.Ordinal) || s.StartsWith("例:", StringComparison.Ordinal)
            || s.EndsWith("(例)", StringComparison.Ordinal) || s.StartsWith("(例)", StringComparison.Ordinal);
    }

    /// Each amount column's unit: its own header's, else the sheet's note, else the user's choice. Notes anywhere
    /// around the table count (above it, below it, beside it); two that disagree, or a header that disagrees with
    /// the note, refuse the file. The report says which unit was applied and from which cell.
    private static Dictionary<int, long> AmountUnitsOf(
        SheetGrid grid, HeaderMap map, SheetLayout layout, List<int> amountColumns, ExtraColumns extra, ImportChoices choices, ImportReport report)
    {
        var result = new Dictionary<int, long>();
        if (amountColumns.Count == 0) return result;
        var readColumns = layout.ReadFields.SelectMany(f => Columns(map, f.Key)).Concat(extra.Read).ToHashSet();
        var codeColumn = map.Column(layout.CodeKey);
        var notes = new List<(string Cell, string Text, long Unit)>();
        foreach (var row in grid.Rows)
        {
            var isData = row.Number > map.LastHeaderRow && codeColumn is int cc && !string.IsNullOrWhiteSpace(grid.DataText(row, cc));
            foreach (var (col, text) in row.Cells)
            {
                if (row.Number <= map.LastHeaderRow && amountColumns.Contains(col) && UnitInHeader(text) is not null) continue;
                // A cell that is nothing but a note counts wherever it is; a unit in brackets inside other text (a title)
                // counts outside the data the import reads.
                if (!text.Contains("単位")) continue;
                var unit = UnitNoteAlone(text) ?? (isData && readColumns.Contains(col) ? null : UnitNote(text));
                if (unit is long u) notes.Add(($"{CellRange.ColumnName(col)}{row.Number}", text.Trim(), u));
            }
        }
        if (notes.Select(n => n.Unit).Distinct().Count() > 1)
            throw new ExcelFileException($"シート「{grid.Name}」の金額の単位の注記が食い違っています（{string.Join("、", notes.Select(n => $"{n.Cell}「{n.Text}」"))}）。どちらが正しいか確かめ、注記を1つにしてから取り込んでください。");
        var note = notes.FirstOrDefault();
        var fromHeaders = new Dictionary<long, List<string>>();
        foreach (var column in amountColumns)
        {
            var headerUnit = map.Labels.GetValueOrDefault(column)?.Select(UnitInHeader).FirstOrDefault(u => u is not null);
            if (headerUnit is long hu)
            {
                if (note.Text is not null && note.Unit != hu)
                    throw new ExcelFileException($"シート「{grid.Name}」の {CellRange.ColumnName(column)}列の見出し「{map.HeaderOf(column)}」の単位が、{note.Cell}の注記「{note.Text}」と食い違っています。どちらが正しいか確かめてから取り込んでください。");
                result[column] = hu;
                if (!fromHeaders.TryGetValue(hu, out var list)) fromHeaders[hu] = list = [];
                list.Add(CellRange.ColumnName(column));
            }
            else if (note.Text is not null) result[column] = note.Unit;
            else if (choices.YenPerUnit is long chosen) result[column] = chosen;
            else report.NeedsAmountUnit = true;
        }
        if (report.NeedsAmountUnit) return result;
        foreach (var (unit, letters) in fromHeaders) report.AmountUnits.Add($"{UnitName(unit)}（{string.Join("・", letters)}列の見出しから）");
        if (note.Text is not null && result.Count > fromHeaders.Values.Sum(l => l.Count))
            report.AmountUnits.Add($"{UnitName(note.Unit)}（{note.Cell}の注記「{note.Text}」から）");
        else if (choices.YenPerUnit is long c && result.Count > fromHeaders.Values.Sum(l => l.Count))
            report.AmountUnits.Add($"{UnitName(c)}（シートに単位の記載がないため、取り込み時に選ばれた単位）");
        return result;
    }

    public static string UnitName(long yenPerUnit) => yenPerUnit switch
    {
        1 => "円",
        1000 => "千円",
        10_000 => "万円",
        1_000_000 => "百万円",
        _ => $"{yenPerUnit:N0}円",
    };

    /// A unit in a header: 事業費（千円）, R7（千円）, 金額(円).
    private static long? UnitInHeader(string text)
    {
        var s = TextNormal.ForMatch(text);
        var m = BracketedUnit().Match(s);
        return m.Success ? UnitOf(m.Groups[1].Value) : null;
    }

    private static long? UnitNoteAlone(string text)
    {
        var m = NoteAlone().Match(TextNormal.ForMatch(text));
        return m.Success ? UnitOf(m.Groups[1].Value) : null;
    }

    /// A unit note: a cell reading （単位：千円） or 単位:円, or a title that carries one in brackets.
    private static long? UnitNote(string text)
    {
        var s = TextNormal.ForMatch(text);
        var m = NoteAlone().Match(s);
        if (!m.Success) m = NoteInBrackets().Match(s);
        return m.Success ? UnitOf(m.Groups[1].Value) : null;
    }

    private static long UnitOf(string unit) => unit switch
    {
        "百万円" => 1_000_000,
        "千円" => 1000,
        "万円" => 10_000,
        _ => 1,
    };

    /// Columns with a header the import does not read: unknown ones, and those it knows only for reference.
    private void ListIgnoredColumns(ImportReport report)
    {
        var reference = _layout.Fields.Where(f => f.Reference).SelectMany(f => Columns(Map, f.Key)).ToHashSet();
        foreach (var (column, labels) in Map.Labels.OrderBy(l => l.Key))
        {
            if (_readColumns.Contains(column) || labels.Count == 0) continue;
            if (string.IsNullOrWhiteSpace(Grid.ShownText(Map.LastHeaderRow, column))) continue;
            if (labels.All(l => UnitNote(l) is not null)) continue;
            var reason = reference.Contains(column) ? "参照用のため読みません。" : "この取り込みでは使わない列のため読みません。";
            report.IgnoredColumns.Add(new IgnoredColumn(CellRange.ColumnName(column), Map.HeaderOf(column), reason));
        }
    }

    /// The data rows below the header, with everything that is not data left out and said: 小計・合計 rows
    /// (told by the code and name columns only), notes under the table, rows without a code, blank rows; and rows
    /// whose read cells hold a formula without its saved value or an error refused, naming the cell.
    public IEnumerable<ImportRow> Rows(ImportReport report, Subtotals? subtotals = null)
    {
        subtotals ??= Subtotals.WithoutPlan;
        var sums = new SubtotalSums(this, report);
        var blankRows = 0;
        var shownRead = new Dictionary<int, (string Cell, CellReading Reading)>();
        var previous = Map.LastHeaderRow;
        var codeColumn = Map.Column(_layout.CodeKey);
        foreach (var sheetRow in Grid.Rows)
        {
            if (sheetRow.Number <= Map.LastHeaderRow) continue;
            blankRows += sheetRow.Number - previous - 1;
            previous = sheetRow.Number;
            var row = new ImportRow(this, sheetRow);
            if (row.TotalText(_layout.IdentityKeys.Prepend(_layout.CodeKey), subtotals) is string totalText)
            {
                report.Skipped.Add(new(Grid.Name, row.Number, $"小計・合計の行（「{totalText}」）のため読み飛ばしました。"));
                sums.Check(sheetRow, row, totalText);
                continue;
            }
            var code = codeColumn is int cc && Grid.DataText(sheetRow, cc) is string codeText ? TextNormal.WithoutInvisible(codeText).Trim() : null;
            if (_layout.CodesAreProjects && subtotals.IsPlanElementRow(code, _layout.IdentityKeys.Select(k => row.Text(k)).FirstOrDefault(t => t is not null)))
            {
                if (sums.HasFigures(sheetRow))
                {
                    report.Skipped.Add(new(Grid.Name, row.Number, $"施策など計画の構成の行（「{code}」）の合計のため読み飛ばしました。"));
                    sums.CheckGroup(sheetRow, row, code!);
                }
                else report.Skipped.Add(new(Grid.Name, row.Number, $"施策など計画の構成の見出しの行（「{code}」）のため読み飛ばしました。"));
                continue;
            }
            if (IsHeadingRow(sheetRow, code, codeColumn))
            {
                report.Skipped.Add(new(Grid.Name, row.Number, $"見出しの行「{code}」のため読み飛ばしました。"));
                continue;
            }
            if (IsNoteRow(sheetRow, code))
            {
                report.Skipped.Add(new(Grid.Name, row.Number, "表の注記（※・注 などで始まる行や単位の注記）のため読み飛ばしました。"));
                continue;
            }
            if (string.IsNullOrEmpty(code) && _layout.IdentityKeys.Select(k => row.Text(k)).FirstOrDefault(t => t is not null) is string name && AverageRow().IsMatch(name.Trim()))
            {
                // 全体平均 under a survey's rows: an aggregate like a 合計, not data without its key.
                report.Skipped.Add(new(Grid.Name, row.Number, $"平均の行（「{name.Trim()}」）のため読み飛ばしました。"));
                continue;
            }
            if (string.IsNullOrEmpty(code))
            {
                // A heading or a note carries nothing in the columns the import reads but the name (where a heading or a
                // total is written): a row with a value there is data without its key, refused naming the key's cell.
                var values = _valueColumnsInOrder.Where(c => row.Text(c) is not null || sheetRow.FlawAt(c) is not null).ToList();
                if (values.Count > 0 && codeColumn is int keyAt)
                {
                    report.Refused.Add(new(Grid.Name, row.Number, $"{row.Cell(keyAt)}（{Map.HeaderOf(keyAt)}）が空欄です。この行には " +
                        $"{string.Join("・", values.Select(c => $"{row.Cell(c)}（{Map.HeaderOf(c)}）"))} に値があるため、見出し・注記の行として読み飛ばさずに取り込みません。" +
                        $"{_layout.CodeLabel}を入れるか、使わない行なら削除してから取り込んでください。"));
                    continue;
                }
                if (sheetRow.Cells.Count > 0 || sheetRow.Flaws.Count > 0)
                    report.Skipped.Add(new(Grid.Name, row.Number, $"{_layout.CodeLabel}のない行（見出し・注記など）のため読み飛ばしました。"));
                else blankRows++;
                continue;
            }
            if (codeColumn is int codeAt && Grid.ReadingAt(sheetRow, codeAt) is { IsDate: true } coerced)
            {
                report.Refused.Add(new(Grid.Name, row.Number, $"{row.Cell(codeAt)}（{Map.HeaderOf(codeAt)}）は日付「{coerced.Shown}」として保存されています。" +
                    $"「1-1」のような{_layout.CodeLabel}を Excel が日付に変えたものと考えられます。セルの表示形式を「文字列」にして{_layout.CodeLabel}を入力し直してから取り込んでください。"));
                continue;
            }
            sums.Add(sheetRow, code);
            var flaws = sheetRow.Flaws.Count == 0 ? [] : _readColumnsInOrder.Select(sheetRow.FlawAt).OfType<CellFlaw>().ToList();
            if (flaws.Count > 0)
            {
                report.Refused.Add(new(Grid.Name, row.Number, $"{code}: " + string.Join(" ", flaws.Select(f =>
                    $"{CellRange.ColumnName(f.Column)}{row.Number}（{Map.HeaderOf(f.Column)}）は{f.Problem}です。{f.Advice ?? "Excel で開いて再計算し、保存し直してください。"}"))));
                continue;
            }
            var mergedAmounts = AmountColumns.Select(c => (Column: c, Range: Grid.MergeAt(sheetRow.Number, c))).Where(x => x.Range is not null).ToList();
            if (mergedAmounts.Count > 0)
            {
                report.Refused.Add(new(Grid.Name, row.Number, $"{code}: " + string.Join(" ", mergedAmounts.Select(x =>
                    $"{Map.HeaderOf(x.Column)}の金額が {Range(x.Range!.Value)} に結合されていて、どの年度・行の金額か決められません。")) +
                    " 結合を解除して、それぞれのセルに金額を入力してから取り込んでください。"));
                continue;
            }
            var privateUse = _readColumnsInOrder.Where(c => Grid.DataText(sheetRow, c)?.Any(JapaneseText.IsPrivateUse) == true).ToList();
            if (privateUse.Count > 0)
            {
                report.Refused.Add(new(Grid.Name, row.Number, $"{code}: " + string.Join(" ", privateUse.Select(c =>
                    $"{row.Cell(c)}（{Map.HeaderOf(c)}）に外字（私用領域の文字 {string.Join("・", Grid.DataText(sheetRow, c)!.Where(JapaneseText.IsPrivateUse).Distinct().Select(ch => $"U+{(int)ch:X4}"))}）が含まれています。")) +
                    " 外字はほかのパソコンや給与などのファイルで別の文字や空白になるため取り込みません。標準の文字に置き換えるか、元のシステムで外字を標準の文字に対応付けて出力し直してから取り込んでください。"));
                continue;
            }
            foreach (var column in _readColumnsInOrder)
            {
                if (Grid.ReadingAt(sheetRow, column) is not { Differs: true } reading || shownRead.ContainsKey(column)) continue;
                shownRead[column] = (row.Cell(column), reading);
            }
            if (sheetRow.IsHidden)
                report.Warnings.Add(new(Grid.Name, row.Number, $"{row.Number}行目（{code}）は Excel で非表示にされた行です。非表示でも表の行として取り込みます。取り込まないときは行を削除してください。"));
            yield return row;
        }
        sums.ClosePending();
        if (blankRows > 0) report.Notes.Add($"空白行 {blankRows:N0} 行を読み飛ばしました。");
        foreach (var (column, (cell, reading)) in shownRead)
            report.Notes.Add($"{CellRange.ColumnName(column)}列（{Map.HeaderOf(column)}）は、セルに保存された数値ではなく表示形式「{reading.Format}」で Excel に表示されている値を読みました" +
                $"（例: {cell} は保存値 {reading.Stored}、表示「{reading.Shown}」）。印刷・画面で人が読む値と同じにするためです。");
    }

    /// The figures of a 小計・合計 row against the rows above it: the rows since the previous subtotal, all rows since
    /// the previous grand total, or the subtotals since then. A figure that is none of these is a warning naming the
    /// cell; the row itself is never stored.
    private sealed class SubtotalSums(SheetTable table, ImportReport report)
    {
        private readonly Dictionary<int, long> _sinceLast = [];
        private readonly Dictionary<int, long> _sinceGrand = [];
        private readonly Dictionary<int, long> _subtotalsSinceGrand = [];
        private bool _anySubtotal;

        private long? Yen(SheetRow row, int column) =>
            Amounts.TryParseCell(table.Grid.DataText(row, column) is string t ? TextNormal.WithoutInvisible(t) : null, table.YenPerUnit(column), out var yen) ? yen : null;

        public bool HasFigures(SheetRow row) => table.AmountColumns.Any(c => Yen(row, c) is not null);

        private (SheetRow Row, ImportRow ImportRow, string Text)? _pending;
        private int _pendingRows;

        /// A group's row with its total: after its rows (checked as a subtotal), or above them (checked against the rows
        /// down to the next total or the end of the table).
        public void CheckGroup(SheetRow row, ImportRow importRow, string text)
        {
            if (_sinceLast.Count > 0 && table.AmountColumns.All(c => Yen(row, c) is not long v || v == _sinceLast.GetValueOrDefault(c)))
            {
                Check(row, importRow, text);
                return;
            }
            ClosePending();
            _pending = (row, importRow, text);
            _pendingRows = 0;
            _sinceLast.Clear();
        }

        /// Compares a group total written above its rows with those rows.
        public void ClosePending()
        {
            if (_pending is not { } pending) return;
            var (row, importRow, text) = pending;
            _pending = null;
            foreach (var column in table.AmountColumns)
            {
                if (Yen(row, column) is not long value || value == _sinceLast.GetValueOrDefault(column)) continue;
                var unit = table.YenPerUnit(column);
                report.Warnings.Add(new(table.Grid.Name, importRow.Number,
                    $"{importRow.Cell(column)}（{table.Map.HeaderOf(column)}）の「{text}」の行の {Shown(value, unit)}が、その下の行の合計 {Shown(_sinceLast.GetValueOrDefault(column), unit)}と一致しません" +
                    $"（{SheetTable.UnitName(unit)}）。この行は取り込まないため、下の行の金額かこの行の金額を確かめてください。"));
            }
            foreach (var (column, sum) in _sinceLast) _subtotalsSinceGrand[column] = _subtotalsSinceGrand.GetValueOrDefault(column) + sum;
            _anySubtotal = true;
            _sinceLast.Clear();
        }

        public void Add(SheetRow row, string code)
        {
            // A group total written above its rows covers the rows whose codes are under its code (1-1 → 1-1-01 …);
            // codes that do not show it leave the extent unknown, and the total unchecked.
            if (_pending is { } pending && !TextNormal.ForCode(code).StartsWith(TextNormal.ForCode(pending.Text) + "-", StringComparison.Ordinal))
            {
                if (_pendingRows > 0) ClosePending();
                else _pending = null;
            }
            if (_pending is not null) _pendingRows++;
            foreach (var column in table.AmountColumns)
            {
                if (Yen(row, column) is not long yen) continue;
                _sinceLast[column] = _sinceLast.GetValueOrDefault(column) + yen;
                _sinceGrand[column] = _sinceGrand.GetValueOrDefault(column) + yen;
            }
        }

        public void Check(SheetRow row, ImportRow importRow, string text)
        {
            ClosePending();
            var grand = false;
            foreach (var column in table.AmountColumns)
            {
                if (Yen(row, column) is not long value) continue;
                var section = _sinceLast.GetValueOrDefault(column);
                var all = _sinceGrand.GetValueOrDefault(column);
                var subtotals = _subtotalsSinceGrand.GetValueOrDefault(column);
                if (value == section) continue;
                if (value == all || _anySubtotal && value == subtotals)
                {
                    grand = true;
                    continue;
                }
                var unit = table.YenPerUnit(column);
                report.Warnings.Add(new(table.Grid.Name, importRow.Number,
                    $"{importRow.Cell(column)}（{table.Map.HeaderOf(column)}）の「{text}」{Shown(value, unit)}が、その上の行の合計 {Shown(section, unit)}と一致しません" +
                    $"（{SheetTable.UnitName(unit)}）。小計・合計の行は取り込まないため、上の行の金額か小計を確かめてください。"));
            }
            if (grand)
            {
                _sinceGrand.Clear();
                _subtotalsSinceGrand.Clear();
                _anySubtotal = false;
            }
            else
            {
                foreach (var (column, sum) in _sinceLast) _subtotalsSinceGrand[column] = _subtotalsSinceGrand.GetValueOrDefault(column) + sum;
                _anySubtotal = true;
            }
            _sinceLast.Clear();
        }

        private static string Shown(long yen, long unit) =>
            yen % unit == 0 ? (yen / unit).ToString("N0", CultureInfo.InvariantCulture) : ((decimal)yen / unit).ToString("N3", CultureInfo.InvariantCulture);
    }

    /// A heading row inside the table (【子育て・教育】, ■ 第1章): a bracketed or marked title where the code belongs
    /// and nothing in the other columns.
    private static bool IsHeadingRow(SheetRow row, string? code, int? codeColumn) =>
        code is { Length: > 1 } && (code[0] == '【' && code[^1] == '】' || code[0] is '■' or '◆' or '●' or '□' or '◇')
        && row.Cells.All(c => c.Col == codeColumn || string.IsNullOrWhiteSpace(c.Text) || c.Text.Trim() == code);

    private static string Range(CellRange r) =>
        $"{CellRange.ColumnName(r.FirstColumn)}{r.FirstRow}:{CellRange.ColumnName(r.LastColumn)}{r.LastRow}";

    /// A row under the table that is a note: its first text starts with ※, *, 注 or (注), is a unit note, or is a
    /// sentence where a code belongs.
    private bool IsNoteRow(SheetRow row, string? code)
    {
        // A mark in a column of the table (※ in a 重点 column) is that column's value, not a note.
        var first = row.Cells.Count > 0 && !(Map.Labels.TryGetValue(row.Cells[0].Col, out var header) && header.Count > 0) ? row.Cells[0].Text : null;
        foreach (var text in new[] { code, first })
        {
            if (string.IsNullOrWhiteSpace(text) || char.IsAsciiLetterOrDigit(text.TrimStart()[0])) continue;
            var s = TextNormal.ForMatch(text);
            if (NoteStart().IsMatch(s) || UnitNoteAlone(text) is not null) return true;
        }
        return code is { Length: > 40 };
    }

    [GeneratedRegex(@"記入例|入力例|作成例|記載例|サンプル|見本|sample|example")]
    private static partial Regex ExampleWords();

    [GeneratedRegex(@"[\(\[【](百万円|千円|万円|円)[\)\]】]")]
    private static partial Regex BracketedUnit();

    [GeneratedRegex(@"^[\(\[【]?単位[:：]?(百万円|千円|万円|円)[\)\]】]?$")]
    private static partial Regex NoteAlone();

    [GeneratedRegex(@"[\(\[【]単位[:：]?(百万円|千円|万円|円)[\)\]】]")]
    private static partial Regex NoteInBrackets();

    [GeneratedRegex(@"^(※|\*|＊|注[\d:：.、）\)]|注$|\(注|【注|備考[:：])")]
    private static partial Regex NoteStart();

    /// 全体平均, 平均, 市全体平均値: a row of averages under the data, named in the name column without a code.
    [GeneratedRegex(@"^(全体|全市|市全体|全施策|単純|加重)?平均(値|点)?$")]
    private static partial Regex AverageRow();
}
