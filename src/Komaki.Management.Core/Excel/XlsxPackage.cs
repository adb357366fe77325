using System.IO.Compression;
using System.Xml;

namespace Komaki.Management.Core.Excel;

/// One sheet of a workbook as its directory lists it.
public sealed record SheetEntry(string Name, string Part, bool IsHidden);

/// Reads .xlsx workbooks as a stream of XML (no DOM, no evaluation of formulas), within ExcelLimits.
/// Only what imports need: sheet names and visibility, cell values as text (formulas as their cached values,
/// furigana left out), date cells as dates, numbers as their number format shows them (CellFormat), and merged ranges.
/// Parts are found through the package relationships, so Strict Open XML and parts at other names read too.
public sealed class XlsxPackage : IDisposable
{
    private static readonly string[] MainNamespaces =
        ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"];
    private static readonly string[] RelationshipNamespaces =
        ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"];
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly ExcelLimits _limits;
    private readonly List<string> _sharedStrings = [];
    // The number format of each cell style (cellXfs index) that is not General.
    private readonly Dictionary<int, CellFormat> _formats = [];
    private long _uncompressedRead;

    public IReadOnlyList<SheetEntry> Sheets { get; }

    private XlsxPackage(ZipArchive zip, ExcelLimits limits)
    {
        _zip = zip;
        _limits = limits;
        CheckSizes();
        var workbook = FindWorkbookPart();
        var rels = ReadRelationships(workbook);
        Sheets = ReadWorkbook(workbook, rels);
        ReadSharedStrings(rels.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target);
        ReadStyles(rels.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target);
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
            throw Corrupt();
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private static ExcelFileException Corrupt(string? part = null) =>
        new($"ファイルが壊れているため読み込めません{(part is null ? "" : $"（{part}の内容を読めません）")}。Excel で開けるか確認し、保存し直してください。");

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
    }

