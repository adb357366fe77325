using System.Text.RegularExpressions;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Excel;

/// A column an import understands: its key, the header written on export, and the other wordings
/// divisions use for it. PerYear fields may sit under a year heading (R6 / 令和6年度 …) in wide sheets.
public sealed record FieldSpec(string Key, string Header, IReadOnlyList<string> Synonyms, bool Required = false, bool PerYear = false)
{
    public IEnumerable<string> AllNames => Synonyms.Prepend(Header);
}

/// Where the fields of an import sit in a sheet: found by name in the first rows, with two- and
/// three-row headers, merged cells and line breaks, and amount units from the header or a unit note.
public sealed partial class HeaderMap
{
    public const int RowsScanned = 15;

    public int LastHeaderRow { get; private init; }
    public IReadOnlyDictionary<string, int> Columns { get; private init; } = new Dictionary<string, int>();
    /// (fiscal year, field key) → column, for wide sheets with a block of columns per year.
    public IReadOnlyDictionary<(int Year, string Key), int> YearColumns { get; private init; } = new Dictionary<(int, string), int>();
    /// Yen per unit for amount columns: 1000 for 千円.
    public IReadOnlyDictionary<int, long> YenPerUnit { get; private init; } = new Dictionary<int, long>();
    public List<string> Notes { get; } = [];

    public IEnumerable<int> Years => YearColumns.Keys.Select(k => k.Year).Distinct().Order();

    public int? Column(string key) => Columns.TryGetValue(key, out var c) ? c : null;

    public int? Column(int year, string key) =>
        YearColumns.TryGetValue((year, key), out var c) ? c : Column(key);

    /// Finds the header rows, or throws ExcelFileException naming what was expected and what was found.
    public static HeaderMap Find(SheetGrid grid, IReadOnlyList<FieldSpec> fields, IReadOnlySet<string> amountKeys)
    {
        if (grid.Rows.Count == 0) throw new ExcelFileException($"シート「{grid.Name}」は空です。");
        var lastColumn = Math.Min(grid.LastColumn, 500);
        var names = fields
            .SelectMany(f => f.AllNames.Select(n => (Name: Key(n), Field: f)))
            .ToList();

        Candidate? best = null;
        for (var end = 1; end <= RowsScanned; end++)
        {
            var candidate = Match(grid, end, lastColumn, names);
            if (candidate is null) continue;
            if (best is null || candidate.Score > best.Score) best = candidate;
        }
        var required = fields.Where(f => f.Required).ToList();
        if (best is null || required.Any(f => !best.Matched.Contains(f.Key)))
        {
            var found = FoundHeaders(grid, lastColumn);
            var missing = best is null ? required : required.Where(f => !best.Matched.Contains(f.Key)).ToList();
            throw new ExcelFileException(
                $"シート「{grid.Name}」の見出しを認識できませんでした。必要な見出しのうち、次が見つかりません: {string.Join("、", missing.Select(f => f.Header))}。" +
                $"（期待する見出し: {string.Join("、", fields.Select(f => f.Header))}／1〜{RowsScanned}行目にあった見出し: {(found.Count == 0 ? "なし" : string.Join("、", found))}）");
        }

        var sheetUnit = FindUnitNote(grid, best.End, lastColumn);
        var map = new HeaderMap
        {
            LastHeaderRow = best.End,
            Columns = best.Columns,
            YearColumns = best.YearColumns,
            YenPerUnit = best.Columns.Where(c => amountKeys.Contains(c.Key)).Select(c => c.Value)
                .Concat(best.YearColumns.Where(c => amountKeys.Contains(c.Key.Key)).Select(c => c.Value))
                .Distinct()
                .ToDictionary(c => c, c => UnitOf(best.Labels[c]) ?? sheetUnit ?? 1000),
        };
        if (sheetUnit is null && map.YenPerUnit.Count > 0 && map.YenPerUnit.Keys.All(c => UnitOf(best.Labels[c]) is null))
            map.Notes.Add("金額の単位が見出しにも「（単位：千円）」のような注記にもないため、千円として読みました。");
        return map;
    }

    private sealed record Candidate(
        int End, int Score, HashSet<string> Matched, Dictionary<string, int> Columns,
        Dictionary<(int Year, string Key), int> YearColumns, Dictionary<int, List<string>> Labels);

    private static Candidate? Match(SheetGrid grid, int end, int lastColumn, List<(string Name, FieldSpec Field)> names)
    {
        var start = Math.Max(1, end - 3);
        var columns = new Dictionary<string, int>();
        var yearColumns = new Dictionary<(int Year, string Key), int>();
        var labels = new Dictionary<int, List<string>>();
        var matched = new HashSet<string>();
        var lastRowHasHeader = false;
        for (var c = 1; c <= lastColumn; c++)
        {
            var texts = new List<string>();
            for (var r = start; r <= end; r++)
            {
                var t = grid.ShownText(r, c);
                if (!string.IsNullOrWhiteSpace(t) && !texts.Contains(t)) texts.Add(t);
            }
            labels[c] = texts;
            FieldSpec? field = null;
            int? year = null;
            foreach (var text in texts)
            {
                var key = Key(text);
                var hit = names.FirstOrDefault(n => n.Name == key);
                if (hit.Field is not null) field = hit.Field;
                else if (TryYear(text, out var y)) year = y;
            }
            if (field is null) continue;
            if (Key(grid.ShownText(end, c)) is var lastKey && names.Any(n => n.Name == lastKey)) lastRowHasHeader = true;
            if (year is int fy && field.PerYear)
            {
                yearColumns.TryAdd((fy, field.Key), c);
            }
            else if (!columns.ContainsKey(field.Key))
            {
                columns[field.Key] = c;
            }
            matched.Add(field.Key);
        }
        if (!lastRowHasHeader || matched.Count == 0) return null;
        return new Candidate(end, matched.Count * 100 - end, matched, columns, yearColumns, labels);
    }

