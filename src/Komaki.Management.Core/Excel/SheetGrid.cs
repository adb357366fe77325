namespace Komaki.Management.Core.Excel;

/// The non-empty cells of one sheet as text, by row, and its merged ranges.
public sealed class SheetGrid(string name)
{
    private readonly List<SheetRow> _rows = [];
    private readonly List<CellRange> _merges = [];

    public string Name { get; } = name;
    public IReadOnlyList<SheetRow> Rows => _rows;

    internal void AddRow(int number, List<(int Col, string Text)> cells) => _rows.Add(new SheetRow(number, cells));
    internal void AddMerge(CellRange range) => _merges.Add(range);

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
        return RowAt(row)?.Get(column);
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

public sealed class SheetRow(int number, List<(int Col, string Text)> cells)
{
    public int Number { get; } = number;
    public int LastColumn => cells.Count == 0 ? 0 : cells[^1].Col;
    public IReadOnlyList<(int Col, string Text)> Cells => cells;

    public string? Get(int column)
    {
        foreach (var (col, text) in cells)
        {
            if (col == column) return text;
            if (col > column) break;
        }
        return null;
    }
}
