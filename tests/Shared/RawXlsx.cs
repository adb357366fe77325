using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Komaki.Management.TestSheets;

/// Writes a minimal .xlsx by hand, for what ClosedXML cannot produce: furigana runs, formulas with and without cached
/// values, date-formatted serials, numbers written 1.0 or 1E0, prefixed namespaces, hidden sheets, Strict Open XML,
/// parts at names other than Excel's — the things real files from Excel and other programs contain.
public static class RawXlsx
{
    private const string Transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string TransitionalRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private const string StrictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    public sealed record Sheet(string Name, string Xml, bool Hidden = false);

    public static byte[] Build(string sheetXml, string? sharedStringsXml = null, string? stylesXml = null, string sheetName = "Sheet1") =>
        Build([new Sheet(sheetName, sheetXml)], sharedStringsXml, stylesXml);

    /// A workbook of several sheets. strict: Strict Open XML namespaces; folder: where the parts live ("xl" in Excel's files).
    public static byte[] Build(IReadOnlyList<Sheet> sheets, string? sharedStringsXml = null, string? stylesXml = null, bool strict = false, string folder = "xl")
    {
        var main = strict ? StrictMain : Transitional;
        var rel = strict ? StrictRel : TransitionalRel;
        var relType = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            var overrides = string.Join("", sheets.Select((_, i) => $"""<Override PartName="/{folder}/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""));
            Add(zip, "[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{folder}/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>""");
            Add(zip, "_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{relType}/officeDocument" Target="{folder}/workbook.xml"/></Relationships>""");
            var sheetEntries = string.Join("", sheets.Select((s, i) => $"""<sheet name="{SecurityElement.Escape(s.Name)}" sheetId="{i + 1}"{(s.Hidden ? " state=\"hidden\"" : "")} r:id="rId{i + 10}"/>"""));
            Add(zip, $"{folder}/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>{sheetEntries}</sheets></workbook>""");
            var sheetRels = string.Join("", sheets.Select((_, i) => $"""<Relationship Id="rId{i + 10}" Type="{relType}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""));
            Add(zip, $"{folder}/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{sheetRels}<Relationship Id="rId2" Type="{relType}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="{relType}/styles" Target="styles.xml"/></Relationships>""");
            for (var i = 0; i < sheets.Count; i++)
                Add(zip, $"{folder}/worksheets/sheet{i + 1}.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}">{sheets[i].Xml}</worksheet>""");
            if (sharedStringsXml is not null) Add(zip, $"{folder}/sharedStrings.xml", $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}">{sharedStringsXml}</sst>""");
            if (stylesXml is not null) Add(zip, $"{folder}/styles.xml", $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{main}">{stylesXml}</styleSheet>""");
        }
        return ms.ToArray();
    }

    /// A sheet of inline-string and number cells, one array per row (null = empty cell). A number is written as a
    /// number cell; a RawCell is written as given (a formula without a value, a number as 1E0 …).
    public static string Rows(params object?[][] rows) => RowsFrom(1, rows);

    public static string RowsFrom(int firstRow, params object?[][] rows)
    {
        var sb = new StringBuilder("<sheetData>");
        for (var r = 0; r < rows.Length; r++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + firstRow}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = Komaki.Management.Core.Excel.CellRange.ColumnName(c + 1) + (r + firstRow);
                switch (rows[r][c])
                {
                    case null: break;
                    case string s: sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(s)}</t></is></c>"); break;
                    case RawCell raw: sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"{raw.Attributes}>{raw.Inner}</c>"); break;
                    default: sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{Convert.ToString(rows[r][c], CultureInfo.InvariantCulture)}</v></c>"); break;
                }
            }
            sb.Append("</row>");
        }
        return sb.Append("</sheetData>").ToString();
    }

    /// A cell written exactly: RawCell.Number("1E0"), RawCell.Formula("SUM(A1:A3)") (no cached value).
    public sealed record RawCell(string Attributes, string Inner)
    {
        public static RawCell Number(string value) => new("", $"<v>{value}</v>");

        public static RawCell Formula(string formula, string? cached = null) =>
            new("", $"<f>{SecurityElement.Escape(formula)}</f>{(cached is null ? "" : $"<v>{cached}</v>")}");

        public static RawCell Error(string value) => new(" t=\"e\"", $"<v>{value}</v>");
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(content);
    }
}
