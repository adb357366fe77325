namespace Komaki.Management.Core.Excel;

/// A rectangular range such as B2:D3, 1-based.
public readonly record struct CellRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public bool Contains(int row, int column) =>
        row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;

    public static bool TryParse(string? reference, out CellRange range)
    {
        range = default;
        if (string.IsNullOrEmpty(reference)) return false;
        var parts = reference.Split(':');
        if (!TryParseCell(parts[0], out var r1, out var c1)) return false;
        var r2 = r1;
        var c2 = c1;
        if (parts.Length > 1 && !TryParseCell(parts[1], out r2, out c2)) return false;
        range = new CellRange(Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2));
        return true;
    }

    /// A1 → (1, 1); AB12 → (12, 28).
    public static bool TryParseCell(string? reference, out int row, out int column)
    {
        row = 0;
        column = 0;
        if (string.IsNullOrEmpty(reference)) return false;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
            if (column > 16384) return false;
        }
        while (i < reference.Length && reference[i] == '$') i++;
        for (; i < reference.Length; i++)
        {
            if (!char.IsAsciiDigit(reference[i])) return false;
            row = row * 10 + (reference[i] - '0');
            if (row > 1_048_576) return false;
        }
        return column > 0 && row > 0;
    }

    public static string ColumnName(int column)
    {
        var name = "";
        while (column > 0)
        {
            var m = (column - 1) % 26;
            name = (char)('A' + m) + name;
            column = (column - 1) / 26;
        }
        return name;
    }
}
