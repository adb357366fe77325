namespace Komaki.Management.Core.Excel;

/// A CSV file (as personnel and payroll systems export them) read into the same grid as a sheet, so the import
/// pipeline reads it through the same headers and rules. UTF-8 (with or without BOM) is read as such; a file that is
/// not valid UTF-8 is read as Shift_JIS (CP932), the other encoding those systems write — the report says which.
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
        var bytes = buffer.ToArray();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            encodingName = "UTF-8";
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            text = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback).GetString(bytes);
            encodingName = "Shift_JIS";
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\0')) throw new ExcelFileException("CSV ファイルとして読めません（文字以外のデータが含まれています）。Excel ファイルは .xlsx のまま指定してください。");
        var grid = new SheetGrid(name);
        var row = 1;
        foreach (var fields in Records(text))
        {
            if (row > limits.MaxRows) throw new ExcelFileException($"行が多すぎます（上限 {limits.MaxRows:N0} 行）。");
            if (fields.Count > limits.MaxColumns) throw new ExcelFileException($"{row}行目の列が多すぎます（上限 {limits.MaxColumns:N0} 列）。");
            var cells = fields.Select((t, i) => (Col: i + 1, Text: t.Trim())).Where(c => c.Text.Length > 0).ToList();
            if (cells.Count > 0) grid.AddRow(row, cells);
            row++;
        }
        return grid;
    }

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
