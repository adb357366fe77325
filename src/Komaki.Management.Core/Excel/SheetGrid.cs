namespace Komaki.Management.Core.Excel;

/// A cell whose value cannot be read as staff see it: a formula saved without its result, an error value, a format
/// that shows no single figure. Advice says what to do (recalculate and save, by default).
public sealed record CellFlaw(int Column, string Problem, string? Advice = null);

/// The non-empty cells of one sheet as text, by row, and its merged ranges.
public sealed class SheetGrid(string name)
{
    private readonly List<SheetRow> _rows = [];
    private readonly List<CellRange> _merges = [];
    // Ranges that span rows, by their first column: a value merged down applies to every row it covers.
    private Dictionary<int, List<CellRange>>? _downMerges;

    public string Name { get; } = name;
    public IReadOnlyList<SheetRow> Rows => _rows;
    public IReadOnlyList<CellRange> Merges => _merges;

    internal void AddRow(int number, List<(int Col, string Text)> cells, List<CellFlaw>? flaws = null, List<CellReading>? readings = null, bool hidden = false) =>
        _rows.Add(new SheetRow(number, cells, flaws, readings) { IsHidden = hidden });

    internal void AddMerge(CellRange range)
    {
        _merges.Add(range);
        _downMerges = null;
    }

    /// The text shown in a cell; a cell inside a merged range shows the range's top-left value
    /// (what a reader of the printed sheet sees for a merged header).
    public string? ShownText(int row, int column)
    {
        foreach (var m in _merges)
        {
            if (m.Contains(row, column))
            {
                row = m.FirstRow;
                column = m.FirstColumn;
                break;
            }
        }
        var r = RowAt(row);
        // As Excel displays it; a date read as a date stays that date (2024-04-01), but a month typed as 4月 — a date
        // format naming neither day nor year (m"月"), kept as its serial — reads 4月.
        return r?.ReadingAt(column) is { } reading && (!reading.IsDate || reading.Shown.Length > 0 && r.Get(column) == reading.Stored) ? reading.Shown : r?.Get(column);
    }

    /// How a data cell's number format was applied (null for text and unformatted numbers), following a value
    /// merged down as DataText does.
    public CellReading? ReadingAt(SheetRow row, int column)
    {
        if (row.Get(column) is not null || _merges.Count == 0) return row.ReadingAt(column);
        foreach (var m in _merges)
        {
            if (m.LastRow > m.FirstRow && m.FirstColumn == column && m.Contains(row.Number, column) && m.FirstRow < row.Number)
                return RowAt(m.FirstRow)?.ReadingAt(column);
        }
        return null;
    }

    /// A data cell's value: its own, or the value merged down onto it from the rows above (a code merged over a
    /// project's three year rows belongs to each of them). Cells merged sideways stay empty, as Excel keeps them.
    public string? DataText(SheetRow row, int column)
    {
        var own = row.Get(column);
        if (own is not null || _merges.Count == 0) return own;
        _downMerges ??= _merges.Where(m => m.LastRow > m.FirstRow).GroupBy(m => m.FirstColumn).ToDictionary(g => g.Key, g => g.ToList());
        if (!_downMerges.TryGetValue(column, out var ranges)) return null;
        foreach (var m in ranges)
        {
            if (m.Contains(row.Number, column) && m.FirstRow < row.Number) return RowAt(m.FirstRow)?.Get(column);
        }
        return null;
    }

    /// The value of the merged range covering a cell (its top-left value), or null when the cell is not merged.
    public string? MergedText(int row, int column)
    {
        foreach (var m in _merges)
        {
            if (m.Contains(row, column)) return RowAt(m.FirstRow)?.Get(m.FirstColumn);
        }
        return null;
    }

    /// The merged range covering a cell, when it covers more than that cell.
    public CellRange? MergeAt(int row, int column)
    {
        foreach (var m in _merges)
        {
            if (m.Contains(row, column) && (m.FirstRow != m.LastRow || m.FirstColumn != m.LastColumn)) return m;
        }
        return null;
    }

    public SheetRow? RowAt(int number)
    {
        // Rows are in ascending order in the file; binary search keeps header lookups cheap.
        int lo = 0, hi = _rows.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var n = _rows[mid].Number;
            if (n == number) return _rows[mid];
            if (n < number) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    public int LastColumn => _rows.Count == 0 ? 0 : _rows.Max(r => r.LastColumn);
}

public sealed class SheetRow(int number, List<(int Col, string Text)> cells, List<CellFlaw>? flaws = null, List<CellReading>? readings = null)
{
    public int Number { get; } = number;

    /// Hidden in Excel (row height zero or filtered out): read like any row, and said in the preview.
    public bool IsHidden { get; init; }

    public int LastColumn => Math.Max(cells.Count == 0 ? 0 : cells[^1].Col, flaws is null ? 0 : flaws.Max(f => f.Column));
    public IReadOnlyList<(int Col, string Text)> Cells => cells;
    public IReadOnlyList<CellFlaw> Flaws => (IReadOnlyList<CellFlaw>?)flaws ?? [];

    public string? Get(int column)
    {
        foreach (var (col, text) in cells)
        {
            if (col == column) return text;
            if (col > column) break;
        }
        return null;
    }

    public CellFlaw? FlawAt(int column) => flaws?.FirstOrDefault(f => f.Column == column);

    public CellReading? ReadingAt(int column) => readings?.FirstOrDefault(f => f.Column == column);
}
