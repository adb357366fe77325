namespace Komaki.Management.Core.Excel;

/// A CSV file (as personnel and payroll systems export them) read into the same grid as a sheet, so the import
/// pipeline reads it through the same headers and rules. The encoding is detected (JapaneseText: UTF-8, CP932,
/// Shift_JIS-2004) and the report says which; a cell with bytes no candidate decodes is a flaw, refused when read.
public static class CsvGrid
{
    public static SheetGrid Read(Stream file, ExcelLimits limits, string name, out string encodingName)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = file.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > limits.MaxFileBytes) throw new ExcelFileException($"ファイルが大きすぎます（上限 {limits.MaxFileBytes / 1024 / 1024:N0} MB）。");
            buffer.Write(chunk, 0, n);
        }
        var text = JapaneseText.Decode(buffer.ToArray(), out var decodedAs);
        encodingName = decodedAs;
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\0')) throw new ExcelFileException("CSV ファイルとして読めません（文字以外のデータが含まれています）。Excel ファイルは .xlsx のまま指定してください。");
        var grid = new SheetGrid(name);
        var row = 1;
        foreach (var fields in Records(text))
        {
            if (row > limits.MaxRows) throw new ExcelFileException($"行が多すぎます（上限 {limits.MaxRows:N0} 行）。");
            if (fields.Count > limits.MaxColumns) throw new ExcelFileException($"{row}行目の列が多すぎます（上限 {limits.MaxColumns:N0} 列）。");
            var cells = fields.Select((t, i) => (Col: i + 1, Text: KeptZeros(t.Trim()))).Where(c => c.Text.Length > 0).ToList();
            var flaws = cells.Where(c => c.Text.Contains(JapaneseText.Undecodable))
                .Select(c => new CellFlaw(c.Col, $"文字コード {decodedAs} として読めないバイト列を含むセル",
                    "人事システムなどから UTF-8 で出力し直すか、読めない文字を標準の文字に直してから取り込んでください。")).ToList();
            if (cells.Count > 0) grid.AddRow(row, cells, flaws.Count > 0 ? flaws : null);
            row++;
        }
        return grid;
    }

    /// ="00123", the form Excel and personnel systems write to keep a number's leading zeros, is the text 00123.
    private static string KeptZeros(string field) =>
        field.Length >= 3 && field.StartsWith("=\"", StringComparison.Ordinal) && field.EndsWith('"') && field.IndexOf('"', 2) == field.Length - 1
            ? field[2..^1] : field;

    /// RFC 4180: fields separated by commas, quoted with "" when they hold commas, quotes or line breaks.
    private static IEnumerable<List<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields;
                    fields = [];
                    break;
                default: field.Append(c); break;
            }
        }
        if (quoted) throw new ExcelFileException("CSV の引用符（\"）が閉じられていません。");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
