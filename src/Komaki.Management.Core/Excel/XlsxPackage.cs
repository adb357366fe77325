using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Komaki.Management.Core.Excel;

/// Reads .xlsx workbooks as a stream of XML (no DOM, no evaluation of formulas), within ExcelLimits.
/// Only what imports need: sheet names, cell values as text (formulas as their cached values,
/// furigana left out), date cells as dates, and merged ranges.
public sealed class XlsxPackage : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly ExcelLimits _limits;
    private readonly List<string> _sharedStrings = [];
    private readonly HashSet<int> _dateStyles = [];
    private long _uncompressedRead;

    public IReadOnlyList<(string Name, string Part)> Sheets { get; }

    private XlsxPackage(ZipArchive zip, ExcelLimits limits)
    {
        _zip = zip;
        _limits = limits;
        CheckSizes();
        Sheets = ReadWorkbook();
        ReadSharedStrings();
        ReadStyles();
    }

    /// Opens the workbook or throws ExcelFileException saying, in Japanese, what is wrong with it.
    public static XlsxPackage Open(Stream stream, ExcelLimits? limits = null)
    {
        limits ??= ExcelLimits.Default;
        if (stream.CanSeek && stream.Length > limits.MaxFileBytes)
            throw new ExcelFileException($"ファイルが大きすぎます（{stream.Length / 1024 / 1024:N0} MB）。上限は {limits.MaxFileBytes / 1024 / 1024:N0} MB です。");
        var head = new byte[8];
        var seekable = stream.CanSeek ? stream : Buffer(stream, limits);
        var n = seekable.Read(head, 0, head.Length);
        seekable.Position = 0;
        if (n == 0) throw new ExcelFileException("ファイルが空です。");
        if (n >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
            throw new ExcelFileException("このファイルは古い形式（.xls）か、パスワードで保護されたブックです。パスワードを解除し、Excel で「Excel ブック (*.xlsx)」として保存してから取り込んでください。");
        if (n < 4 || head[0] != (byte)'P' || head[1] != (byte)'K')
            throw new ExcelFileException("Excel ブック（.xlsx）ではありません。CSV などは Excel で開き、「Excel ブック (*.xlsx)」として保存してから取り込んでください。");
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException)
        {
            throw new ExcelFileException("ファイルが壊れているため読み込めません（ZIP 形式として読めません）。Excel で開けるか確認し、保存し直してください。");
        }
        try
        {
            return new XlsxPackage(zip, limits);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            zip.Dispose();
            throw new ExcelFileException("ファイルが壊れているため読み込めません。Excel で開けるか確認し、保存し直してください。");
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private static MemoryStream Buffer(Stream stream, ExcelLimits limits)
    {
        var ms = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (ms.Length + read > limits.MaxFileBytes)
                throw new ExcelFileException($"ファイルが大きすぎます。上限は {limits.MaxFileBytes / 1024 / 1024:N0} MB です。");
            ms.Write(buffer, 0, read);
        }
        ms.Position = 0;
        return ms;
    }

    private void CheckSizes()
    {
        long total = 0;
        foreach (var e in _zip.Entries)
        {
            total += e.Length;
            var ratio = e.CompressedLength == 0 ? (e.Length == 0 ? 0 : long.MaxValue) : e.Length / e.CompressedLength;
            if (total > _limits.MaxUncompressedBytes || e.Length > 1024 * 1024 && ratio > _limits.MaxCompressionRatio)
                throw new ExcelFileException("展開後のサイズが異常に大きいファイル（ZIP 爆弾の疑い）のため読み込みを中止しました。");
        }
        if (_zip.GetEntry("xl/workbook.xml") is null)
            throw new ExcelFileException("Excel ブック（.xlsx）の構成になっていません（xl/workbook.xml がありません）。Excel で保存し直してください。");
    }

    /// Opens a part; reading past the limits throws, whatever the zip's directory claimed.
    private Stream? OpenPart(string path)
    {
        var entry = _zip.GetEntry(path.TrimStart('/'));
        return entry is null ? null : new BoundedStream(entry.Open(), this);
    }

    private static XmlReader Xml(Stream s) => XmlReader.Create(s, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = false,
        IgnoreComments = true,
        CloseInput = true,
    });

    private List<(string, string)> ReadWorkbook()
    {
        var rels = new Dictionary<string, string>();
        using (var s = OpenPart("xl/_rels/workbook.xml.rels"))
        {
            if (s is not null)
            {
                using var r = Xml(s);
                while (r.Read())
                {
                    if (r.NodeType == XmlNodeType.Element && r.LocalName == "Relationship" && r.NamespaceURI == PackageRelNs)
                    {
                        var target = r.GetAttribute("Target") ?? "";
                        rels[r.GetAttribute("Id") ?? ""] = target.StartsWith('/') ? target[1..] : "xl/" + target;
                    }
                }
            }
        }
        var sheets = new List<(string, string)>();
        using (var s = OpenPart("xl/workbook.xml")!)
        using (var r = Xml(s))
        {
            while (r.Read())
            {
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "sheet" && r.NamespaceURI == MainNs)
                {
                    var id = r.GetAttribute("id", RelNs);
                    if (id is not null && rels.TryGetValue(id, out var part))
                        sheets.Add((r.GetAttribute("name") ?? "", part));
                }
            }
        }
        return sheets;
    }

    private void ReadSharedStrings()
    {
        using var s = OpenPart("xl/sharedStrings.xml");
        if (s is null) return;
        using var r = Xml(s);
        r.MoveToContent();
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "si") _sharedStrings.Add(ReadRichText(r));
        }
    }

    /// The text of an <si> or <is>: plain and rich runs, without phonetic (furigana) runs.
    private static string ReadRichText(XmlReader r)
    {
        if (r.IsEmptyElement) return "";
        var depth = r.Depth;
        var sb = new StringBuilder();
        r.Read();
        while (!r.EOF && r.Depth > depth)
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName is "rPh" or "phoneticPr")
            {
                r.Skip();
                continue;
            }
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "t")
            {
                sb.Append(r.ReadElementContentAsString());
                continue;
            }
            r.Read();
        }
        return sb.ToString();
    }

    private void ReadStyles()
    {
        using var s = OpenPart("xl/styles.xml");
        if (s is null) return;
        var customDateFormats = new HashSet<int>();
        using var r = Xml(s);
        var inCellXfs = false;
        var xfIndex = 0;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "cellXfs") inCellXfs = false;
            if (r.NodeType != XmlNodeType.Element) continue;
            switch (r.LocalName)
            {
                case "numFmt":
                    if (int.TryParse(r.GetAttribute("numFmtId"), out var id) && IsDateFormat(r.GetAttribute("formatCode") ?? ""))
                        customDateFormats.Add(id);
                    break;
                case "cellXfs":
                    inCellXfs = !r.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    if (int.TryParse(r.GetAttribute("numFmtId"), out var fmt) && (IsBuiltInDate(fmt) || customDateFormats.Contains(fmt)))
                        _dateStyles.Add(xfIndex);
                    xfIndex++;
                    break;
            }
        }
    }

    private static bool IsBuiltInDate(int id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    private static bool IsDateFormat(string code)
    {
        var inQuotes = false;
        foreach (var c in code)
        {
            if (c == '"') inQuotes = !inQuotes;
            else if (!inQuotes && c is 'y' or 'd' or 'e' or 'g' or 'Y' or 'D') return true;
            else if (c == ';') break;
        }
        return false;
    }

    /// Reads one sheet by name (or the first sheet). Stops with ExcelFileException past MaxRows.
    public SheetGrid ReadSheet(string? name = null)
    {
        if (Sheets.Count == 0) throw new ExcelFileException("ブックにシートがありません。");
        var sheet = name is null ? Sheets[0] : Sheets.FirstOrDefault(x => x.Name == name);
        if (sheet.Name is null) throw new ExcelFileException($"シート「{name}」がありません。");
        using var s = OpenPart(sheet.Part) ?? throw new ExcelFileException($"シート「{sheet.Name}」の内容がありません。ファイルが壊れている可能性があります。");
        using var r = Xml(s);
        var grid = new SheetGrid(sheet.Name);
        List<(int Col, string Text)>? row = null;
        var rowNumber = 0;
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element) continue;
            switch (r.LocalName)
            {
                case "dimension":
                    CheckDimension(r.GetAttribute("ref"), sheet.Name);
                    break;
                case "row":
                    rowNumber = int.TryParse(r.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var rn) ? rn : rowNumber + 1;
                    if (rowNumber > _limits.MaxRows) throw TooManyRows(sheet.Name);
                    row = [];
                    if (r.IsEmptyElement) break;
                    ReadRow(r, row);
                    if (row.Count > 0) grid.AddRow(rowNumber, row);
                    break;
                case "mergeCell":
                    if (CellRange.TryParse(r.GetAttribute("ref"), out var range)) grid.AddMerge(range);
                    break;
            }
        }
        return grid;
    }

    private void CheckDimension(string? reference, string sheetName)
    {
        if (reference is null) return;
        var last = reference.Contains(':') ? reference[(reference.IndexOf(':') + 1)..] : reference;
        if (CellRange.TryParseCell(last, out var lastRow, out _) && lastRow > _limits.MaxRows) throw TooManyRows(sheetName);
    }

    private ExcelFileException TooManyRows(string sheetName) =>
        new($"シート「{sheetName}」の行数が上限（{_limits.MaxRows:N0} 行）を超えています。不要な行を削除するか、ファイルを分けて取り込んでください。");

    private void ReadRow(XmlReader r, List<(int, string)> row)
    {
        var depth = r.Depth;
        var nextCol = 1;
        while (r.Read() && r.Depth > depth)
        {
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "c") continue;
            var col = CellRange.TryParseCell(r.GetAttribute("r"), out _, out var c) ? c : nextCol;
            nextCol = col + 1;
            if (col > _limits.MaxColumns) throw new ExcelFileException($"列数が上限（{_limits.MaxColumns} 列）を超えています。");
            var type = r.GetAttribute("t");
            var style = int.TryParse(r.GetAttribute("s"), out var st) ? st : 0;
            string? value = null;
            if (!r.IsEmptyElement)
            {
                var cellDepth = r.Depth;
                while (r.Read() && r.Depth > cellDepth)
                {
                    if (r.NodeType != XmlNodeType.Element) continue;
                    if (r.LocalName == "v") value = r.ReadElementContentAsString();
                    else if (r.LocalName == "is") value = ReadRichText(r);
                    if (r.Depth <= cellDepth) break;
                }
            }
            var text = CellText(type, style, value);
            if (!string.IsNullOrEmpty(text)) row.Add((col, text));
        }
    }

    private string? CellText(string? type, int style, string? value)
    {
        if (value is null) return null;
        switch (type)
        {
            case "s":
                return int.TryParse(value, out var i) && i >= 0 && i < _sharedStrings.Count ? _sharedStrings[i] : null;
            case "b":
                return value == "1" ? "TRUE" : "FALSE";
            case "e":
                return null;
            case "str" or "inlineStr":
                return value;
            default:
                if (_dateStyles.Contains(style) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
                    return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return value;
        }
    }

    public void Dispose() => _zip.Dispose();

    /// Counts what comes out of the zip, so a part that lies about its size still cannot exhaust memory.
    private sealed class BoundedStream(Stream inner, XlsxPackage owner) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            owner._uncompressedRead += n;
            if (owner._uncompressedRead > owner._limits.MaxUncompressedBytes)
                throw new ExcelFileException("展開後のサイズが異常に大きいファイル（ZIP 爆弾の疑い）のため読み込みを中止しました。");
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