    /// Opens a part; reading past the limits throws, whatever the zip's directory claimed.
    private BoundedStream? OpenPart(string? path)
    {
        if (path is null) return null;
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

    private static bool IsMain(XmlReader r, string localName) =>
        r.NodeType == XmlNodeType.Element && r.LocalName == localName && MainNamespaces.Contains(r.NamespaceURI);

    /// The workbook part named by the package's officeDocument relationship (xl/workbook.xml in files from Excel).
    private string FindWorkbookPart()
    {
        var main = ReadRelationships("").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target;
        if (main is not null && _zip.GetEntry(main) is not null) return main;
        if (_zip.GetEntry("xl/workbook.xml") is not null) return "xl/workbook.xml";
        throw new ExcelFileException("Excel ブック（.xlsx）の構成になっていません（ブックの本体がありません）。Excel で保存し直してください。");
    }

    /// The relationships of a part ("" for the package itself), with targets resolved to part names.
    private List<(string Id, string Type, string Target)> ReadRelationships(string part)
    {
        var folder = part.Contains('/') ? part[..part.LastIndexOf('/')] : "";
        var file = part[(part.LastIndexOf('/') + 1)..];
        var relsPath = part.Length == 0 ? "_rels/.rels" : $"{(folder.Length == 0 ? "" : folder + "/")}_rels/{file}.rels";
        var result = new List<(string, string, string)>();
        using var s = OpenPart(relsPath);
        if (s is null) return result;
        using var r = Xml(s);
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "Relationship" || r.NamespaceURI != PackageRelNs) continue;
            if (r.GetAttribute("TargetMode") == "External") continue;
            result.Add((r.GetAttribute("Id") ?? "", r.GetAttribute("Type") ?? "", Resolve(folder, r.GetAttribute("Target") ?? "")));
        }
        return result;
    }

    private static string Resolve(string folder, string target)
    {
        var segments = new List<string>();
        if (!target.StartsWith('/') && folder.Length > 0) segments.AddRange(folder.Split('/'));
        foreach (var s in target.TrimStart('/').Split('/'))
        {
            if (s == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); }
            else if (s is not ("." or "")) segments.Add(s);
        }
        return string.Join('/', segments);
    }

    private List<SheetEntry> ReadWorkbook(string workbook, List<(string Id, string Type, string Target)> rels)
    {
        var sheets = new List<SheetEntry>();
        using var s = OpenPart(workbook)!;
        using var r = Xml(s);
        while (r.Read())
        {
            if (!IsMain(r, "sheet")) continue;
            var id = RelationshipNamespaces.Select(ns => r.GetAttribute("id", ns)).FirstOrDefault(x => x is not null);
            var part = rels.FirstOrDefault(x => x.Id == id).Target;
            if (id is null || part is null) continue;
            var state = r.GetAttribute("state");
            sheets.Add(new SheetEntry(r.GetAttribute("name") ?? "", part, state is "hidden" or "veryHidden"));
        }
        return sheets;
    }

    private void ReadSharedStrings(string? part)
    {
        using var s = OpenPart(part ?? "xl/sharedStrings.xml");
        if (s is null) return;
        using var r = Xml(s);
        r.MoveToContent();
        while (r.Read())
        {
            if (IsMain(r, "si")) _sharedStrings.Add(ReadRichText(r));
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

    private void ReadStyles(string? part)
    {
        using var s = OpenPart(part ?? "xl/styles.xml");
        if (s is null) return;
        var customFormats = new Dictionary<int, string>();
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
                    if (int.TryParse(r.GetAttribute("numFmtId"), out var id)) customFormats[id] = r.GetAttribute("formatCode") ?? "";
                    break;
                case "cellXfs":
                    inCellXfs = !r.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    if (int.TryParse(r.GetAttribute("numFmtId"), out var fmt) && CellFormat.Of(fmt, customFormats) is { } format)
                        _formats[xfIndex] = format;
                    xfIndex++;
                    break;
            }
        }
    }

    /// Reads one sheet by name (or the first sheet); with maxRows, only its first rows (to look for headers).
    /// Stops with ExcelFileException past MaxRows rows read.
    public SheetGrid ReadSheet(string? name = null, int? maxRows = null)
    {
        if (Sheets.Count == 0) throw new ExcelFileException("ブックにシートがありません。");
        var sheet = name is null ? Sheets[0] : Sheets.FirstOrDefault(x => x.Name == name);
        if (sheet is null) throw new ExcelFileException($"シート「{name}」がありません。");
        try
        {
            return Read(sheet, maxRows);
        }
        catch (XmlException)
        {
            throw Corrupt($"シート「{sheet.Name}」");
        }
        catch (InvalidDataException)
        {
            throw Corrupt($"シート「{sheet.Name}」");
        }
    }

    private SheetGrid Read(SheetEntry sheet, int? maxRows)
    {
        using var s = OpenPart(sheet.Part) ?? throw new ExcelFileException($"シート「{sheet.Name}」の内容がありません。ファイルが壊れている可能性があります。");
        using var r = Xml(s);
        var grid = new SheetGrid(sheet.Name);
        var rowNumber = 0;
        var rowsRead = 0;
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || !MainNamespaces.Contains(r.NamespaceURI)) continue;
            switch (r.LocalName)
            {
                case "dimension":
                    CheckDimension(r.GetAttribute("ref"), sheet.Name);
                    break;
                case "row":
                    rowNumber = int.TryParse(r.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var rn) && rn > rowNumber ? rn : rowNumber + 1;
                    if (maxRows is int m && rowNumber > m) return grid;
                    if (++rowsRead > _limits.MaxRows || rowNumber > ExcelLimits.LastRowOfASheet) throw TooManyRows(sheet.Name);
                    if (r.IsEmptyElement) break;
                    var hidden = r.GetAttribute("hidden") is "1" or "true";
                    var cells = new List<(int Col, string Text)>();
                    List<CellFlaw>? flaws = null;
                    List<CellReading>? readings = null;
                    ReadRow(r, cells, ref flaws, ref readings);
                    if (cells.Count > 0 || flaws is not null) grid.AddRow(rowNumber, cells, flaws, readings, hidden);
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

    private void ReadRow(XmlReader r, List<(int, string)> row, ref List<CellFlaw>? flaws, ref List<CellReading>? readings)
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
            var formula = false;
            if (!r.IsEmptyElement)
            {
                var cellDepth = r.Depth;
                while (r.Read() && r.Depth > cellDepth)
                {
                    if (r.NodeType != XmlNodeType.Element) continue;
                    if (r.LocalName == "v") value = r.ReadElementContentAsString();
                    else if (r.LocalName == "is") value = ReadRichText(r);
                    else if (r.LocalName == "f") formula = true;
                    if (r.Depth <= cellDepth) break;
                }
            }
            // An empty value element is no value either (openpyxl writes one), unless the formula's result is text.
            if (formula && (value is null || value.Length == 0 && type is not ("str" or "inlineStr")))
            {
                (flaws ??= []).Add(new CellFlaw(col, "値が保存されていない数式"));
                continue;
            }
            if (type == "e")
            {
                (flaws ??= []).Add(new CellFlaw(col, $"エラー値「{value}」"));
                continue;
            }
            var text = CellText(type, style, value, col, ref readings, ref flaws);
            if (!string.IsNullOrEmpty(text)) row.Add((col, text));
        }
    }

    private string? CellText(string? type, int style, string? value, int col, ref List<CellReading>? readings, ref List<CellFlaw>? flaws)
    {
        if (value is null) return null;
        switch (type)
        {
            case "s":
                return int.TryParse(value, out var i) && i >= 0 && i < _sharedStrings.Count ? _sharedStrings[i] : null;
            case "b":
                return value == "1" ? "TRUE" : "FALSE";
            case "str" or "inlineStr":
                return value;
            default:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                    return value;
                var stored = CellFormat.General(number, value);
                if (!_formats.TryGetValue(style, out var format)) return stored;
                var shown = format.Read(number, stored, out var reading);
                if (reading is not null) (readings ??= []).Add(reading with { Column = col });
                if (shown is null) (flaws ??= []).Add(new CellFlaw(col, $"表示形式「{format.Code}」で「{reading?.Shown}」と表示されていて、1つの値として読めないセル", CellFormat.Advice));
                return shown;
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