    /// A header as compared: NFKC, no spaces or line breaks, without a trailing unit or note in brackets.
    public static string Key(string? text)
    {
        var s = TextNormal.ForMatch(text);
        s = Bracketed().Replace(s, "");
        s = s.TrimStart('※', '*', '■', '□', '●', '○').TrimEnd('.', ':', '・');
        return s;
    }

    private static bool TryYear(string text, out int year)
    {
        var s = TextNormal.ForMatch(text);
        // A year heading, perhaps with a short qualifier (令和6年度計画, R7見込); not a title that starts with a year.
        var m = LeadingYear().Match(s);
        if (m.Success && s.Length - m.Length <= 4 && Wareki.TryParseFiscalYear(m.Groups[1].Value, out year)) return true;
        // 平成32(2020): written before the era changed; the Western year in brackets decides.
        var western = WesternInBrackets().Match(s);
        if (western.Success && Wareki.TryParseFiscalYear(western.Groups[1].Value, out year)) return true;
        return Wareki.TryParseFiscalYear(Bracketed().Replace(s, ""), out year);
    }

    private static long? UnitOf(IEnumerable<string> labels)
    {
        foreach (var label in labels)
        {
            if (UnitOf(label) is long u) return u;
        }
        return null;
    }

    private static long? UnitOf(string text)
    {
        var s = TextNormal.ForMatch(text);
        if (s.Contains("百万円")) return 1_000_000;
        if (s.Contains("千円")) return 1000;
        if (s.Contains("万円")) return 10_000;
        if (s.Contains("(円)") || s.Contains("単位:円") || s.EndsWith("円)", StringComparison.Ordinal) && s.Contains("(円")) return 1;
        return null;
    }

    private static long? FindUnitNote(SheetGrid grid, int lastHeaderRow, int lastColumn)
    {
        for (var r = 1; r <= lastHeaderRow; r++)
        {
            for (var c = 1; c <= lastColumn; c++)
            {
                var t = grid.RowAt(r)?.Get(c);
                if (t is null || !TextNormal.ForMatch(t).Contains("単位")) continue;
                if (UnitOf(t) is long u) return u;
            }
        }
        return null;
    }

    private static List<string> FoundHeaders(SheetGrid grid, int lastColumn)
    {
        var found = new List<string>();
        for (var r = 1; r <= RowsScanned; r++)
        {
            for (var c = 1; c <= lastColumn && found.Count < 30; c++)
            {
                var t = grid.RowAt(r)?.Get(c);
                if (!string.IsNullOrWhiteSpace(t) && t.Length <= 30 && !found.Contains(t.Trim())) found.Add(t.Trim());
            }
        }
        return found;
    }

    [GeneratedRegex(@"[\(（【\[][^\)）】\]]*[\)）】\]]")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^((?:令和|平成|[RH])(?:元|\d{1,2})年度?|\d{4}年度?)")]
    private static partial Regex LeadingYear();

    [GeneratedRegex(@"[\(（](\d{4})[\)）]")]
    private static partial Regex WesternInBrackets();
}

/// Reads one data row through a HeaderMap.
public readonly struct MappedRow(HeaderMap map, SheetRow row)
{
    public int Number => row.Number;

    public bool Has(string key, int? year = null) => (year is int y ? map.Column(y, key) : map.Column(key)) is not null;

    /// The cell's text, trimmed, with line breaks as \n; null when blank.
    public string? Text(string key, int? year = null)
    {
        var column = year is int y ? map.Column(y, key) : map.Column(key);
        if (column is not int c) return null;
        var t = row.Get(c);
        if (string.IsNullOrWhiteSpace(t)) return null;
        return t.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
    }

    public long YenPerUnit(string key, int? year = null)
    {
        var column = year is int y ? map.Column(y, key) : map.Column(key);
        return column is int c && map.YenPerUnit.TryGetValue(c, out var u) ? u : 1000;
    }

    /// Whether any cell of the row says it is a subtotal or total (小計, 合計, 総計, 計).
    public bool IsTotalRow()
    {
        foreach (var (_, text) in row.Cells)
        {
            var s = Common.TextNormal.ForMatch(text);
            if (s.Length <= 12 && (s.Contains("小計") || s.Contains("合計") || s.Contains("総計") || s == "計")) return true;
        }
        return false;
    }
}
